import { randomBytes } from 'node:crypto';
import { RoleSchema } from '@evne/core';
import { findOrganisationBySlug, insertOrganisation } from '@evne/server';
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
    if (!(await findOrganisationBySlug(database.db, options.org))) {
      await insertOrganisation(database.db, {
        slug: options.org,
        name: options.orgName ?? options.org,
      });
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
