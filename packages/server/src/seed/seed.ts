import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { parseFrameworkJson } from '@evne/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import {
  findOrganisationBySlug,
  insertOrganisation,
} from '../repositories/organisations.repository.js';
import type { AuthService } from '../services/auth.service.js';
import type { FrameworksService } from '../services/frameworks.service.js';

export const SHIPPED_FRAMEWORKS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../seed/frameworks',
);

export const DEMO_ORGANISATION = { slug: 'demo', name: 'Demo Kommune' } as const;
export const DEMO_ADMIN_EMAIL = 'admin@demo.evne.local';

/** Loads every shipped framework file; a file that is already loaded unchanged is a no-op. */
export async function installShippedFrameworks(
  frameworks: FrameworksService,
  dir = SHIPPED_FRAMEWORKS_DIR,
): Promise<{ file: string; unchanged: boolean }[]> {
  const results: { file: string; unchanged: boolean }[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = parseFrameworkJson(readFileSync(path.join(dir, file), 'utf8'));
    if (!parsed.ok) {
      throw new Error(
        `Shipped framework ${file} is invalid:\n${parsed.issues.map((i) => `  ${i.path ?? ''} ${i.message}`).join('\n')}`,
      );
    }
    const result = await frameworks.installShipped(parsed.value);
    results.push({ file, unchanged: result.unchanged });
  }
  return results;
}

/**
 * Creates the demo organisation and its admin on first start. Returns the admin's password
 * when it was just created, so that the caller can print it once.
 */
export async function ensureDemoOrganisation(
  db: Kysely<Database>,
  auth: AuthService,
  options: { password?: string | undefined },
): Promise<{ email: string; password: string } | undefined> {
  if (await findOrganisationBySlug(db, DEMO_ORGANISATION.slug)) {
    return undefined;
  }
  await insertOrganisation(db, { ...DEMO_ORGANISATION, isDemo: true });
  const password = options.password ?? randomBytes(12).toString('base64url');
  await auth.ensureUser({
    email: DEMO_ADMIN_EMAIL,
    name: 'Demo Admin',
    password,
    organisationSlug: DEMO_ORGANISATION.slug,
    role: 'admin',
  });
  return { email: DEMO_ADMIN_EMAIL, password };
}
