import { randomBytes } from 'node:crypto';
import { RoleSchema } from '@evne/core';
import { sql } from 'kysely';
import { withContext, type CommandIo } from './context.js';

export async function createAdmin(
  io: CommandIo,
  options: {
    org: string;
    email: string;
    name?: string;
    password?: string;
    orgName?: string;
    role?: string;
  },
): Promise<void> {
  const role = RoleSchema.parse(options.role ?? 'admin');
  await withContext(io, async ({ database, services, out }) => {
    const existing = await sql<{
      id: string;
    }>`select id from organisations where slug = ${options.org}`.execute(database.db);
    if (existing.rows.length === 0) {
      await sql`insert into organisations (slug, name) values (${options.org}, ${options.orgName ?? options.org})`.execute(
        database.db,
      );
      out(`Created organisation "${options.org}".`);
    }
    const password = options.password ?? randomBytes(12).toString('base64url');
    const { created } = await services.auth.ensureUser({
      email: options.email,
      name: options.name ?? options.email,
      password,
      organisationSlug: options.org,
      role,
    });
    out(`${created ? 'Created' : 'Updated'} ${role} ${options.email} in "${options.org}".`);
    if (!options.password) {
      out(`Password: ${password}`);
    }
  });
}
