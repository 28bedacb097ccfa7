// `npm test`: every test tier — unit, API integration on PGlite and on PostgreSQL, browser e2e.
// Builds first, because the browser tests run the built web app. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, root } from './ensure-built.mjs';

ensureBuilt();
const dir = mkdtempSync(path.join(os.tmpdir(), 'evne-test-report-'));
const report = path.join(dir, 'report.json');
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  // One plain closing line that any CI can read.
  console.log(
    `${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
