import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCampaign,
  buildInvitation,
  buildPerson,
  campaignCompetences,
  type TestInvitation,
} from '../../test/campaign-factories.js';
import { testDatabaseEnvironment, testEngine } from '../../test/test-app.js';
import { systemClock } from '../adapters/clock.js';
import { openDatabase, type DatabaseHandle } from '../db/connect.js';
import { insertOrganisation } from '../repositories/organisations.repository.js';

// A process-level test: the real server as a child process on PostgreSQL, killed with SIGKILL in
// the middle of a burst of submissions. PGlite is one process's memory, so it runs on postgres only.
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const INVITATIONS = 200;
const KILL_AFTER = 100;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  output: string[];
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/server/src/dev-main.ts'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        EVNE_DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited early:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) {
        return { child, url, output };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output.join('')}`);
}

async function stop(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    return;
  }
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}

describe.skipIf(testEngine() !== 'postgres')('durability of submissions', () => {
  let environment: Awaited<ReturnType<typeof testDatabaseEnvironment>>;
  let database: DatabaseHandle;
  const servers: Server[] = [];

  beforeAll(async () => {
    environment = await testDatabaseEnvironment();
  });
  afterAll(async () => {
    for (const server of servers) {
      await stop(server, 'SIGKILL');
    }
    await database?.close();
    await environment.cleanup();
  });

  it('keeps every acknowledged submission whole after the server is killed, and no half ones', async () => {
    // The first start migrates the fresh database and installs the shipped frameworks.
    const first = await startServer(environment.env);
    servers.push(first);
    database = await openDatabase({ databaseUrl: environment.env.DATABASE_URL, poolSize: 4 });
    const db = database.db;
    const organisation = await insertOrganisation(db, { slug: 'durable', name: 'Durable' });
    const campaign = await buildCampaign(db, organisation.id, systemClock);
    const competences = await campaignCompetences(db, campaign.versionId);
    const invitations: TestInvitation[] = [];
    for (let index = 0; index < INVITATIONS; index += 1) {
      const person = await buildPerson(db, organisation.id);
      invitations.push(await buildInvitation(db, campaign, { respondent: person }));
    }
    const body = (index: number) =>
      JSON.stringify({
        ratings: competences.map((competence, position) => ({
          nodeId: competence.id,
          level: ((index + position) % 5) + 1,
          comment: `answer ${index}/${position}`,
        })),
      });
    const submitTo = async (url: string, index: number): Promise<number> => {
      const response = await fetch(`${url}/api/v1/respond/${invitations[index]!.token}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(index),
      });
      await response.arrayBuffer();
      return response.status;
    };

    const acknowledged = new Set<number>();
    let next = 0;
    const worker = async () => {
      while (next < INVITATIONS && acknowledged.size < KILL_AFTER) {
        const index = next;
        next += 1;
        try {
          if ((await submitTo(first.url, index)) === 200) {
            acknowledged.add(index);
            if (acknowledged.size === KILL_AFTER) {
              first.child.kill('SIGKILL');
            }
          }
        } catch {
          // The connection died with the server: not acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: 24 }, worker));
    await stop(first, 'SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.size).toBeLessThan(INVITATIONS);
    // Requests were still in flight when the server died.
    expect(next).toBeGreaterThan(acknowledged.size);

    const second = await startServer(environment.env);
    servers.push(second);
    const stored = async () => {
      const rows = await db
        .selectFrom('responses as r')
        .leftJoin('invitations as i', 'i.id', 'r.invitation_id')
        .select([
          'r.status',
          'r.submitted_at',
          'i.token_hash',
          'i.submitted_at as invitation_submitted_at',
          (eb) =>
            eb
              .selectFrom('ratings as x')
              .whereRef('x.response_id', '=', 'r.id')
              .select(sql<number>`count(*)::int`.as('count'))
              .as('ratings'),
        ])
        .where('r.campaign_id', '=', campaign.id)
        .execute();
      return rows;
    };
    const afterCrash = await stored();
    // No response has a partial set of ratings, and none is half-submitted.
    for (const row of afterCrash) {
      expect(row).toMatchObject({ status: 'submitted', ratings: competences.length });
      expect(row.submitted_at).not.toBeNull();
      expect(row.invitation_submitted_at).not.toBeNull();
    }
    const storedInvitations = new Set(afterCrash.map((row) => row.token_hash));
    const { hashToken } = await import('../adapters/tokens.js');
    for (const index of acknowledged) {
      expect(storedInvitations.has(hashToken(invitations[index]!.token))).toBe(true);
    }
    const ratingsOfFirst = await db
      .selectFrom('ratings as x')
      .innerJoin('responses as r', 'r.id', 'x.response_id')
      .innerJoin('invitations as i', 'i.id', 'r.invitation_id')
      .select(['x.level', 'x.comment'])
      .where('i.token_hash', '=', hashToken(invitations[[...acknowledged][0]!]!.token))
      .execute();
    expect(ratingsOfFirst).toHaveLength(competences.length);

    // The rest (and any stored but unacknowledged) go through on the restarted server.
    const statuses = await Promise.all(
      invitations.map((_invitation, index) => submitTo(second.url, index)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const finished = await stored();
    expect(finished).toHaveLength(INVITATIONS);
    for (const row of finished) {
      expect(row).toMatchObject({ status: 'submitted', ratings: competences.length });
    }
    await stop(second, 'SIGTERM');
  }, 60_000);
});
