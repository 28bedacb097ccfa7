import { systemClock } from './adapters/clock.js';
import { buildApp } from './app.js';
import { startReminderScheduler } from './services/campaigns.service.js';
import type { Config } from './config/config.js';
import { openDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { ensureDemoOrganisation, installShippedFrameworks } from './seed/seed.js';

/** Opens the database, migrates, loads shipped data and the demo organisation, and listens. */
export async function startServer(config: Config, print: (line: string) => void = console.log) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionError: (error) => {
      print(`  Database connection lost (${error.message}); reconnecting on the next query.`);
    },
  });
  const applied = await migrate(database);
  const { app, services } = await buildApp({ config, database });
  await installShippedFrameworks(services.frameworks);
  const demo = config.seedDemo
    ? await ensureDemoOrganisation(database.db, services, { password: config.demoPassword })
    : undefined;
  const address = await app.listen({ port: config.port, host: config.host });
  const where =
    database.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  print('');
  const shown = address.replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
  print(`  Evne is running at ${shown}`);
  print(
    `  Database: ${where}${applied.length > 0 ? ` (applied ${applied.length} migrations)` : ''}`,
  );
  print(`  API documentation: ${shown}/api/docs`);
  if (demo) {
    print('');
    print('  Demo organisation created. Sign in as its admin with:');
    print(`    email:    ${demo.email}`);
    print(`    password: ${demo.password}`);
    for (const other of demo.others) {
      print(`  Also: ${other}, same password`);
    }
    print(
      '  (shown once; set a new one with: npm run evne -- admin create --org demo --email ... )',
    );
  }
  print('');
  const stopReminders = startReminderScheduler(
    services.campaigns,
    systemClock,
    60 * 60 * 1000,
    (error) => {
      app.log.error({ err: error }, 'scheduled reminders failed');
    },
  );
  let closing = false;
  const close = async () => {
    if (closing) {
      return;
    }
    closing = true;
    stopReminders();
    await app.close();
    await database.close();
  };
  return { app, database, close };
}
