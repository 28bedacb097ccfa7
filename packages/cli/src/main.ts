#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '@evne/core';
import { loadConfig, migrate, openDatabase, startServer } from '@evne/server';
import { Command, CommanderError } from 'commander';
import { createAdmin } from './commands/admin.js';
import { CliError, type CommandIo } from './commands/context.js';
import { exportFramework, importFramework, listFrameworks } from './commands/frameworks.js';
import { importOrganisationFile } from './commands/org.js';

/** Builds the `evne` command; `io` is injectable so that tests can run commands in-process. */
export function buildProgram(io: CommandIo): Command {
  const program = new Command('evne')
    .description('Evne: map and develop digital competences against the Nordic competence wheels')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });

  program
    .command('serve')
    .description(
      'Start the web server (PORT, HOST, EVNE_DATA_DIR, DATABASE_URL from the environment)',
    )
    .action(async () => {
      const server = await startServer(loadConfig(io.env), io.out);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void server.close().then(() => process.exit(0)));
      }
    });

  program
    .command('migrate')
    .description('Apply database migrations')
    .action(async () => {
      const config = loadConfig(io.env);
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        const applied = await migrate(database);
        io.out(applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.join(', ')}`);
      } finally {
        await database.close();
      }
    });

  program
    .command('vacuum')
    .description('Reclaim space and refresh statistics (PGlite has no autovacuum)')
    .action(async () => {
      const config = loadConfig(io.env);
      const database = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        await database.exec('vacuum analyze');
        io.out('Vacuumed and analysed.');
      } finally {
        await database.close();
      }
    });

  const admin = program.command('admin').description('Administer users');
  admin
    .command('create')
    .description(
      'Create (or reset) an organisation admin; creates the organisation if it does not exist',
    )
    .requiredOption('--org <slug>', 'organisation slug')
    .requiredOption('--email <email>', 'email address')
    .option('--name <name>', 'display name')
    .option(
      '--password <password>',
      'password (at least 10 characters); generated and printed if left out',
    )
    .option('--org-name <name>', 'name for a new organisation')
    .option('--role <role>', 'admin, manager or employee', 'admin')
    .action(
      (options: {
        org: string;
        email: string;
        name?: string;
        password?: string;
        orgName?: string;
        role?: string;
      }) => createAdmin(io, options),
    );

  const frameworks = program.command('frameworks').description('Competence frameworks');
  frameworks
    .command('import <file>')
    .description('Import a framework from JSON, CASE 1.1 JSON, CSV or XLSX; all or nothing')
    .requiredOption('--org <slug>', 'organisation that will own it')
    .option('--format <format>', 'json, case, csv or xlsx (default: from the file)')
    .option('--key <key>', 'framework key for CSV/XLSX files')
    .option('--publish', 'publish the imported version at once')
    .action(
      (file: string, options: { org: string; format?: string; publish?: boolean; key?: string }) =>
        importFramework(io, file, options),
    );
  frameworks
    .command('export <id>')
    .description('Export a framework (id or key: its latest published version) or a version id')
    .option('--format <format>', 'json, case, csv or xlsx', 'json')
    .option(
      '--org <slug>',
      'organisation whose frameworks to search (shipped ones are always visible)',
    )
    .option('--out <file>', 'write to a file instead of standard output')
    .action((id: string, options: { format: string; org?: string; out?: string }) =>
      exportFramework(io, id, options),
    );
  frameworks
    .command('list')
    .description('List frameworks')
    .option('--org <slug>', 'organisation')
    .action((options: { org?: string }) => listFrameworks(io, options));

  const org = program.command('org').description('Organisation: units and people');
  org
    .command('import <file>')
    .description(
      'Import units or people from CSV or XLSX: a dry run, or with --apply in one transaction',
    )
    .requiredOption('--org <slug>', 'organisation')
    .requiredOption('--kind <kind>', 'units or people')
    .option('--full', 'the file is complete: deactivate people (or units) missing from it')
    .option('--apply', 'apply after a clean dry run')
    .option(
      '--mapping <json>',
      'column mapping, e.g. {"employeeNumber":"Lønnr"}; default: remembered or guessed',
    )
    .action(
      (
        file: string,
        options: { org: string; kind: string; full?: boolean; apply?: boolean; mapping?: string },
      ) => importOrganisationFile(io, file, options),
    );

  return program;
}

/** Runs the CLI and returns the exit code; errors are printed for an operator, not as stacks. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode;
    }
    if (error instanceof CliError || error instanceof AppError) {
      io.err(error.message);
      return 1;
    }
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}

const entry = process.argv[1];
const isEntry = entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url);
if (isEntry) {
  const code = await runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
    ...(process.stderr.isTTY
      ? {
          progress: (line: string, isFinal: boolean) =>
            process.stderr.write(`\r${line.padEnd(70)}${isFinal ? '\n' : ''}`),
        }
      : {}),
  });
  if (code !== 0 || process.argv[2] !== 'serve') {
    process.exitCode = code;
  }
}
