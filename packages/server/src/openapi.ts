import { buildApp } from './app.js';
import { loadConfig } from './config/config.js';
import { openDatabase } from './db/connect.js';

/** The OpenAPI document as the running server serves it at /api/docs/json. */
export async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const { app } = await buildApp({
      config: loadConfig({}, { logLevel: 'silent', seedDemo: false, webDistDir: '/nonexistent' }),
      database,
      logger: false,
    });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}
