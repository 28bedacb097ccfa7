import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Finds the newest installed PostgreSQL server binaries (Debian layout). */
export function findPostgresBin(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) {
    throw new Error(
      'PostgreSQL server binaries not found in /usr/lib/postgresql (apt-get install postgresql)',
    );
  }
  const versions = execFileSync('ls', [root])
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean)
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'initdb'))) {
      return bin;
    }
  }
  throw new Error('No initdb found under /usr/lib/postgresql');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(command: string, args: string[]): string[] {
  // initdb refuses to run as root; run the server binaries as the postgres system user.
  return process.getuid?.() === 0
    ? ['runuser', '-u', 'postgres', '--', command, ...args]
    : [command, ...args];
}

export interface PostgresCluster {
  url: string;
  stop(): Promise<void>;
}

/** Starts a throwaway PostgreSQL cluster in a temp dir on a free loopback port. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evne-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const [initCommand, ...initArgs] = asPostgres(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  execFileSync(initCommand ?? '', initArgs, { stdio: 'pipe' });
  const [command, ...args] = asPostgres(path.join(bin, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const child = spawn(command ?? '', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ready && log.includes('ready to accept connections')) {
      break;
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`PostgreSQL did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      const [stopCommand, ...stopArgs] = asPostgres(path.join(bin, 'pg_ctl'), [
        'stop',
        '-D',
        dataDir,
        '-m',
        'fast',
        '-w',
      ]);
      try {
        execFileSync(stopCommand ?? '', stopArgs, { stdio: 'pipe' });
      } catch {
        child.kill('SIGKILL');
      }
      child.stderr.destroy();
      await new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve(undefined);
        }
        child.once('exit', resolve);
        setTimeout(resolve, 10_000);
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
