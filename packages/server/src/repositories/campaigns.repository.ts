import type { Anonymity, Audience, CampaignMode, Locale, LocalizedText } from '@evne/core';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.js';
import { personHasProfile } from './profile-assignments.repository.js';

/** All SQL for campaigns, their invitations and the outbox, scoped to one organisation. */

export interface CampaignRecord {
  id: string;
  organisationId: string;
  name: LocalizedText;
  frameworkVersionId: string;
  nodeIds: string[] | null;
  audience: Audience;
  opensAt: Date;
  closesAt: Date;
  modes: CampaignMode[];
  languages: Locale[];
  anonymity: Anonymity;
  scheduledAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CampaignValues {
  name: LocalizedText;
  frameworkVersionId: string;
  nodeIds: string[] | null;
  audience: Audience;
  opensAt: Date;
  closesAt: Date;
  modes: CampaignMode[];
  languages: Locale[];
  anonymity: Anonymity;
}

/** A uuid[] or text[] parameter that both drivers (pg and PGlite) accept the same way. */
function arrayOf(values: readonly string[], type: 'uuid' | 'text'): RawBuilder<string[]> {
  const literal = `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  return type === 'uuid' ? sql<string[]>`${literal}::uuid[]` : sql<string[]>`${literal}::text[]`;
}

/** Arrays come back parsed from both drivers; a raw literal is parsed here just in case. */
function parseArray(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(String);
  }
  if (typeof value === 'string') {
    const inner = value.replace(/^\{|\}$/g, '');
    return inner === '' ? [] : inner.split(',').map((item) => item.replace(/^"|"$/g, ''));
  }
  return [];
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function asDateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : asDate(value);
}

const campaignColumns = [
  'id',
  'organisation_id',
  'name',
  'framework_version_id',
  'node_ids',
  'audience',
  'opens_at',
  'closes_at',
  'modes',
  'languages',
  'anonymity',
  'scheduled_at',
  'closed_at',
  'created_at',
  'updated_at',
] as const;

function toCampaign(row: {
  id: string;
  organisation_id: string;
  name: unknown;
  framework_version_id: string;
  node_ids: unknown;
  audience: unknown;
  opens_at: Date;
  closes_at: Date;
  modes: unknown;
  languages: unknown;
  anonymity: string;
  scheduled_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}): CampaignRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: parseJson(row.name) as LocalizedText,
    frameworkVersionId: row.framework_version_id,
    nodeIds: row.node_ids === null ? null : parseArray(row.node_ids),
    audience: parseJson(row.audience) as Audience,
    opensAt: asDate(row.opens_at),
    closesAt: asDate(row.closes_at),
    modes: parseArray(row.modes) as CampaignMode[],
    languages: parseArray(row.languages) as Locale[],
    anonymity: row.anonymity as Anonymity,
    scheduledAt: asDateOrNull(row.scheduled_at),
    closedAt: asDateOrNull(row.closed_at),
    createdAt: asDate(row.created_at),
    updatedAt: asDate(row.updated_at),
  };
}

export async function insertCampaign(
  db: Executor,
  organisationId: string,
  values: CampaignValues,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('campaigns')
    .values({
      organisation_id: organisationId,
      name: JSON.stringify(values.name),
      framework_version_id: values.frameworkVersionId,
      node_ids: values.nodeIds === null ? null : arrayOf(values.nodeIds, 'uuid'),
      audience: JSON.stringify(values.audience),
      opens_at: values.opensAt,
      closes_at: values.closesAt,
      modes: arrayOf(values.modes, 'text'),
      languages: arrayOf(values.languages, 'text'),
      anonymity: values.anonymity,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One campaign of the organisation; `lock` takes a row lock so that writes on it queue up. */
export async function findCampaign(
  db: Executor,
  organisationId: string,
  campaignId: string,
  options: { lock?: boolean } = {},
): Promise<CampaignRecord | undefined> {
  let query = db
    .selectFrom('campaigns')
    .select(campaignColumns)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', campaignId);
  if (options.lock === true) {
    query = query.forUpdate();
  }
  const row = await query.executeTakeFirst();
  return row ? toCampaign(row) : undefined;
}

export async function listCampaigns(
  db: Executor,
  organisationId: string,
): Promise<CampaignRecord[]> {
  const rows = await db
    .selectFrom('campaigns')
    .select(campaignColumns)
    .where('organisation_id', '=', organisationId)
    .orderBy('opens_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toCampaign);
}

export async function updateCampaign(
  db: Executor,
  organisationId: string,
  campaignId: string,
  change: Partial<CampaignValues> & {
    scheduledAt?: Date;
    closedAt?: Date;
    updatedAt: Date;
  },
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({
      ...(change.name !== undefined ? { name: JSON.stringify(change.name) } : {}),
      ...(change.frameworkVersionId !== undefined
        ? { framework_version_id: change.frameworkVersionId }
        : {}),
      ...(change.nodeIds !== undefined
        ? { node_ids: change.nodeIds === null ? null : arrayOf(change.nodeIds, 'uuid') }
        : {}),
      ...(change.audience !== undefined ? { audience: JSON.stringify(change.audience) } : {}),
      ...(change.opensAt !== undefined ? { opens_at: change.opensAt } : {}),
      ...(change.closesAt !== undefined ? { closes_at: change.closesAt } : {}),
      ...(change.modes !== undefined ? { modes: arrayOf(change.modes, 'text') } : {}),
      ...(change.languages !== undefined ? { languages: arrayOf(change.languages, 'text') } : {}),
      ...(change.anonymity !== undefined ? { anonymity: change.anonymity } : {}),
      ...(change.scheduledAt !== undefined ? { scheduled_at: change.scheduledAt } : {}),
      ...(change.closedAt !== undefined ? { closed_at: change.closedAt } : {}),
      updated_at: change.updatedAt,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', campaignId)
    .execute();
}

/** Invitations made and sent, per campaign. */
export async function countInvitations(
  db: Executor,
  organisationId: string,
  campaignIds: readonly string[],
): Promise<Map<string, { invited: number; sent: number }>> {
  if (campaignIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('invitations')
    .select((eb) => [
      'campaign_id',
      eb.fn.countAll<number>().as('invited'),
      eb.fn.count<number>('sent_at').as('sent'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('campaign_id', 'in', campaignIds)
    .groupBy('campaign_id')
    .execute();
  return new Map(
    rows.map((row) => [row.campaign_id, { invited: Number(row.invited), sent: Number(row.sent) }]),
  );
}

/** Which of the given ids are not rows of the organisation's table. */
export async function findUnknownIds(
  db: Executor,
  organisationId: string,
  table: 'org_units' | 'role_profiles' | 'people',
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const found = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !found.has(id));
}

export interface AudienceMember {
  personId: string;
  unitId: string | null;
  /** The person's manager when that manager is active; null otherwise. */
  activeManagerId: string | null;
}

/** Active people in the audience: in the units (and below), with one of the profiles, or listed. */
export async function resolveAudience(
  db: Executor,
  organisationId: string,
  audience: Audience,
): Promise<AudienceMember[]> {
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('people as m', (join) =>
      join.onRef('m.id', '=', 'p.manager_id').on('m.is_active', '=', true),
    )
    .select(['p.id', 'p.unit_id', 'm.id as manager_id'])
    .where('p.organisation_id', '=', organisationId)
    .where('p.is_active', '=', true)
    .where((eb) => {
      const conditions = [];
      if (audience.unitIds.length > 0) {
        conditions.push(
          eb(
            'p.unit_id',
            'in',
            db
              .selectFrom('org_unit_closure')
              .select('descendant_id')
              .where('organisation_id', '=', organisationId)
              .where('ancestor_id', 'in', audience.unitIds)
              .$if(!audience.includeSubunits, (query) => query.where('depth', '=', 0)),
          ),
        );
      }
      for (const profileId of audience.profileIds) {
        conditions.push(personHasProfile(profileId));
      }
      if (audience.personIds.length > 0) {
        conditions.push(eb('p.id', 'in', audience.personIds));
      }
      return conditions.length === 0 ? sql<boolean>`false` : eb.or(conditions);
    })
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({
    personId: row.id,
    unitId: row.unit_id,
    activeManagerId: row.manager_id,
  }));
}

export interface InvitationKey {
  kind: CampaignMode;
  respondentPersonId: string;
  subjectPersonId: string;
  unitId: string | null;
}

export async function listInvitationKeys(
  db: Executor,
  organisationId: string,
  campaignId: string,
): Promise<(InvitationKey & { id: string; isStarted: boolean })[]> {
  const rows = await db
    .selectFrom('invitations')
    .select(['id', 'kind', 'respondent_person_id', 'subject_person_id', 'unit_id', 'started_at'])
    .where('organisation_id', '=', organisationId)
    .where('campaign_id', '=', campaignId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as CampaignMode,
    respondentPersonId: row.respondent_person_id,
    subjectPersonId: row.subject_person_id,
    unitId: row.unit_id,
    isStarted: row.started_at !== null,
  }));
}

export async function insertInvitations(
  db: Executor,
  organisationId: string,
  campaignId: string,
  invitations: readonly InvitationKey[],
  now: Date,
): Promise<void> {
  const chunk = 500;
  for (let index = 0; index < invitations.length; index += chunk) {
    await db
      .insertInto('invitations')
      .values(
        invitations.slice(index, index + chunk).map((invitation) => ({
          organisation_id: organisationId,
          campaign_id: campaignId,
          kind: invitation.kind,
          respondent_person_id: invitation.respondentPersonId,
          subject_person_id: invitation.subjectPersonId,
          unit_id: invitation.unitId,
          created_at: now,
        })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['campaign_id', 'kind', 'respondent_person_id', 'subject_person_id'])
          .doNothing(),
      )
      .execute();
  }
}

export async function deleteInvitations(
  db: Executor,
  organisationId: string,
  invitationIds: readonly string[],
): Promise<void> {
  if (invitationIds.length === 0) {
    return;
  }
  await db
    .deleteFrom('invitations')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', invitationIds)
    .execute();
}

/** An invitation with who answers it, about whom, and its link's state: what a mail needs. */
export interface MailableInvitation {
  id: string;
  kind: CampaignMode;
  respondentName: string;
  respondentEmail: string | null;
  respondentLocale: string | null;
  subjectName: string;
  unitName: string | null;
  tokenHash: string | null;
  tokenIssuedAt: Date | null;
  sentAt: Date | null;
  remindedAt: Date | null;
  reminderCount: number;
}

/**
 * Invitations of a campaign by what a round needs: not yet sent (invitations), sent but not
 * submitted (reminders), or not yet started (re-issued links).
 */
export async function listMailableInvitations(
  db: Executor,
  organisationId: string,
  campaignId: string,
  which: 'unsent' | 'unsubmitted' | 'unstarted',
): Promise<MailableInvitation[]> {
  const rows = await db
    .selectFrom('invitations as i')
    .innerJoin('people as r', 'r.id', 'i.respondent_person_id')
    .innerJoin('people as s', 's.id', 'i.subject_person_id')
    .leftJoin('org_units as u', 'u.id', 'i.unit_id')
    .select([
      'i.id',
      'i.kind',
      'r.name as respondent_name',
      'r.email as respondent_email',
      'r.locale as respondent_locale',
      's.name as subject_name',
      'u.name as unit_name',
      'i.token_hash',
      'i.token_issued_at',
      'i.sent_at',
      'i.reminded_at',
      'i.reminder_count',
    ])
    .where('i.organisation_id', '=', organisationId)
    .where('i.campaign_id', '=', campaignId)
    .$if(which === 'unsent', (query) => query.where('i.sent_at', 'is', null))
    .$if(which === 'unsubmitted', (query) =>
      query.where('i.sent_at', 'is not', null).where('i.submitted_at', 'is', null),
    )
    .$if(which === 'unstarted', (query) =>
      query.where('i.started_at', 'is', null).where('i.submitted_at', 'is', null),
    )
    .orderBy('u.name')
    .orderBy('r.name')
    .orderBy('i.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as CampaignMode,
    respondentName: row.respondent_name,
    respondentEmail: row.respondent_email,
    respondentLocale: row.respondent_locale,
    subjectName: row.subject_name,
    unitName: row.unit_name,
    tokenHash: row.token_hash,
    tokenIssuedAt: asDateOrNull(row.token_issued_at),
    sentAt: asDateOrNull(row.sent_at),
    remindedAt: asDateOrNull(row.reminded_at),
    reminderCount: row.reminder_count,
  }));
}

/** Sets an invitation's link and mail state (a new token hash, or the earlier one restored). */
export async function setInvitationDelivery(
  db: Executor,
  organisationId: string,
  invitationId: string,
  state: {
    tokenHash: string | null;
    tokenIssuedAt: Date | null;
    sentAt: Date | null;
    remindedAt: Date | null;
    reminderCount: number;
  },
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({
      token_hash: state.tokenHash,
      token_issued_at: state.tokenIssuedAt,
      sent_at: state.sentAt,
      reminded_at: state.remindedAt,
      reminder_count: state.reminderCount,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', invitationId)
    .execute();
}

export interface NewOutboxMessage {
  campaignId: string;
  invitationId: string;
  kind: 'invitation' | 'reminder';
  toEmail: string | null;
  toName: string;
  locale: Locale;
  subject: string;
  status: 'queued' | 'manual';
}

export async function insertOutboxMessage(
  db: Executor,
  organisationId: string,
  message: NewOutboxMessage,
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('outbox_messages')
    .values({
      organisation_id: organisationId,
      campaign_id: message.campaignId,
      invitation_id: message.invitationId,
      kind: message.kind,
      to_email: message.toEmail,
      to_name: message.toName,
      locale: message.locale,
      subject: message.subject,
      status: message.status,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markOutboxMessage(
  db: Executor,
  organisationId: string,
  messageId: string,
  outcome: { status: 'sent'; sentAt: Date } | { status: 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', sent_at: outcome.sentAt, error: null }
        : { status: 'failed', error: outcome.error.slice(0, 1000) },
    )
    .where('organisation_id', '=', organisationId)
    .where('id', '=', messageId)
    .execute();
}

export interface OutboxRow {
  id: string;
  campaignId: string | null;
  invitationId: string | null;
  kind: 'invitation' | 'reminder';
  toEmail: string | null;
  toName: string;
  locale: Locale;
  subject: string;
  status: 'queued' | 'sent' | 'failed' | 'manual';
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export async function listOutboxMessages(
  db: Executor,
  organisationId: string,
  filter: { campaignId?: string | undefined; offset: number; limit: number },
): Promise<{ rows: OutboxRow[]; total: number }> {
  const base = db
    .selectFrom('outbox_messages')
    .where('organisation_id', '=', organisationId)
    .$if(filter.campaignId !== undefined, (query) =>
      query.where('campaign_id', '=', filter.campaignId ?? ''),
    );
  const [rows, count] = await Promise.all([
    base
      .select([
        'id',
        'campaign_id',
        'invitation_id',
        'kind',
        'to_email',
        'to_name',
        'locale',
        'subject',
        'status',
        'error',
        'created_at',
        'sent_at',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.total),
    rows: rows.map((row) => ({
      id: row.id,
      campaignId: row.campaign_id,
      invitationId: row.invitation_id,
      kind: row.kind as OutboxRow['kind'],
      toEmail: row.to_email,
      toName: row.to_name,
      locale: row.locale as Locale,
      subject: row.subject,
      status: row.status as OutboxRow['status'],
      error: row.error,
      createdAt: asDate(row.created_at),
      sentAt: asDateOrNull(row.sent_at),
    })),
  };
}

export interface UnitProgress {
  unitId: string | null;
  invited: number;
  started: number;
  submitted: number;
}

/** Invited, started (or submitted) and submitted invitations per unit the subject was in. */
export async function countProgressPerUnit(
  db: Executor,
  organisationId: string,
  campaignId: string,
): Promise<UnitProgress[]> {
  const rows = await db
    .selectFrom('invitations')
    .select((eb) => [
      'unit_id',
      eb.fn.countAll<number>().as('invited'),
      sql<number>`count(*) filter (where started_at is not null or submitted_at is not null)`.as(
        'started',
      ),
      eb.fn.count<number>('submitted_at').as('submitted'),
    ])
    .where('organisation_id', '=', organisationId)
    .where('campaign_id', '=', campaignId)
    .groupBy('unit_id')
    .execute();
  return rows.map((row) => ({
    unitId: row.unit_id,
    invited: Number(row.invited),
    started: Number(row.started),
    submitted: Number(row.submitted),
  }));
}

/**
 * Open campaigns (any organisation) whose last reminder, or their opening, is older than
 * `remindedBefore`, and that close after `closesAfter`.
 */
export async function listCampaignsDueForReminder(
  db: Executor,
  now: Date,
  remindedBefore: Date,
  closesAfter: Date,
): Promise<{ id: string; organisationId: string }[]> {
  const rows = await db
    .selectFrom('campaigns as c')
    .select(['c.id', 'c.organisation_id'])
    .where('c.scheduled_at', 'is not', null)
    .where('c.closed_at', 'is', null)
    .where('c.opens_at', '<=', now)
    .where('c.closes_at', '>', closesAfter)
    .where(
      sql<boolean>`coalesce((select max(i.reminded_at) from invitations i where i.campaign_id = c.id), c.opens_at) < ${remindedBefore}`,
    )
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({ id: row.id, organisationId: row.organisation_id }));
}
