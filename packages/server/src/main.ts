import { loadConfig } from './config/config.js';
import { startServer } from './server.js';

/** Process entry: `node packages/server/dist/main.js` (the CLI's `evne serve` does the same). */
const server = await startServer(loadConfig());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
