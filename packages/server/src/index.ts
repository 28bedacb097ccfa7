export { buildApp, createServices, type Services } from './app.js';
export { startServer } from './server.js';
export { loadConfig, type Config } from './config/config.js';
export { openDatabase, type DatabaseHandle } from './db/connect.js';
export { migrate } from './db/migrate.js';
export {
  installShippedFrameworks,
  ensureDemoOrganisation,
  DEMO_ADMIN_EMAIL,
  DEMO_ORGANISATION,
} from './seed/seed.js';
export { parseFrameworkFile, exportFrameworkFile } from './services/framework-files.js';
export { decodeText } from './adapters/tabular-files.js';
export { systemClock, type Clock } from './adapters/clock.js';
export {
  findOrganisationBySlug,
  insertOrganisation,
} from './repositories/organisations.repository.js';
export { openApiDocument } from './openapi.js';
export { compactRollups, rebuildRollups } from './repositories/rollups.repository.js';
export { sql } from 'kysely';
