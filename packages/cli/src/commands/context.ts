import type { Actor } from '@evne/core';
import {
  createServices,
  findOrganisationBySlug,
  loadConfig,
  migrate,
  openDatabase,
  systemClock,
  type Config,
  type DatabaseHandle,
  type Services,
} from '@evne/server';

/** What a command gets: the configured, migrated database and the services over it. */
export interface CommandContext {
  config: Config;
  database: DatabaseHandle;
  services: Services;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function withContext<T>(
  io: CommandIo,
  run: (context: CommandContext) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    await migrate(database);
    const services = createServices(database, config, systemClock);
    return await run({ config, database, services, out: io.out, err: io.err });
  } finally {
    await database.close();
  }
}

/** The operator acting in an organisation with admin authority. */
export async function systemActor(
  database: DatabaseHandle,
  organisationSlug: string | undefined,
): Promise<Actor> {
  if (organisationSlug === undefined) {
    // Reads only what is shipped with Evne.
    return {
      userId: '00000000-0000-0000-0000-000000000000',
      organisationId: '00000000-0000-0000-0000-000000000000',
      role: 'admin',
      isSystem: true,
    };
  }
  const organisation = await findOrganisationBySlug(database.db, organisationSlug);
  if (!organisation) {
    throw new CliError(`No organisation with slug "${organisationSlug}"`);
  }
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    organisationId: organisation.id,
    role: 'admin',
    isSystem: true,
  };
}

/** An error whose message is for the operator; printed without a stack. */
export class CliError extends Error {}
