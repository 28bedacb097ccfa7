import {
  compactRollups,
  listClosedCampaignsWithShards,
} from '../repositories/rollups.repository.js';
import {
  buildDisclosureTree,
  decideTreeDisclosureBatch,
  thresholdFor,
  assertAdmin,
  assertCampaignChange,
  assertCanSchedule,
  campaignStatus,
  ConflictError,
  NotFoundError,
  ratedLeafIds,
  resolveText,
  ValidationError,
  type Actor,
  type Campaign,
  type CampaignSettings,
  type CampaignStatus,
  type CampaignStatusReport,
  type Issue,
  type Locale,
  type MailRunSummary,
  type OutboxPage,
  type OutboxQuery,
  type ResponseCounts,
  type UpdateCampaignInput,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import { createSmtpMailer, type Mailer } from '../adapters/mailer.js';
import { hashToken, newToken } from '../adapters/tokens.js';
import type { Config } from '../config/config.js';
import type { Database, Executor } from '../db/database.js';
import { recordActorEvent } from '../repositories/audit.repository.js';
import {
  countInvitations,
  countProgressPerUnit,
  deleteInvitations,
  findCampaign,
  findUnknownIds,
  insertCampaign,
  insertInvitations,
  insertOutboxMessage,
  listCampaigns,
  listCampaignsDueForReminder,
  listInvitationKeys,
  listMailableInvitations,
  listOutboxMessages,
  markOutboxMessage,
  resolveAudience,
  setInvitationDelivery,
  updateCampaign,
  type CampaignRecord,
  type CampaignValues,
  type InvitationKey,
  type MailableInvitation,
} from '../repositories/campaigns.repository.js';
import { findVisibleVersion, listNodes } from '../repositories/frameworks.repository.js';
import { listUnits } from '../repositories/org-units.repository.js';
import { findOrganisationById } from '../repositories/organisations.repository.js';
import { toNodeRecord } from './framework-mapping.js';

export interface CampaignsService {
  list(actor: Actor): Promise<Campaign[]>;
  get(actor: Actor, campaignId: string): Promise<Campaign>;
  create(actor: Actor, input: CampaignSettings): Promise<Campaign>;
  update(actor: Actor, campaignId: string, input: UpdateCampaignInput): Promise<Campaign>;
  schedule(actor: Actor, campaignId: string): Promise<Campaign>;
  close(actor: Actor, campaignId: string): Promise<Campaign>;
  sendInvitations(actor: Actor, campaignId: string): Promise<MailRunSummary>;
  /** New links for every invitation not yet started, as CSV; their earlier links stop working. */
  exportLinks(actor: Actor, campaignId: string): Promise<{ csv: string; rotatedLinks: number }>;
  sendReminders(actor: Actor, campaignId: string): Promise<MailRunSummary>;
  status(actor: Actor, campaignId: string): Promise<CampaignStatusReport>;
  listOutbox(actor: Actor, query: OutboxQuery): Promise<OutboxPage>;
  /** Reminds open campaigns not reminded (or opened) for 7 days that close more than a day later. */
  runScheduledReminders(now: Date): Promise<{ campaignId: string; summary: MailRunSummary }[]>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const REMINDER_INTERVAL_DAYS = 7;
export const REMINDER_CLOSING_MARGIN_DAYS = 1;

const DATE_TAGS: Record<Locale, string> = { da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };

interface MailText {
  subject: string;
  text: string;
}

interface MailContext {
  kind: 'invitation' | 'reminder';
  mode: 'self' | 'manager';
  respondentName: string;
  subjectName: string;
  campaignName: string;
  link: string;
  closesAt: string;
}

const TEMPLATES: Record<Locale, (context: MailContext) => MailText> = {
  da: (c) => ({
    subject:
      c.kind === 'reminder'
        ? `Påmindelse: ${c.campaignName}`
        : `Kompetencekortlægning: ${c.campaignName}`,
    text: [
      `Kære ${c.respondentName},`,
      '',
      ...(c.kind === 'reminder' ? ['Vi mangler stadig dit svar.', ''] : []),
      c.mode === 'self'
        ? `Du er inviteret til at vurdere dine egne kompetencer i kortlægningen »${c.campaignName}«.`
        : `Du er inviteret til at vurdere kompetencerne hos ${c.subjectName}, som du er leder for, i kortlægningen »${c.campaignName}«.`,
      '',
      'Åbn dit personlige link:',
      c.link,
      '',
      `Kortlægningen lukker ${c.closesAt}. Linket er personligt – del det ikke med andre.`,
      ...(c.kind === 'reminder'
        ? ['Linket erstatter det tidligere link; det, du allerede har udfyldt, er gemt.']
        : []),
      '',
    ].join('\n'),
  }),
  nb: (c) => ({
    subject:
      c.kind === 'reminder'
        ? `Påminnelse: ${c.campaignName}`
        : `Kompetansekartlegging: ${c.campaignName}`,
    text: [
      `Hei ${c.respondentName},`,
      '',
      ...(c.kind === 'reminder' ? ['Vi mangler fortsatt svaret ditt.', ''] : []),
      c.mode === 'self'
        ? `Du er invitert til å vurdere din egen kompetanse i kartleggingen «${c.campaignName}».`
        : `Du er invitert til å vurdere kompetansen til ${c.subjectName}, som du er leder for, i kartleggingen «${c.campaignName}».`,
      '',
      'Åpne din personlige lenke:',
      c.link,
      '',
      `Kartleggingen lukkes ${c.closesAt}. Lenken er personlig – ikke del den med andre.`,
      ...(c.kind === 'reminder'
        ? ['Lenken erstatter den forrige lenken; det du allerede har fylt ut, er lagret.']
        : []),
      '',
    ].join('\n'),
  }),
  en: (c) => ({
    subject:
      c.kind === 'reminder'
        ? `Reminder: ${c.campaignName}`
        : `Competence mapping: ${c.campaignName}`,
    text: [
      `Dear ${c.respondentName},`,
      '',
      ...(c.kind === 'reminder' ? ['We are still missing your answer.', ''] : []),
      c.mode === 'self'
        ? `You are invited to assess your own competences in the mapping “${c.campaignName}”.`
        : `You are invited to assess the competences of ${c.subjectName}, who reports to you, in the mapping “${c.campaignName}”.`,
      '',
      'Open your personal link:',
      c.link,
      '',
      `The mapping closes ${c.closesAt}. The link is personal – do not share it.`,
      ...(c.kind === 'reminder'
        ? ['This link replaces the earlier one; what you have already filled in is kept.']
        : []),
      '',
    ].join('\n'),
  }),
};

/** The person's language when the campaign offers it, else the campaign's first language. */
function mailLocale(personLocale: string | null, languages: readonly Locale[]): Locale {
  const match = languages.find((language) => language === personLocale);
  return match ?? languages[0] ?? 'da';
}

function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(DATE_TAGS[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(date);
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

interface IssuedLink {
  invitation: MailableInvitation;
  link: string;
}

function linksCsv(links: readonly IssuedLink[]): string {
  const header = ['name', 'email', 'unit', 'link', 'kind', 'subject'];
  const rows = links.map(({ invitation, link }) =>
    [
      invitation.respondentName,
      invitation.respondentEmail ?? '',
      invitation.unitName ?? '',
      link,
      invitation.kind,
      invitation.subjectName,
    ]
      .map(csvCell)
      .join(';'),
  );
  return `\uFEFF${[header.join(';'), ...rows].join('\r\n')}\r\n`;
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function toCampaign(
  record: CampaignRecord,
  counts: { invited: number; sent: number } | undefined,
  now: Date,
): Campaign {
  return {
    id: record.id,
    name: record.name as Record<string, string>,
    frameworkVersionId: record.frameworkVersionId,
    nodeIds: record.nodeIds,
    audience: record.audience,
    opensAt: record.opensAt.toISOString(),
    closesAt: record.closesAt.toISOString(),
    modes: record.modes,
    languages: record.languages,
    anonymity: record.anonymity,
    status: campaignStatus(record, now),
    scheduledAt: iso(record.scheduledAt),
    closedAt: iso(record.closedAt),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    counts: counts ?? { invited: 0, sent: 0 },
  };
}

const PROGRESS_KEYS = ['invited', 'started', 'submitted'] as const;

const HIDDEN_COUNTS: ResponseCounts = {
  invited: null,
  started: null,
  submitted: null,
  rate: null,
  suppressed: true,
};

/** The organisation as a whole: a virtual root above every top unit (and unit-less invitations). */
const WHOLE_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/**
 * Invited, started and submitted per unit subtree, each decided over the whole tree by the
 * disclosure rule: a count below k, or one that could be subtracted down to fewer than k people
 * from the counts shown beside it, is null. The rate shows only when both of its counts show.
 */
function progressReport(
  units: readonly { id: string; parentId: string | null }[],
  progress: readonly {
    unitId: string | null;
    invited: number;
    started: number;
    submitted: number;
  }[],
  threshold: number,
): { totals: ResponseCounts; perUnit: Map<string, ResponseCounts> } {
  const known = new Set(units.map((unit) => unit.id));
  const tree = buildDisclosureTree([
    { id: WHOLE_ORGANISATION, parentId: null },
    ...units.map((unit) => ({ id: unit.id, parentId: unit.parentId ?? WHOLE_ORGANISATION })),
  ]);
  const rows = progress.flatMap((row) => {
    const unitId = row.unitId !== null && known.has(row.unitId) ? row.unitId : WHOLE_ORGANISATION;
    return PROGRESS_KEYS.map((key) => ({ unitId, key, count: row[key] }));
  });
  const decision = decideTreeDisclosureBatch(tree, rows, threshold, {
    keys: PROGRESS_KEYS,
    baseKey: 'invited',
  });
  const countsOf = (unitId: string): ResponseCounts => {
    const invited = decision.forKey('invited').count(unitId);
    const started = decision.forKey('started').count(unitId);
    const submitted = decision.forKey('submitted').count(unitId);
    return {
      invited,
      started,
      submitted,
      rate:
        invited !== null && submitted !== null && invited > 0
          ? Math.round((submitted / invited) * 1000) / 1000
          : null,
      suppressed: invited === null || started === null || submitted === null,
    };
  };
  return {
    totals: countsOf(WHOLE_ORGANISATION),
    perUnit: new Map(units.map((unit) => [unit.id, countsOf(unit.id)])),
  };
}

/** Invitations the audience gives: self for each person; manager for each with an active manager. */
function invitationsFor(
  members: readonly { personId: string; unitId: string | null; activeManagerId: string | null }[],
  modes: readonly string[],
): InvitationKey[] {
  const invitations: InvitationKey[] = [];
  for (const member of members) {
    if (modes.includes('self')) {
      invitations.push({
        kind: 'self',
        respondentPersonId: member.personId,
        subjectPersonId: member.personId,
        unitId: member.unitId,
      });
    }
    if (modes.includes('manager') && member.activeManagerId !== null) {
      invitations.push({
        kind: 'manager',
        respondentPersonId: member.activeManagerId,
        subjectPersonId: member.personId,
        unitId: member.unitId,
      });
    }
  }
  return invitations;
}

const invitationKey = (key: InvitationKey) =>
  `${key.kind}:${key.respondentPersonId}:${key.subjectPersonId}`;

/** Creates the campaign use cases (organisation admins only): set-up, lifecycle, mail, status. */
export function createCampaignsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  config: Pick<Config, 'sessionHours'> &
    Partial<Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>>;
  mailer?: Mailer | null;
}): CampaignsService {
  const { db, clock, config } = deps;
  const mailer =
    deps.mailer !== undefined
      ? deps.mailer
      : createSmtpMailer(config.smtpUrl, config.mailFrom ?? 'Evne <evne@localhost>');
  const publicUrl = (config.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');

  async function loadCampaign(
    trx: Executor,
    actor: Actor,
    campaignId: string,
    lock = false,
  ): Promise<CampaignRecord> {
    const campaign = await findCampaign(trx, actor.organisationId, campaignId, { lock });
    if (!campaign) {
      throw new NotFoundError('campaign');
    }
    return campaign;
  }

  async function describe(trx: Executor, actor: Actor, campaignId: string): Promise<Campaign> {
    const campaign = await loadCampaign(trx, actor, campaignId);
    const counts = await countInvitations(trx, actor.organisationId, [campaign.id]);
    return toCampaign(campaign, counts.get(campaign.id), clock.now());
  }

  async function audit(
    trx: Executor,
    actor: Actor,
    action: string,
    campaignId: string,
    data?: unknown,
  ): Promise<void> {
    await recordActorEvent(trx, actor, {
      action,
      subjectType: 'campaign',
      subjectId: campaignId,
      data,
    });
  }

  /** The version must be visible (404) and published (409); the competences must be rated ones. */
  async function assertValidSettings(
    trx: Executor,
    actor: Actor,
    settings: Pick<CampaignValues, 'frameworkVersionId' | 'nodeIds' | 'audience'>,
  ): Promise<void> {
    const version = await findVisibleVersion(
      trx,
      actor.organisationId,
      settings.frameworkVersionId,
    );
    if (!version) {
      throw new NotFoundError('framework_version');
    }
    if (version.status !== 'published') {
      throw new ConflictError(
        'framework_version_not_published',
        'A campaign can only use a published framework version',
      );
    }
    const issues: Issue[] = [];
    if (settings.nodeIds !== null) {
      const rated = ratedLeafIds((await listNodes(trx, version.id)).map(toNodeRecord));
      settings.nodeIds.forEach((nodeId, index) => {
        if (!rated.has(nodeId)) {
          issues.push({
            code: 'unknown_competence',
            message: 'This is not a rated competence of the framework version',
            path: `nodeIds[${index}]`,
          });
        }
      });
    }
    const checks = [
      ['unitIds', 'org_units', 'unknown_unit'],
      ['profileIds', 'role_profiles', 'unknown_role_profile'],
      ['personIds', 'people', 'unknown_person'],
    ] as const;
    for (const [field, table, code] of checks) {
      const ids = settings.audience[field];
      const unknown = new Set(await findUnknownIds(trx, actor.organisationId, table, ids));
      ids.forEach((id, index) => {
        if (unknown.has(id)) {
          issues.push({ code, message: `Not found: ${id}`, path: `audience.${field}[${index}]` });
        }
      });
    }
    if (issues.length > 0) {
      throw new ValidationError('invalid_campaign', 'The campaign settings are not valid', issues);
    }
  }

  /** Makes the invitations match the audience; keeps started ones; refuses an empty result. */
  async function syncInvitations(
    trx: Executor,
    actor: Actor,
    campaign: CampaignRecord,
    now: Date,
  ): Promise<number> {
    const members = await resolveAudience(trx, actor.organisationId, campaign.audience);
    const wanted = invitationsFor(members, campaign.modes);
    if (wanted.length === 0) {
      throw new ValidationError('empty_audience', 'Nobody in the audience can be invited', [
        {
          code: 'empty_audience',
          message: 'No active person matches the audience (or has an active manager)',
          path: 'audience',
        },
      ]);
    }
    const wantedKeys = new Set(wanted.map(invitationKey));
    const existing = await listInvitationKeys(trx, actor.organisationId, campaign.id);
    await deleteInvitations(
      trx,
      actor.organisationId,
      existing
        .filter((invitation) => !invitation.isStarted && !wantedKeys.has(invitationKey(invitation)))
        .map((invitation) => invitation.id),
    );
    await insertInvitations(trx, actor.organisationId, campaign.id, wanted, now);
    return wanted.length;
  }

  function compose(
    campaign: CampaignRecord,
    invitation: MailableInvitation,
    kind: 'invitation' | 'reminder',
    link: string,
  ): { locale: Locale; mail: MailText } {
    const locale = mailLocale(invitation.respondentLocale, campaign.languages);
    return {
      locale,
      mail: TEMPLATES[locale]({
        kind,
        mode: invitation.kind,
        respondentName: invitation.respondentName,
        subjectName: invitation.subjectName,
        campaignName: resolveText(campaign.name, locale),
        link,
        closesAt: formatDate(campaign.closesAt, locale),
      }),
    };
  }

  /**
   * One round of invitations or reminders: a new token per invitation (only its hash is kept),
   * an outbox row each, then the mail. A refused mail puts the invitation back as it was, so that
   * its earlier link keeps working and the next round tries again.
   */
  async function mailRound(
    actor: Actor,
    campaignId: string,
    kind: 'invitation' | 'reminder',
    now: Date,
    options: { onlyByMail?: boolean } = {},
  ): Promise<MailRunSummary> {
    const prepared = await db.transaction().execute(async (trx) => {
      const campaign = await loadCampaign(trx, actor, campaignId, true);
      const status = campaignStatus(campaign, now);
      if (kind === 'invitation') {
        assertSendable(status);
      } else if (status !== 'open') {
        throw new ConflictError(
          status === 'closed' ? 'campaign_closed' : 'campaign_not_open',
          'Reminders go out only while the campaign is open',
        );
      }
      const candidates = await listMailableInvitations(
        trx,
        actor.organisationId,
        campaignId,
        kind === 'invitation' ? 'unsent' : 'unsubmitted',
      );
      const invitations =
        options.onlyByMail === true
          ? candidates.filter(
              (invitation) => mailer !== null && invitation.respondentEmail !== null,
            )
          : candidates;
      const items = [];
      for (const invitation of invitations) {
        const token = newToken();
        const link = `${publicUrl}/r/${token}`;
        const { locale, mail } = compose(campaign, invitation, kind, link);
        const isManual = mailer === null || invitation.respondentEmail === null;
        await setInvitationDelivery(trx, actor.organisationId, invitation.id, {
          tokenHash: hashToken(token),
          tokenIssuedAt: now,
          sentAt: kind === 'invitation' ? now : invitation.sentAt,
          remindedAt: kind === 'reminder' ? now : invitation.remindedAt,
          reminderCount: invitation.reminderCount + (kind === 'reminder' ? 1 : 0),
        });
        const messageId = await insertOutboxMessage(
          trx,
          actor.organisationId,
          {
            campaignId,
            invitationId: invitation.id,
            kind,
            toEmail: invitation.respondentEmail,
            toName: invitation.respondentName,
            locale,
            subject: mail.subject,
            status: isManual ? 'manual' : 'queued',
          },
          now,
        );
        items.push({ invitation, link, mail, messageId, isManual });
      }
      if (items.length > 0) {
        await audit(
          trx,
          actor,
          kind === 'invitation' ? 'campaign.invitations_sent' : 'campaign.reminders_sent',
          campaignId,
          {
            count: items.length,
            manual: items.filter((item) => item.isManual).length,
          },
        );
      }
      return items;
    });

    let sent = 0;
    let failed = 0;
    let rotatedLinks = 0;
    for (const item of prepared) {
      const hadLink = item.invitation.tokenHash !== null;
      if (item.isManual || mailer === null || item.invitation.respondentEmail === null) {
        rotatedLinks += hadLink ? 1 : 0;
        continue;
      }
      try {
        await mailer.send({
          to: item.invitation.respondentEmail,
          subject: item.mail.subject,
          text: item.mail.text,
        });
        await markOutboxMessage(db, actor.organisationId, item.messageId, {
          status: 'sent',
          sentAt: clock.now(),
        });
        sent += 1;
        rotatedLinks += hadLink ? 1 : 0;
      } catch (error) {
        failed += 1;
        await db.transaction().execute(async (trx) => {
          await markOutboxMessage(trx, actor.organisationId, item.messageId, {
            status: 'failed',
            error: error instanceof Error ? error.message : String(error),
          });
          await setInvitationDelivery(trx, actor.organisationId, item.invitation.id, {
            tokenHash: item.invitation.tokenHash,
            tokenIssuedAt: item.invitation.tokenIssuedAt,
            sentAt: item.invitation.sentAt,
            remindedAt: item.invitation.remindedAt,
            reminderCount: item.invitation.reminderCount,
          });
        });
      }
    }
    const manual = prepared.filter((item) => item.isManual);
    return {
      kind,
      sent,
      failed,
      manual: manual.length,
      rotatedLinks,
      linksCsv: manual.length > 0 ? linksCsv(manual) : null,
    };
  }

  function assertSendable(status: CampaignStatus): void {
    if (status === 'draft') {
      throw new ConflictError(
        'campaign_not_scheduled',
        'Schedule the campaign before sending invitations',
      );
    }
    if (status === 'closed') {
      throw new ConflictError('campaign_closed', 'The campaign has closed');
    }
  }

  return {
    async list(actor) {
      assertAdmin(actor);
      const campaigns = await listCampaigns(db, actor.organisationId);
      const counts = await countInvitations(
        db,
        actor.organisationId,
        campaigns.map((campaign) => campaign.id),
      );
      const now = clock.now();
      return campaigns.map((campaign) => toCampaign(campaign, counts.get(campaign.id), now));
    },

    async get(actor, campaignId) {
      assertAdmin(actor);
      return describe(db, actor, campaignId);
    },

    async create(actor, input) {
      assertAdmin(actor);
      const now = clock.now();
      assertCampaignChange('draft', input, input, now);
      const campaignId = await db.transaction().execute(async (trx) => {
        await assertValidSettings(trx, actor, input);
        const id = await insertCampaign(
          trx,
          actor.organisationId,
          {
            ...input,
            opensAt: new Date(input.opensAt),
            closesAt: new Date(input.closesAt),
            modes: [...new Set(input.modes)],
            languages: [...new Set(input.languages)],
          },
          now,
        );
        await audit(trx, actor, 'campaign.created', id, {
          frameworkVersionId: input.frameworkVersionId,
          anonymity: input.anonymity,
        });
        return id;
      });
      return describe(db, actor, campaignId);
    },

    async update(actor, campaignId, input) {
      assertAdmin(actor);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const campaign = await loadCampaign(trx, actor, campaignId, true);
        const status = campaignStatus(campaign, now);
        const change = Object.fromEntries(
          Object.entries(input).filter(([, value]) => value !== undefined),
        ) as Partial<CampaignSettings>;
        assertCampaignChange(
          status,
          { opensAt: campaign.opensAt.toISOString(), closesAt: campaign.closesAt.toISOString() },
          change,
          now,
        );
        const next: CampaignRecord = {
          ...campaign,
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.frameworkVersionId !== undefined
            ? { frameworkVersionId: change.frameworkVersionId }
            : {}),
          ...(change.nodeIds !== undefined ? { nodeIds: change.nodeIds } : {}),
          ...(change.audience !== undefined ? { audience: change.audience } : {}),
          ...(change.opensAt !== undefined ? { opensAt: new Date(change.opensAt) } : {}),
          ...(change.closesAt !== undefined ? { closesAt: new Date(change.closesAt) } : {}),
          ...(change.modes !== undefined ? { modes: [...new Set(change.modes)] } : {}),
          ...(change.languages !== undefined ? { languages: [...new Set(change.languages)] } : {}),
          ...(change.anonymity !== undefined ? { anonymity: change.anonymity } : {}),
        };
        if (
          change.frameworkVersionId !== undefined ||
          change.nodeIds !== undefined ||
          change.audience !== undefined
        ) {
          await assertValidSettings(trx, actor, next);
        }
        await updateCampaign(trx, actor.organisationId, campaignId, {
          name: next.name,
          frameworkVersionId: next.frameworkVersionId,
          nodeIds: next.nodeIds,
          audience: next.audience,
          opensAt: next.opensAt,
          closesAt: next.closesAt,
          modes: next.modes,
          languages: next.languages,
          anonymity: next.anonymity,
          updatedAt: now,
        });
        if (status === 'scheduled' && change.audience !== undefined) {
          await syncInvitations(trx, actor, next, now);
        }
        await audit(trx, actor, 'campaign.updated', campaignId, { fields: Object.keys(change) });
      });
      return describe(db, actor, campaignId);
    },

    async schedule(actor, campaignId) {
      assertAdmin(actor);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const campaign = await loadCampaign(trx, actor, campaignId, true);
        assertCanSchedule(campaignStatus(campaign, now), campaign, now);
        await assertValidSettings(trx, actor, campaign);
        const invited = await syncInvitations(trx, actor, campaign, now);
        await updateCampaign(trx, actor.organisationId, campaignId, {
          scheduledAt: now,
          updatedAt: now,
        });
        await audit(trx, actor, 'campaign.scheduled', campaignId, { invited });
      });
      return describe(db, actor, campaignId);
    },

    async close(actor, campaignId) {
      assertAdmin(actor);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const campaign = await loadCampaign(trx, actor, campaignId, true);
        const status = campaignStatus(campaign, now);
        if (status === 'draft') {
          throw new ConflictError(
            'campaign_not_scheduled',
            'A draft campaign has nothing to close',
          );
        }
        if (status === 'closed') {
          throw new ConflictError('campaign_closed', 'The campaign has already closed');
        }
        await updateCampaign(trx, actor.organisationId, campaignId, {
          closedAt: now,
          updatedAt: now,
        });
        await audit(trx, actor, 'campaign.closed', campaignId, { early: true, status });
      });
      await compactRollups(db, campaignId);
      return describe(db, actor, campaignId);
    },

    async sendInvitations(actor, campaignId) {
      assertAdmin(actor);
      return mailRound(actor, campaignId, 'invitation', clock.now());
    },

    async exportLinks(actor, campaignId) {
      assertAdmin(actor);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const campaign = await loadCampaign(trx, actor, campaignId, true);
        assertSendable(campaignStatus(campaign, now));
        const invitations = await listMailableInvitations(
          trx,
          actor.organisationId,
          campaignId,
          'unstarted',
        );
        const links: IssuedLink[] = [];
        for (const invitation of invitations) {
          const token = newToken();
          await setInvitationDelivery(trx, actor.organisationId, invitation.id, {
            tokenHash: hashToken(token),
            tokenIssuedAt: now,
            sentAt: invitation.sentAt ?? now,
            remindedAt: invitation.remindedAt,
            reminderCount: invitation.reminderCount,
          });
          links.push({ invitation, link: `${publicUrl}/r/${token}` });
        }
        const rotatedLinks = invitations.filter((item) => item.tokenHash !== null).length;
        await audit(trx, actor, 'campaign.links_exported', campaignId, {
          count: links.length,
          rotatedLinks,
        });
        return { csv: linksCsv(links), rotatedLinks };
      });
    },

    async sendReminders(actor, campaignId) {
      assertAdmin(actor);
      return mailRound(actor, campaignId, 'reminder', clock.now());
    },

    async status(actor, campaignId) {
      assertAdmin(actor);
      const campaign = await loadCampaign(db, actor, campaignId);
      const organisation = await findOrganisationById(db, actor.organisationId);
      const threshold = thresholdFor(organisation?.anonymityThreshold);
      const progress = await countProgressPerUnit(db, actor.organisationId, campaign.id);
      const units = await listUnits(db, actor.organisationId);
      const byId = new Map(units.map((unit) => [unit.id, unit]));
      // Units with invitations in their subtree, and their ancestors.
      const involved = new Set<string>();
      for (const row of progress) {
        for (
          let cursor = row.unitId;
          cursor !== null && byId.has(cursor) && !involved.has(cursor);
          cursor = byId.get(cursor)?.parentId ?? null
        ) {
          involved.add(cursor);
        }
      }
      const report = progressReport(units, progress, threshold);
      return {
        threshold,
        totals: report.totals,
        units: units
          .filter((unit) => involved.has(unit.id))
          .map((unit) => ({
            unitId: unit.id,
            parentId: unit.parentId,
            code: unit.code,
            name: unit.name,
            counts: report.perUnit.get(unit.id) ?? HIDDEN_COUNTS,
          })),
      };
    },

    async listOutbox(actor, query) {
      assertAdmin(actor);
      const { rows, total } = await listOutboxMessages(db, actor.organisationId, {
        campaignId: query.campaignId,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return {
        items: rows.map((row) => ({
          ...row,
          createdAt: row.createdAt.toISOString(),
          sentAt: iso(row.sentAt),
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async runScheduledReminders(now) {
      // Campaigns that closed by time get their rollups folded into one row per key.
      for (const campaignId of await listClosedCampaignsWithShards(db, now)) {
        await compactRollups(db, campaignId);
      }
      if (mailer === null) {
        // Without SMTP a reminder would replace links nobody receives; reminders stay by hand.
        return [];
      }
      const due = await listCampaignsDueForReminder(
        db,
        now,
        new Date(now.getTime() - REMINDER_INTERVAL_DAYS * DAY_MS),
        new Date(now.getTime() + REMINDER_CLOSING_MARGIN_DAYS * DAY_MS),
      );
      const results = [];
      for (const campaign of due) {
        const actor: Actor = {
          userId: 'system',
          organisationId: campaign.organisationId,
          role: 'admin',
          isSystem: true,
        };
        const summary = await mailRound(actor, campaign.id, 'reminder', now, { onlyByMail: true });
        results.push({ campaignId: campaign.id, summary });
      }
      return results;
    },
  };
}

/**
 * Runs scheduled reminders (and folds the rollups of campaigns that closed) every `intervalMs`;
 * returns a function that stops the timer.
 */
export function startReminderScheduler(
  service: Pick<CampaignsService, 'runScheduledReminders'>,
  clock: Clock,
  intervalMs = 60 * 60 * 1000,
  onError: (error: unknown) => void = () => undefined,
): () => void {
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) {
      return;
    }
    isRunning = true;
    service
      .runScheduledReminders(clock.now())
      .catch(onError)
      .finally(() => {
        isRunning = false;
      });
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
