// Installs dependencies and builds whatever is missing or older than its sources.
// Used by `npm start` and `npm test`, so that each is one command on a fresh checkout.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command) {
  console.log(`> ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

export function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker) || mtime(path.join(root, 'package-lock.json')) > mtime(marker)) {
    run('npm ci --no-audit --no-fund');
  }
}

export function ensureBuilt() {
  ensureInstalled();
  // Incremental: a no-op in about a second when nothing changed.
  run(
    'npx tsc -b packages/core/tsconfig.build.json packages/server/tsconfig.build.json packages/cli/tsconfig.build.json',
  );
  const webIndex = path.join(root, 'packages/web/dist/index.html');
  const webSources = Math.max(
    newest(path.join(root, 'packages/web/src')),
    newest(path.join(root, 'packages/core/src')),
    mtime(path.join(root, 'packages/web/index.html')),
  );
  if (mtime(webIndex) < webSources) {
    run('npm run build -w @evne/web');
  }
}
