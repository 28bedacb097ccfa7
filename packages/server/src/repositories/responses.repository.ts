import type { Anonymity, CampaignMode, LocalizedText, RatingInput } from '@evne/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { RollupChange } from './rollup-deltas.js';

/** How many rows share one rollup key, so that concurrent submissions rarely wait on each other. */
export const ROLLUP_SHARDS = 8;

/**
 * All SQL for the respondent's side of a campaign: the invitation behind a link, the response
 * and its ratings. An invitation is found by the hash of its token only; the service locks it
 * (`for update`) before it touches the response, so that two saves or submits of one link run
 * one after the other.
 */

export interface InvitationRecord {
  id: string;
  organisationId: string;
  campaignId: string;
  kind: CampaignMode;
  respondentPersonId: string;
  subjectPersonId: string;
  unitId: string | null;
  startedAt: Date | null;
  submittedAt: Date | null;
}

export interface CampaignRecord {
  id: string;
  organisationId: string;
  name: LocalizedText;
  frameworkVersionId: string;
  nodeIds: string[] | null;
  opensAt: Date;
  closesAt: Date;
  languages: string[];
  anonymity: Anonymity;
  scheduledAt: Date | null;
  closedAt: Date | null;
}

export interface ResponseRecord {
  id: string;
  status: 'draft' | 'submitted';
  revision: number;
  profileIds: string[];
  submittedAt: Date | null;
}

/**
 * What a personal link leads to: the invitation with its campaign, the respondent's language,
 * the subject's name, and the response so far with all its answers.
 */
export interface LinkRecord {
  invitation: InvitationRecord;
  campaign: CampaignRecord;
  respondentLocale: string | null;
  subjectName: string | null;
  response: ResponseRecord | undefined;
  ratings: StoredRating[];
  /** The invitation's unit and its ancestors, nearest first (empty without a unit). */
  unitPath: string[];
  /** Highest target per competence among the response's role profiles (empty without one). */
  targets: Map<string, number>;
}

/** An answer as stored, with the target that applied when it was given. */
export interface StoredRating extends RatingInput {
  target: number | null;
}

interface CampaignRow {
  campaign_id: string;
  organisation_id: string;
  name: unknown;
  framework_version_id: string;
  node_ids: string[] | null;
  opens_at: Date | string;
  closes_at: Date | string;
  languages: string[];
  anonymity: string;
  scheduled_at: Date | string | null;
  closed_at: Date | string | null;
}

const asDate = (value: Date | string | null): Date | null =>
  value === null ? null : new Date(value);

function toCampaignRecord(row: CampaignRow): CampaignRecord {
  return {
    id: row.campaign_id,
    organisationId: row.organisation_id,
    name: row.name as LocalizedText,
    frameworkVersionId: row.framework_version_id,
    nodeIds: row.node_ids,
    opensAt: new Date(row.opens_at),
    closesAt: new Date(row.closes_at),
    languages: row.languages,
    anonymity: row.anonymity as Anonymity,
    scheduledAt: asDate(row.scheduled_at),
    closedAt: asDate(row.closed_at),
  };
}

type RatingTuple = [string, number | null, boolean, boolean, string | null, number | null];

/**
 * Everything behind a token hash in one round trip (see LinkRecord). Saves do not lock: each
 * writes in one statement gated on the revision read here (see saveChanges).
 */
export async function readLink(db: Executor, tokenHash: string): Promise<LinkRecord | undefined> {
  const result = await sql<
    CampaignRow & {
      id: string;
      kind: string;
      respondent_person_id: string;
      subject_person_id: string;
      unit_id: string | null;
      started_at: Date | string | null;
      submitted_at: Date | string | null;
      respondent_locale: string | null;
      subject_name: string | null;
      response_id: string | null;
      response_status: string | null;
      revision: number | null;
      profile_ids: string[] | null;
      response_submitted_at: Date | string | null;
      ratings: RatingTuple[] | string | null;
      unit_path: string[] | null;
      targets: Record<string, number> | string | null;
    }
  >`
    select i.id, i.kind, i.respondent_person_id, i.subject_person_id, i.unit_id,
           i.started_at, i.submitted_at,
           c.id as campaign_id, c.organisation_id, c.name, c.framework_version_id, c.node_ids,
           c.opens_at, c.closes_at, c.languages, c.anonymity, c.scheduled_at, c.closed_at,
           rp.locale as respondent_locale, sp.name as subject_name,
           r.id as response_id, r.status as response_status, r.revision, r.profile_ids,
           r.submitted_at as response_submitted_at,
           (select json_agg(json_build_array(a.node_id, a.level, a.is_not_applicable,
                                             a.wants_to_develop, a.comment, a.target))
              from ratings a where a.response_id = r.id) as ratings,
           array(select u.ancestor_id from org_unit_closure u
                  where u.descendant_id = i.unit_id order by u.depth) as unit_path,
           (select json_object_agg(t.node_id, t.target)
              from (select node_id, max(target_level) as target
                      from role_profile_targets
                     where organisation_id = i.organisation_id
                       and profile_id = any(r.profile_ids) and target_level is not null
                     group by node_id) t) as targets
      from invitations i
      join campaigns c on c.id = i.campaign_id and c.organisation_id = i.organisation_id
      left join people rp on rp.id = i.respondent_person_id and rp.organisation_id = i.organisation_id
      left join people sp on sp.id = i.subject_person_id and sp.organisation_id = i.organisation_id
      left join responses r on r.invitation_id = i.id
     where i.token_hash = ${tokenHash}
  `.execute(db);
  const row = result.rows[0];
  if (!row) {
    return undefined;
  }
  const tuples: RatingTuple[] =
    typeof row.ratings === 'string'
      ? (JSON.parse(row.ratings) as RatingTuple[])
      : (row.ratings ?? []);
  return {
    invitation: {
      id: row.id,
      organisationId: row.organisation_id,
      campaignId: row.campaign_id,
      kind: row.kind as CampaignMode,
      respondentPersonId: row.respondent_person_id,
      subjectPersonId: row.subject_person_id,
      unitId: row.unit_id,
      startedAt: asDate(row.started_at),
      submittedAt: asDate(row.submitted_at),
    },
    campaign: toCampaignRecord(row),
    respondentLocale: row.respondent_locale,
    subjectName: row.subject_name,
    response:
      row.response_id === null
        ? undefined
        : {
            id: row.response_id,
            status: row.response_status as ResponseRecord['status'],
            revision: row.revision ?? 0,
            profileIds: row.profile_ids ?? [],
            submittedAt: asDate(row.response_submitted_at),
          },
    ratings: tuples.map(([nodeId, level, isNotApplicable, wantsToDevelop, comment, target]) => ({
      nodeId,
      level,
      isNotApplicable,
      wantsToDevelop,
      comment,
      target,
    })),
    unitPath: row.unit_path ?? [],
    targets: targetMap(row.targets),
  };
}

function targetMap(raw: Record<string, number> | string | null | undefined): Map<string, number> {
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, number> | null;
  return new Map(Object.entries(parsed ?? {}).map(([id, level]) => [id, Number(level)]));
}

/** Highest target per competence among the given role profiles. */
export async function highestTargets(
  db: Executor,
  organisationId: string,
  profileIds: readonly string[],
): Promise<Map<string, number>> {
  if (profileIds.length === 0) {
    return new Map();
  }
  const result = await sql<{ targets: Record<string, number> | string | null }>`
    select json_object_agg(t.node_id, t.target) as targets
      from (select node_id, max(target_level) as target
              from role_profile_targets
             where organisation_id = ${organisationId}
               and profile_id = any(${`{${profileIds.join(',')}}`}::uuid[])
               and target_level is not null
             group by node_id) t
  `.execute(db);
  return targetMap(result.rows[0]?.targets);
}

/**
 * Creates the (empty) draft response of an invitation, unless one exists already: then, as when
 * two first saves race, nothing is written and undefined is returned.
 */
export async function insertDraftResponse(
  db: Executor,
  values: {
    organisationId: string;
    campaignId: string;
    invitationId: string;
    kind: CampaignMode;
    subjectPersonId: string;
    unitId: string | null;
    profileIds: readonly string[];
    now: Date;
  },
): Promise<ResponseRecord | undefined> {
  const row = await db
    .insertInto('responses')
    .values({
      organisation_id: values.organisationId,
      campaign_id: values.campaignId,
      invitation_id: values.invitationId,
      kind: values.kind,
      subject_person_id: values.subjectPersonId,
      unit_id: values.unitId,
      profile_ids: sql<string[]>`${`{${values.profileIds.join(',')}}`}::uuid[]`,
      status: 'draft',
      created_at: values.now,
      updated_at: values.now,
    })
    .onConflict((oc) => oc.column('invitation_id').doNothing())
    .returning(['id', 'status', 'revision', 'profile_ids', 'submitted_at'])
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  return {
    id: row.id,
    status: 'draft',
    revision: row.revision,
    profileIds: row.profile_ids,
    submittedAt: null,
  };
}

/**
 * Writes one save in one statement, so that it is stored whole or not at all: bumps the
 * response's revision (marking it submitted with `submittedAt`), upserts and deletes answers,
 * and records on the invitation that it was started (and submitted). The response's update is
 * the gate: it happens only if the revision is still `expectedRevision`, and everything else
 * only if it happened. Returns the new revision, or undefined when another save came first.
 *
 * With `anonymiseOn` (an anonymous campaign's submit) the response is cut loose from its
 * invitation and person in the same statement, its times rounded to that day so that they
 * cannot be matched with the invitation's own times either.
 */
export async function saveChanges(
  db: Executor,
  values: {
    organisationId: string;
    responseId: string;
    expectedRevision: number;
    invitationId: string;
    campaignId: string;
    kind: CampaignMode;
    upserts: readonly StoredRating[];
    deletes: readonly string[];
    rollups: RollupChange;
    now: Date;
    submittedAt?: Date | undefined;
    anonymiseOn?: Date | undefined;
  },
): Promise<number | undefined> {
  const upserts = JSON.stringify(
    values.upserts.map((rating) => ({
      node_id: rating.nodeId,
      level: rating.level,
      is_not_applicable: rating.isNotApplicable,
      wants_to_develop: rating.wantsToDevelop,
      comment: rating.comment,
      target: rating.target,
    })),
  );
  const ratingRollups = JSON.stringify(
    values.rollups.ratings.map((delta) => [
      delta.unitId,
      delta.profileId,
      delta.nodeId,
      delta.level,
      delta.respondents,
      delta.wantsToDevelop,
      delta.withTarget,
      delta.meetingTarget,
      delta.shortfall,
    ]),
  );
  const responseRollups = JSON.stringify(
    values.rollups.responses.map((delta) => [delta.unitId, delta.profileId, delta.respondents]),
  );
  // Concurrent submissions spread over shards of the same rollup key (see migration 0006).
  const shard = Math.floor(Math.random() * ROLLUP_SHARDS);
  const deletes = `{${values.deletes.join(',')}}`;
  const submitted = values.submittedAt ?? null;
  const day = values.anonymiseOn;
  const times =
    day === undefined
      ? sql`updated_at = ${values.now}::timestamptz,
            submitted_at = coalesce(${submitted}::timestamptz, submitted_at)`
      : sql`invitation_id = null, subject_person_id = null,
            created_at = ${day}::timestamptz, updated_at = ${day}::timestamptz,
            submitted_at = ${day}::timestamptz`;
  const result = await sql<{ revision: number }>`
    with gate as (
      update responses
         set revision = revision + 1,
             status = case when ${submitted}::timestamptz is null then status else 'submitted' end,
             ${times}
       where id = ${values.responseId}::uuid and revision = ${values.expectedRevision}
      returning id, revision
    ), upserted as (
      insert into ratings (response_id, organisation_id, node_id, level, is_not_applicable,
                           wants_to_develop, comment, target)
      select gate.id, ${values.organisationId}::uuid, x.node_id, x.level,
             x.is_not_applicable, x.wants_to_develop, x.comment, x.target
        from gate, json_to_recordset(${upserts}::json)
          as x(node_id uuid, level integer, is_not_applicable boolean, wants_to_develop boolean,
               comment text, target integer)
      on conflict (response_id, node_id) do update
        set level = excluded.level, is_not_applicable = excluded.is_not_applicable,
            wants_to_develop = excluded.wants_to_develop, comment = excluded.comment,
            target = excluded.target
      returning 1
    ), deleted as (
      delete from ratings using gate
       where ratings.response_id = gate.id and ratings.node_id = any(${deletes}::uuid[])
      returning 1
    ), invitation as (
      update invitations
         set started_at = coalesce(invitations.started_at, ${values.now}::timestamptz),
             submitted_at = coalesce(${submitted}::timestamptz, invitations.submitted_at)
        from gate
       where invitations.id = ${values.invitationId}::uuid
         and (invitations.started_at is null or ${submitted}::timestamptz is not null)
      returning 1
    ), rating_rollup as (
      insert into rating_rollups (campaign_id, unit_id, profile_id, kind, node_id, level, shard,
                                  respondents, wants_to_develop, with_target, meeting_target,
                                  shortfall)
      select ${values.campaignId}::uuid, (x ->> 0)::uuid, (x ->> 1)::uuid, ${values.kind},
             (x ->> 2)::uuid, (x ->> 3)::integer, ${shard}, (x ->> 4)::integer,
             (x ->> 5)::integer, (x ->> 6)::integer, (x ->> 7)::integer, (x ->> 8)::integer
        from gate, json_array_elements(${ratingRollups}::json) with ordinality as d(x, n)
       order by d.n
      on conflict (campaign_id, unit_id, profile_id, kind, node_id, level, shard)
      do update set respondents = rating_rollups.respondents + excluded.respondents,
                    wants_to_develop = rating_rollups.wants_to_develop + excluded.wants_to_develop,
                    with_target = rating_rollups.with_target + excluded.with_target,
                    meeting_target = rating_rollups.meeting_target + excluded.meeting_target,
                    shortfall = rating_rollups.shortfall + excluded.shortfall
      returning 1
    ), response_rollup as (
      insert into response_rollups (campaign_id, unit_id, profile_id, kind, shard, respondents)
      select ${values.campaignId}::uuid, (x ->> 0)::uuid, (x ->> 1)::uuid, ${values.kind},
             ${shard}, (x ->> 2)::integer
        from gate, json_array_elements(${responseRollups}::json) with ordinality as d(x, n)
       order by d.n
      on conflict (campaign_id, unit_id, profile_id, kind, shard)
      do update set respondents = response_rollups.respondents + excluded.respondents
      returning 1
    )
    select revision from gate
  `.execute(db);
  return result.rows[0]?.revision;
}

/**
 * The names of the given role profiles and, per competence, the highest target among them
 * (profiles without a level for a competence are skipped), in one round trip.
 */
export async function profilesWithTargets(
  db: Executor,
  organisationId: string,
  profileIds: readonly string[],
): Promise<{ profiles: { id: string; name: LocalizedText }[]; targets: Map<string, number> }> {
  if (profileIds.length === 0) {
    return { profiles: [], targets: new Map() };
  }
  const ids = `{${profileIds.join(',')}}`;
  const result = await sql<{ data: string | { profiles: unknown; targets: unknown } }>`
    select json_build_object(
      'profiles', (select json_agg(json_build_object('id', p.id, 'name', p.name)
                                   order by p.created_at)
                     from role_profiles p
                    where p.organisation_id = ${organisationId} and p.id = any(${ids}::uuid[])),
      'targets', (select json_object_agg(t.node_id, t.target)
                    from (select node_id, max(target_level) as target
                            from role_profile_targets
                           where organisation_id = ${organisationId}
                             and profile_id = any(${ids}::uuid[])
                             and target_level is not null
                           group by node_id) t)
    ) as data
  `.execute(db);
  const raw = result.rows[0]?.data;
  const data = (typeof raw === 'string' ? JSON.parse(raw) : raw) as
    | {
        profiles: { id: string; name: LocalizedText }[] | null;
        targets: Record<string, number> | null;
      }
    | undefined;
  return {
    profiles: data?.profiles ?? [],
    targets: new Map(Object.entries(data?.targets ?? {}).map(([id, level]) => [id, Number(level)])),
  };
}

export interface RespondentInvitationRow {
  invitationId: string;
  campaign: CampaignRecord;
  kind: CampaignMode;
  subject: { id: string; name: string };
  startedAt: Date | null;
  submittedAt: Date | null;
  responseStatus: string | null;
}

/** The invitations a person answers (about themself or a report), with campaign and response. */
export async function listInvitationsOfRespondent(
  db: Executor,
  organisationId: string,
  personId: string,
): Promise<RespondentInvitationRow[]> {
  const rows = await db
    .selectFrom('invitations as i')
    .innerJoin('campaigns as c', 'c.id', 'i.campaign_id')
    .innerJoin('people as s', 's.id', 'i.subject_person_id')
    .leftJoin('responses as r', 'r.invitation_id', 'i.id')
    .select([
      'i.id as invitation_id',
      'i.kind',
      'i.started_at',
      'i.submitted_at',
      's.id as subject_id',
      's.name as subject_name',
      'r.status as response_status',
      'c.id as campaign_id',
      'c.organisation_id',
      'c.name',
      'c.framework_version_id',
      'c.node_ids',
      'c.opens_at',
      'c.closes_at',
      'c.languages',
      'c.anonymity',
      'c.scheduled_at',
      'c.closed_at',
    ])
    .where('i.organisation_id', '=', organisationId)
    .where('i.respondent_person_id', '=', personId)
    .orderBy('c.closes_at')
    .orderBy('i.kind', 'desc')
    .orderBy('s.name')
    .execute();
  return rows.map((row) => ({
    invitationId: row.invitation_id,
    campaign: toCampaignRecord(row),
    kind: row.kind as CampaignMode,
    subject: { id: row.subject_id, name: row.subject_name },
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    responseStatus: row.response_status,
  }));
}

export async function replaceInvitationToken(
  db: Executor,
  invitationId: string,
  tokenHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ token_hash: tokenHash, token_issued_at: now })
    .where('id', '=', invitationId)
    .execute();
}
