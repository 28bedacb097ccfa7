// `npm start`: install, build, migrate and start Evne on the embedded database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, root } from './ensure-built.mjs';

ensureBuilt();
const child = spawn(process.execPath, [path.join(root, 'packages/cli/dist/main.js'), 'serve'], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => process.exit(code ?? 0));
