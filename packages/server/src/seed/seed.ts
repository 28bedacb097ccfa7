import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { parseFrameworkJson, type Actor, type ProfileRuleInput } from '@evne/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import {
  findOrganisationBySlug,
  insertOrganisation,
} from '../repositories/organisations.repository.js';
import type { FrameworksService } from '../services/frameworks.service.js';
import { linkPersonToUser } from '../repositories/people.repository.js';
import type { Services } from '../app.js';
import { systemClock, type Clock } from '../adapters/clock.js';
import { seedDemoCampaign } from './demo-campaign.js';
import { importDemoOrganisation } from './demo-organisation.js';
import { ensureExampleProfiles } from './example-profiles.js';

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

export const DEMO_MANAGER_EMAIL = 'leder@demo.evne.local';
export const DEMO_EMPLOYEE_EMAIL = 'medarbejder@demo.evne.local';

/**
 * Creates the demo organisation on first start: its admin, a unit tree with people (through the
 * ordinary import), the example role profiles with assignment rules, a manager's and an
 * employee's account, and a closed campaign full of answers. Returns the password when it was
 * just created, so that the caller can print it once.
 */
export async function ensureDemoOrganisation(
  db: Kysely<Database>,
  services: Services,
  options: { password?: string | undefined; clock?: Clock },
): Promise<{ email: string; password: string; others: string[] } | undefined> {
  if (await findOrganisationBySlug(db, DEMO_ORGANISATION.slug)) {
    return undefined;
  }
  const organisation = await insertOrganisation(db, { ...DEMO_ORGANISATION, isDemo: true });
  const password = options.password ?? randomBytes(12).toString('base64url');
  const { userId } = await services.auth.ensureUser({
    email: DEMO_ADMIN_EMAIL,
    name: 'Demo Admin',
    password,
    organisationSlug: DEMO_ORGANISATION.slug,
    role: 'admin',
  });
  const actor: Actor = { userId, organisationId: organisation.id, role: 'admin' };
  await importDemoOrganisation(services.organisation, actor);
  await ensureExampleProfiles(db, organisation.id);

  const profiles = await services.roleProfiles.list(actor);
  const profile = (name: string) => profiles.find((candidate) => candidate.name.da === name)?.id;
  const root = (await services.organisation.listUnits(actor)).find(
    (unit) => unit.parentId === null,
  );
  const rules: [string | undefined, ProfileRuleInput][] = [
    [profile('Alle medarbejdere'), { kind: 'unit', unitId: root?.id ?? '', includeSubunits: true }],
    [profile('Sagsbehandler'), { kind: 'job_title', jobTitle: 'Sagsbehandler' }],
    [profile('Leder'), { kind: 'job_title', jobTitle: 'Leder' }],
    [profile('Leder'), { kind: 'job_title', jobTitle: 'Direktør' }],
    [profile('Digital projektleder'), { kind: 'job_title', jobTitle: 'Digital projektleder' }],
  ];
  for (const [profileId, rule] of rules) {
    if (profileId !== undefined && (rule.kind !== 'unit' || rule.unitId !== '')) {
      await services.roleProfiles.addRule(actor, profileId, rule);
    }
  }

  // A leader of the elderly care area and one of their staff, to try the other roles.
  const others: string[] = [];
  for (const [email, role, unitCode, isLeader] of [
    [DEMO_MANAGER_EMAIL, 'manager', 'SOF-ÆLD', true],
    [DEMO_EMPLOYEE_EMAIL, 'employee', 'SOF-ÆLD-HJN', false],
  ] as const) {
    const unit = (await services.organisation.listUnits(actor)).find(
      (candidate) => candidate.code === unitCode,
    );
    const person = unit
      ? isLeader
        ? unit.manager
        : (
            await services.organisation.listPeople(actor, {
              unitId: unit.id,
              includeSubunits: 'false',
              status: 'active',
              page: 1,
              pageSize: 50,
            })
          ).items.find((candidate) => candidate.id !== unit.manager?.id)
      : undefined;
    if (!person) {
      continue;
    }
    const account = await services.auth.ensureUser({
      email,
      name: person.name,
      password,
      organisationSlug: DEMO_ORGANISATION.slug,
      role,
    });
    await linkPersonToUser(db, organisation.id, person.id, account.userId);
    others.push(`${email} (${role === 'manager' ? 'manager' : 'employee'}: ${person.name})`);
  }
  await seedDemoCampaign(db, services, actor, options.clock ?? systemClock);
  return { email: DEMO_ADMIN_EMAIL, password, others };
}
