import type { Anonymity, CampaignMode, LocalizedText, RatingInput } from '@evne/core';
import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

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

export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
  options: { lock: boolean },
): Promise<InvitationRecord | undefined> {
  let query = db
    .selectFrom('invitations')
    .select([
      'id',
      'organisation_id',
      'campaign_id',
      'kind',
      'respondent_person_id',
      'subject_person_id',
      'unit_id',
      'started_at',
      'submitted_at',
    ])
    .where('token_hash', '=', tokenHash);
  if (options.lock) {
    query = query.forUpdate();
  }
  const row = await query.executeTakeFirst();
  return row
    ? {
        id: row.id,
        organisationId: row.organisation_id,
        campaignId: row.campaign_id,
        kind: row.kind as CampaignMode,
        respondentPersonId: row.respondent_person_id,
        subjectPersonId: row.subject_person_id,
        unitId: row.unit_id,
        startedAt: row.started_at,
        submittedAt: row.submitted_at,
      }
    : undefined;
}

export async function findCampaign(
  db: Executor,
  campaignId: string,
): Promise<CampaignRecord | undefined> {
  const row = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        organisationId: row.organisation_id,
        name: row.name as LocalizedText,
        frameworkVersionId: row.framework_version_id,
        nodeIds: row.node_ids,
        opensAt: new Date(row.opens_at),
        closesAt: new Date(row.closes_at),
        languages: row.languages,
        anonymity: row.anonymity as Anonymity,
        scheduledAt: row.scheduled_at === null ? null : new Date(row.scheduled_at),
        closedAt: row.closed_at === null ? null : new Date(row.closed_at),
      }
    : undefined;
}

export async function findPeopleNames(
  db: Executor,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, { name: string; locale: string | null }>> {
  if (personIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name', 'locale'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((row) => [row.id, { name: row.name, locale: row.locale }]));
}

export async function findResponseForInvitation(
  db: Executor,
  invitationId: string,
): Promise<ResponseRecord | undefined> {
  const row = await db
    .selectFrom('responses')
    .select(['id', 'status', 'revision', 'profile_ids', 'submitted_at'])
    .where('invitation_id', '=', invitationId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        status: row.status as ResponseRecord['status'],
        revision: row.revision,
        profileIds: row.profile_ids,
        submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at),
      }
    : undefined;
}

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
): Promise<ResponseRecord> {
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
    .returning(['id', 'status', 'revision', 'profile_ids', 'submitted_at'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    status: 'draft',
    revision: row.revision,
    profileIds: row.profile_ids,
    submittedAt: null,
  };
}

export async function listRatings(db: Executor, responseId: string): Promise<RatingInput[]> {
  const rows = await db
    .selectFrom('ratings')
    .select(['node_id', 'level', 'is_not_applicable', 'wants_to_develop', 'comment'])
    .where('response_id', '=', responseId)
    .execute();
  return rows.map((row) => ({
    nodeId: row.node_id,
    level: row.level,
    isNotApplicable: row.is_not_applicable,
    wantsToDevelop: row.wants_to_develop,
    comment: row.comment,
  }));
}

/** Inserts or replaces the given answers of one response in one statement. */
export async function upsertRatings(
  db: Executor,
  organisationId: string,
  responseId: string,
  ratings: readonly RatingInput[],
): Promise<void> {
  if (ratings.length === 0) {
    return;
  }
  await db
    .insertInto('ratings')
    .values(
      ratings.map((rating) => ({
        response_id: responseId,
        organisation_id: organisationId,
        node_id: rating.nodeId,
        level: rating.level,
        is_not_applicable: rating.isNotApplicable,
        wants_to_develop: rating.wantsToDevelop,
        comment: rating.comment,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['response_id', 'node_id']).doUpdateSet((eb) => ({
        level: eb.ref('excluded.level'),
        is_not_applicable: eb.ref('excluded.is_not_applicable'),
        wants_to_develop: eb.ref('excluded.wants_to_develop'),
        comment: eb.ref('excluded.comment'),
      })),
    )
    .execute();
}

export async function deleteRatings(
  db: Executor,
  responseId: string,
  nodeIds: readonly string[],
): Promise<void> {
  if (nodeIds.length === 0) {
    return;
  }
  await db
    .deleteFrom('ratings')
    .where('response_id', '=', responseId)
    .where('node_id', 'in', [...nodeIds])
    .execute();
}

/** Records a save: the next revision, and submitted (with its time) when `submittedAt` is given. */
export async function touchResponse(
  db: Executor,
  responseId: string,
  values: { now: Date; submittedAt?: Date },
): Promise<void> {
  await db
    .updateTable('responses')
    .set((eb) => ({
      revision: eb('revision', '+', 1),
      updated_at: values.now,
      ...(values.submittedAt ? { status: 'submitted', submitted_at: values.submittedAt } : {}),
    }))
    .where('id', '=', responseId)
    .execute();
}

/**
 * Cuts an anonymous response loose from its invitation and person. Its times are rounded to the
 * day, so that they cannot be matched with the invitation's own times either.
 */
export async function anonymiseResponse(
  db: Executor,
  responseId: string,
  day: Date,
): Promise<void> {
  await db
    .updateTable('responses')
    .set({
      invitation_id: null,
      subject_person_id: null,
      created_at: day,
      updated_at: day,
      submitted_at: day,
    })
    .where('id', '=', responseId)
    .execute();
}

export async function markInvitationStarted(
  db: Executor,
  invitationId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ started_at: now })
    .where('id', '=', invitationId)
    .where('started_at', 'is', null)
    .execute();
}

export async function markInvitationSubmitted(
  db: Executor,
  invitationId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ submitted_at: now })
    .where('id', '=', invitationId)
    .execute();
}

/** Highest target per competence among the given profiles (profiles without a level are skipped). */
export async function highestTargets(
  db: Executor,
  organisationId: string,
  profileIds: readonly string[],
): Promise<Map<string, number>> {
  if (profileIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('role_profile_targets')
    .select(['node_id', (eb) => eb.fn.max('target_level').as('target')])
    .where('organisation_id', '=', organisationId)
    .where('profile_id', 'in', [...profileIds])
    .where('target_level', 'is not', null)
    .groupBy('node_id')
    .execute();
  const targets = new Map<string, number>();
  for (const row of rows) {
    if (row.target !== null) {
      targets.set(row.node_id, Number(row.target));
    }
  }
  return targets;
}

export async function findProfileNames(
  db: Executor,
  organisationId: string,
  profileIds: readonly string[],
): Promise<{ id: string; name: LocalizedText }[]> {
  if (profileIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('role_profiles')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...profileIds])
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name as LocalizedText }));
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
    campaign: {
      id: row.campaign_id,
      organisationId: row.organisation_id,
      name: row.name as LocalizedText,
      frameworkVersionId: row.framework_version_id,
      nodeIds: row.node_ids,
      opensAt: new Date(row.opens_at),
      closesAt: new Date(row.closes_at),
      languages: row.languages,
      anonymity: row.anonymity as Anonymity,
      scheduledAt: row.scheduled_at === null ? null : new Date(row.scheduled_at),
      closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    },
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
