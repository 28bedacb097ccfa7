import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connect.js';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations',
);

const LOCK_ID = 4_242_001;

/**
 * Applies the forward-only SQL files in order, each in its own transaction with the
 * bookkeeping row, under an advisory lock so that two servers starting together do not race.
 */
export async function migrate(handle: DatabaseHandle, dir = MIGRATIONS_DIR): Promise<string[]> {
  await handle.exec(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const files = readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const done = await sql<{
      name: string;
    }>`select name from schema_migrations where name = ${file}`.execute(handle.db);
    if (done.rows.length > 0) {
      continue;
    }
    const body = readFileSync(path.join(dir, file), 'utf8');
    const name = file.replace(/'/g, "''");
    await handle
      .exec(
        `begin;\nselect pg_advisory_xact_lock(${LOCK_ID});\n` +
          `do $$ begin if exists (select 1 from schema_migrations where name = '${name}') then raise exception 'already applied'; end if; end $$;\n` +
          `${body}\n;insert into schema_migrations (name) values ('${name}');\ncommit;`,
      )
      .catch(async (error: unknown) => {
        await handle.exec('rollback').catch(() => undefined);
        if (error instanceof Error && error.message.includes('already applied')) {
          return;
        }
        throw new Error(
          `Migration ${file} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    applied.push(file);
  }
  return applied;
}
