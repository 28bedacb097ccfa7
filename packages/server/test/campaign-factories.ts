import { randomBytes } from 'node:crypto';
import type { Anonymity, CampaignMode, Locale } from '@evne/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Clock } from '../src/adapters/clock.js';
import { hashToken, newToken } from '../src/adapters/tokens.js';
import type { Database } from '../src/db/database.js';

/**
 * Campaign rows written straight into the database, so that respondent tests do not depend on
 * the admin API. Every helper takes the Kysely handle of a migrated test database.
 */

/** A clock the test moves by hand. */
export interface TestClock extends Clock {
  set(at: Date): void;
  advance(milliseconds: number): void;
}

/** A clock that stands still at `start` until the test moves it. */
export function testClock(start = new Date('2026-03-02T09:00:00Z')): TestClock {
  let current = start;
  return {
    now: () => current,
    set(at) {
      current = at;
    },
    advance(milliseconds) {
      current = new Date(current.getTime() + milliseconds);
    },
  };
}

const DAY = 24 * 60 * 60 * 1000;

/** The latest published version of a framework shipped with Evne (DK by default). */
export async function shippedVersionId(
  db: Kysely<Database>,
  key = 'dk-state-model',
): Promise<string> {
  const row = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select('v.id')
    .where('f.key', '=', key)
    .where('f.organisation_id', 'is', null)
    .where('v.status', '=', 'published')
    .orderBy('v.number', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface TestPerson {
  id: string;
  name: string;
  email: string;
}

/** A unit (under `parentId` when given), with its rows in the closure table. */
export async function buildUnit(
  db: Kysely<Database>,
  organisationId: string,
  name = `Unit ${randomBytes(3).toString('hex')}`,
  parentId: string | null = null,
): Promise<string> {
  const row = await db
    .insertInto('org_units')
    .values({
      organisation_id: organisationId,
      code: randomBytes(4).toString('hex'),
      name,
      parent_id: parentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`insert into org_unit_closure (organisation_id, ancestor_id, descendant_id, depth)
            values (${organisationId}, ${row.id}, ${row.id}, 0)`.execute(db);
  if (parentId !== null) {
    await sql`insert into org_unit_closure (organisation_id, ancestor_id, descendant_id, depth)
              select organisation_id, ancestor_id, ${row.id}, depth + 1
                from org_unit_closure where descendant_id = ${parentId}`.execute(db);
  }
  return row.id;
}

export async function buildPerson(
  db: Kysely<Database>,
  organisationId: string,
  values: {
    name?: string;
    unitId?: string | null;
    managerId?: string | null;
    userId?: string | null;
    jobTitle?: string | null;
    locale?: Locale | null;
  } = {},
): Promise<TestPerson> {
  const suffix = randomBytes(4).toString('hex');
  const name = values.name ?? `Person ${suffix}`;
  const email = `person-${suffix}@example.org`;
  const row = await db
    .insertInto('people')
    .values({
      organisation_id: organisationId,
      employee_number: `E-${suffix}`,
      name,
      email,
      unit_id: values.unitId ?? null,
      manager_id: values.managerId ?? null,
      user_id: values.userId ?? null,
      job_title: values.jobTitle ?? null,
      locale: values.locale ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name, email };
}

export interface TestCampaign {
  id: string;
  organisationId: string;
  versionId: string;
}

/** A scheduled campaign on a shipped version, open from a day before the clock for a week. */
export async function buildCampaign(
  db: Kysely<Database>,
  organisationId: string,
  clock: Clock,
  options: {
    anonymity?: Anonymity;
    versionId?: string;
    nodeIds?: string[] | null;
    languages?: Locale[];
    modes?: CampaignMode[];
    opensAt?: Date;
    closesAt?: Date;
  } = {},
): Promise<TestCampaign> {
  const now = clock.now();
  const versionId = options.versionId ?? (await shippedVersionId(db));
  const row = await db
    .insertInto('campaigns')
    .values({
      organisation_id: organisationId,
      name: JSON.stringify({ da: 'Kortlægning 2026', en: 'Mapping 2026' }),
      framework_version_id: versionId,
      node_ids: options.nodeIds ?? null,
      audience: JSON.stringify({
        unitIds: [],
        includeSubunits: true,
        profileIds: [],
        personIds: [],
      }),
      opens_at: options.opensAt ?? new Date(now.getTime() - DAY),
      closes_at: options.closesAt ?? new Date(now.getTime() + 7 * DAY),
      modes: options.modes ?? ['self', 'manager'],
      languages: options.languages ?? ['da', 'en'],
      anonymity: options.anonymity ?? 'identified',
      scheduled_at: new Date(now.getTime() - 2 * DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, organisationId, versionId };
}

export interface TestInvitation {
  id: string;
  token: string;
}

/** An invitation with a fresh token; only the token's hash is stored, as the admin side does. */
export async function buildInvitation(
  db: Kysely<Database>,
  campaign: TestCampaign,
  values: {
    respondent: TestPerson;
    subject?: TestPerson;
    kind?: CampaignMode;
    unitId?: string | null;
  },
): Promise<TestInvitation> {
  const token = newToken();
  const row = await db
    .insertInto('invitations')
    .values({
      organisation_id: campaign.organisationId,
      campaign_id: campaign.id,
      kind: values.kind ?? 'self',
      respondent_person_id: values.respondent.id,
      subject_person_id: (values.subject ?? values.respondent).id,
      unit_id: values.unitId ?? null,
      token_hash: hashToken(token),
      token_issued_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The campaign's rated competences in tree order, with their area codes. */
export async function campaignCompetences(
  db: Kysely<Database>,
  versionId: string,
): Promise<{ id: string; code: string }[]> {
  const rows = await db
    .selectFrom('framework_nodes as n')
    .select(['n.id', 'n.code'])
    .where('n.version_id', '=', versionId)
    .where('n.is_hidden', '=', false)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('framework_nodes as c')
            .select('c.id')
            .whereRef('c.parent_id', '=', 'n.id')
            .where('c.is_hidden', '=', false),
        ),
      ),
    )
    .orderBy('n.code')
    .execute();
  return rows;
}
