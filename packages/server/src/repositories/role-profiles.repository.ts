import type {
  Importance,
  LocalizedText,
  ProfileRule,
  ProfileRuleInput,
  RoleProfileSummary,
  RoleProfileTarget,
} from '@evne/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

/**
 * All SQL for role profiles, their targets and assignment rules. Every query is scoped by the
 * caller's organisation; who has which profile lives in profile-assignments.repository.ts.
 */

/** A stored profile with its framework version heading; people are counted elsewhere. */
export type ProfileRecord = Omit<RoleProfileSummary, 'peopleCount'>;

function profileQuery(db: Executor, organisationId: string) {
  return db
    .selectFrom('role_profiles as rp')
    .innerJoin('framework_versions as v', 'v.id', 'rp.framework_version_id')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .leftJoin('role_profiles as src', (join) =>
      join
        .onRef('src.id', '=', 'rp.carried_from_profile_id')
        .on('src.organisation_id', '=', organisationId),
    )
    .leftJoin('framework_versions as sv', 'sv.id', 'src.framework_version_id')
    .where('rp.organisation_id', '=', organisationId)
    .select((eb) => [
      'rp.id',
      'rp.name',
      'rp.description',
      'rp.is_example',
      'rp.framework_version_id',
      'v.framework_id',
      'v.number',
      'f.name as framework_name',
      'src.id as carried_from_id',
      'sv.number as carried_from_number',
      eb
        .selectFrom('role_profile_targets as t')
        .whereRef('t.profile_id', '=', 'rp.id')
        .select(sql<number>`count(*)::int`.as('count'))
        .as('target_count'),
      eb
        .not(
          eb.exists(
            eb
              .selectFrom('framework_versions as later')
              .select('later.id')
              .whereRef('later.framework_id', '=', 'v.framework_id')
              .where('later.status', '=', 'published')
              .whereRef('later.number', '>', 'v.number'),
          ),
        )
        .as('is_latest'),
    ])
    .orderBy('rp.created_at')
    .orderBy('rp.id');
}

type ProfileQueryRow = Awaited<ReturnType<ReturnType<typeof profileQuery>['executeTakeFirst']>>;

function toProfileRecord(row: NonNullable<ProfileQueryRow>): ProfileRecord {
  return {
    id: row.id,
    name: row.name as LocalizedText,
    description: (row.description as LocalizedText | null) ?? null,
    isExample: row.is_example,
    frameworkVersion: {
      id: row.framework_version_id,
      frameworkId: row.framework_id,
      frameworkName: row.framework_name as LocalizedText,
      number: row.number,
      isLatest: Boolean(row.is_latest),
    },
    targetCount: Number(row.target_count ?? 0),
    carriedFrom:
      row.carried_from_id !== null && row.carried_from_number !== null
        ? { id: row.carried_from_id, versionNumber: row.carried_from_number }
        : null,
  };
}

/** The organisation's profiles, oldest first. */
export async function listProfiles(db: Executor, organisationId: string): Promise<ProfileRecord[]> {
  const rows = await profileQuery(db, organisationId).execute();
  return rows.map(toProfileRecord);
}

/** One of the organisation's profiles, or undefined when it has no such profile. */
export async function findProfile(
  db: Executor,
  organisationId: string,
  profileId: string,
): Promise<ProfileRecord | undefined> {
  const row = await profileQuery(db, organisationId)
    .where('rp.id', '=', profileId)
    .executeTakeFirst();
  return row ? toProfileRecord(row) : undefined;
}

/** Inserts a profile and returns its id. */
export async function insertProfile(
  db: Executor,
  values: {
    organisationId: string;
    frameworkVersionId: string;
    name: LocalizedText;
    description: LocalizedText | null;
    isExample: boolean;
    carriedFromProfileId: string | null;
    createdAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('role_profiles')
    .values({
      organisation_id: values.organisationId,
      framework_version_id: values.frameworkVersionId,
      name: JSON.stringify(values.name),
      description: values.description === null ? null : JSON.stringify(values.description),
      is_example: values.isExample,
      carried_from_profile_id: values.carriedFromProfileId,
      created_at: values.createdAt,
      updated_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the name or description of a profile and stamps `updated_at`. */
export async function updateProfile(
  db: Executor,
  organisationId: string,
  profileId: string,
  values: { name?: LocalizedText; description?: LocalizedText | null; updatedAt: Date },
): Promise<void> {
  await db
    .updateTable('role_profiles')
    .set({
      ...(values.name !== undefined ? { name: JSON.stringify(values.name) } : {}),
      ...(values.description !== undefined
        ? { description: values.description === null ? null : JSON.stringify(values.description) }
        : {}),
      updated_at: values.updatedAt,
    })
    .where('id', '=', profileId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** Deletes a profile; its targets, rules and hand assignments go with it. */
export async function deleteProfile(
  db: Executor,
  organisationId: string,
  profileId: string,
): Promise<void> {
  await db
    .deleteFrom('role_profiles')
    .where('id', '=', profileId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** Whether the organisation already has profiles marked as examples. */
export async function hasExampleProfiles(db: Executor, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_profiles')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('is_example', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The targets of a profile, by node code. */
export async function listTargets(
  db: Executor,
  organisationId: string,
  profileId: string,
): Promise<RoleProfileTarget[]> {
  const rows = await db
    .selectFrom('role_profile_targets as t')
    .innerJoin('framework_nodes as n', 'n.id', 't.node_id')
    .select(['t.node_id', 't.target_level', 't.importance'])
    .where('t.organisation_id', '=', organisationId)
    .where('t.profile_id', '=', profileId)
    .orderBy('n.code')
    .execute();
  return rows.map((row) => ({
    nodeId: row.node_id,
    targetLevel: row.target_level,
    importance: row.importance as Importance,
  }));
}

/** Replaces all targets of a profile: deletes the old ones and inserts the new ones. */
export async function replaceTargets(
  db: Executor,
  organisationId: string,
  profileId: string,
  targets: readonly RoleProfileTarget[],
): Promise<void> {
  await db
    .deleteFrom('role_profile_targets')
    .where('organisation_id', '=', organisationId)
    .where('profile_id', '=', profileId)
    .execute();
  const rows = targets.map((target) => ({
    profile_id: profileId,
    organisation_id: organisationId,
    node_id: target.nodeId,
    target_level: target.targetLevel,
    importance: target.importance,
  }));
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('role_profile_targets')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

/** The assignment rules of a profile, with the unit's code and name for unit rules. */
export async function listRules(
  db: Executor,
  organisationId: string,
  profileId: string,
): Promise<ProfileRule[]> {
  const rows = await db
    .selectFrom('role_profile_rules as r')
    .leftJoin('org_units as u', (join) =>
      join.onRef('u.id', '=', 'r.unit_id').on('u.organisation_id', '=', organisationId),
    )
    .select([
      'r.id',
      'r.kind',
      'r.job_title',
      'r.include_subunits',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
    ])
    .where('r.organisation_id', '=', organisationId)
    .where('r.profile_id', '=', profileId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as ProfileRule['kind'],
    jobTitle: row.job_title,
    unit:
      row.unit_id !== null && row.unit_code !== null && row.unit_name !== null
        ? { id: row.unit_id, code: row.unit_code, name: row.unit_name }
        : null,
    includeSubunits: row.include_subunits,
  }));
}

/** Finds a rule of the profile with the same job title (case-insensitive) or the same unit. */
export async function findSameRule(
  db: Executor,
  organisationId: string,
  profileId: string,
  rule: ProfileRuleInput,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('role_profile_rules')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('profile_id', '=', profileId)
    .where('kind', '=', rule.kind)
    .where((eb) =>
      rule.kind === 'job_title'
        ? eb(eb.fn('lower', ['job_title']), '=', rule.jobTitle.toLowerCase())
        : eb('unit_id', '=', rule.unitId),
    )
    .executeTakeFirst();
  return row?.id;
}

/** Inserts an assignment rule and returns its id. */
export async function insertRule(
  db: Executor,
  organisationId: string,
  profileId: string,
  rule: ProfileRuleInput,
  createdAt: Date,
): Promise<string> {
  const row = await db
    .insertInto('role_profile_rules')
    .values({
      organisation_id: organisationId,
      profile_id: profileId,
      kind: rule.kind,
      job_title: rule.kind === 'job_title' ? rule.jobTitle : null,
      unit_id: rule.kind === 'unit' ? rule.unitId : null,
      include_subunits: rule.kind === 'unit' ? rule.includeSubunits : true,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Copies every rule of one profile to another profile of the same organisation. */
export async function copyRules(
  db: Executor,
  organisationId: string,
  fromProfileId: string,
  toProfileId: string,
): Promise<void> {
  await sql`
    insert into role_profile_rules (organisation_id, profile_id, kind, job_title, unit_id, include_subunits, created_at)
    select organisation_id, ${toProfileId}::uuid, kind, job_title, unit_id, include_subunits, created_at
      from role_profile_rules
      where organisation_id = ${organisationId} and profile_id = ${fromProfileId}
  `.execute(db);
}

/** Deletes a rule of the profile; false when the organisation's profile has no such rule. */
export async function deleteRule(
  db: Executor,
  organisationId: string,
  profileId: string,
  ruleId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('role_profile_rules')
    .where('id', '=', ruleId)
    .where('profile_id', '=', profileId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whether the unit belongs to the organisation. */
export async function unitExists(
  db: Executor,
  organisationId: string,
  unitId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('id', '=', unitId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface LineagePair {
  newNodeId: string;
  oldNodeId: string;
}

/**
 * Follows framework_nodes.source_node_id from the nodes of `toVersionId` back through any number
 * of copies (at most 50) to nodes of `fromVersionId`. Only nodes shipped with Evne or belonging to
 * the organisation are followed.
 */
export async function listLineagePairs(
  db: Executor,
  organisationId: string,
  fromVersionId: string,
  toVersionId: string,
): Promise<LineagePair[]> {
  const result = await sql<{ new_node_id: string; old_node_id: string }>`
    with recursive lineage (new_node_id, ancestor_id, depth) as (
      select n.id, n.source_node_id, 1
        from framework_nodes n
        where n.version_id = ${toVersionId} and n.source_node_id is not null
          and (n.organisation_id is null or n.organisation_id = ${organisationId})
      union all
      select l.new_node_id, p.source_node_id, l.depth + 1
        from lineage l
        join framework_nodes p on p.id = l.ancestor_id
        where p.version_id <> ${fromVersionId} and p.source_node_id is not null and l.depth < 50
          and (p.organisation_id is null or p.organisation_id = ${organisationId})
    )
    select l.new_node_id, l.ancestor_id as old_node_id
      from lineage l
      join framework_nodes o on o.id = l.ancestor_id
      where o.version_id = ${fromVersionId}
        and (o.organisation_id is null or o.organisation_id = ${organisationId})
  `.execute(db);
  return result.rows.map((row) => ({ newNodeId: row.new_node_id, oldNodeId: row.old_node_id }));
}
