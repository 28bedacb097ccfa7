// `npm test`: every test tier — unit, API integration on PGlite and on PostgreSQL, browser e2e.
// Builds first, because the browser tests run the built web app. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { ensureBuilt, root } from './ensure-built.mjs';

ensureBuilt();
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
