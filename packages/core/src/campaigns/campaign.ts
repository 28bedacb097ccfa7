import { z } from 'zod';
import { ConflictError, ValidationError, type Issue } from '../errors.js';
import type { Scale } from '../frameworks/framework-document.js';
import { LocaleSchema, LocalizedTextSchema } from '../i18n.js';

/**
 * identified: answers are linked to the person (for the development talk);
 * confidential: linked, but only the person sees them unless they share them;
 * anonymous: once submitted, nothing links the answers to the person.
 */
export const AnonymitySchema = z.enum(['identified', 'confidential', 'anonymous']);
export type Anonymity = z.infer<typeof AnonymitySchema>;

export const CampaignModeSchema = z.enum(['self', 'manager']);
export type CampaignMode = z.infer<typeof CampaignModeSchema>;

export const CampaignStatusSchema = z.enum(['draft', 'scheduled', 'open', 'closed']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

/** Who is asked: units (with or without what is under them), role profiles, listed people. */
export const AudienceSchema = z
  .object({
    unitIds: z.array(z.uuid()).max(5000).default([]),
    includeSubunits: z.boolean().default(true),
    profileIds: z.array(z.uuid()).max(500).default([]),
    personIds: z.array(z.uuid()).max(100_000).default([]),
  })
  .refine(
    (audience) =>
      audience.unitIds.length + audience.profileIds.length + audience.personIds.length > 0,
    {
      message: 'Choose at least one unit, role profile or person',
    },
  );
export type Audience = z.infer<typeof AudienceSchema>;

export const CampaignSettingsSchema = z.object({
  name: LocalizedTextSchema,
  frameworkVersionId: z.uuid(),
  /** A subset of the version's rated competences; all of them when left out. */
  nodeIds: z.array(z.uuid()).min(1).max(2000).nullable().default(null),
  audience: AudienceSchema,
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  modes: z.array(CampaignModeSchema).min(1).max(2),
  languages: z.array(LocaleSchema).min(1).max(3),
  anonymity: AnonymitySchema,
});
export type CampaignSettings = z.infer<typeof CampaignSettingsSchema>;

/** The timestamps that decide a campaign's status. */
export interface CampaignTimes {
  scheduledAt: Date | null;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

/** draft until scheduled; then scheduled, open from opensAt, closed from closesAt (or closed early). */
export function campaignStatus(campaign: CampaignTimes, now: Date): CampaignStatus {
  if (campaign.scheduledAt === null) {
    return 'draft';
  }
  if (campaign.closedAt !== null || now >= campaign.closesAt) {
    return 'closed';
  }
  return now >= campaign.opensAt ? 'open' : 'scheduled';
}

/** What may change in each state: everything in a draft; less and less as answers come in. */
const CHANGEABLE: Record<CampaignStatus, ReadonlySet<keyof CampaignSettings>> = {
  draft: new Set([
    'name',
    'frameworkVersionId',
    'nodeIds',
    'audience',
    'opensAt',
    'closesAt',
    'modes',
    'languages',
    'anonymity',
  ]),
  scheduled: new Set(['name', 'audience', 'opensAt', 'closesAt', 'languages']),
  open: new Set(['name', 'closesAt', 'languages']),
  closed: new Set(),
};

/** The settings a campaign in this state allows to change (the admin form offers only these). */
export function changeableFields(status: CampaignStatus): ReadonlySet<keyof CampaignSettings> {
  return CHANGEABLE[status];
}

/**
 * Refuses a change the campaign's state does not allow (e.g. the competences or the anonymity of
 * an open campaign) and checks the window: opens before it closes, and a moved close time is
 * never in the past.
 */
export function assertCampaignChange(
  status: CampaignStatus,
  current: Pick<CampaignSettings, 'opensAt' | 'closesAt'>,
  change: Partial<CampaignSettings>,
  now: Date,
): void {
  const fields = (Object.keys(change) as (keyof CampaignSettings)[]).filter(
    (field) => change[field] !== undefined,
  );
  const refused = fields.filter((field) => !changeableFields(status).has(field));
  if (refused.length > 0) {
    throw new ConflictError(
      `campaign_${status}_locked`,
      `A ${status} campaign cannot change ${refused.join(', ')}`,
    );
  }
  const opensAt = new Date(change.opensAt ?? current.opensAt);
  const closesAt = new Date(change.closesAt ?? current.closesAt);
  const issues: Issue[] = [];
  if (closesAt <= opensAt) {
    issues.push({
      code: 'closes_before_opening',
      message: 'The campaign must close after it opens',
      path: 'closesAt',
    });
  }
  if (change.closesAt !== undefined && closesAt <= now && status !== 'draft') {
    issues.push({
      code: 'closes_in_past',
      message: 'The new closing time has passed',
      path: 'closesAt',
    });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      'invalid_campaign_window',
      'The campaign window is not valid',
      issues,
    );
  }
}

/** Scheduling needs a window that has not ended. */
export function assertCanSchedule(
  status: CampaignStatus,
  times: Pick<CampaignTimes, 'closesAt'>,
  now: Date,
): void {
  if (status !== 'draft') {
    throw new ConflictError('campaign_not_draft', 'Only a draft campaign can be scheduled');
  }
  if (times.closesAt <= now) {
    throw new ValidationError(
      'closes_in_past',
      'The campaign would close before it opens to anyone',
    );
  }
}

/** Answers are accepted only while the campaign is open. */
export function assertAcceptsAnswers(status: CampaignStatus): void {
  if (status !== 'open') {
    throw new ConflictError(
      status === 'closed' ? 'campaign_closed' : 'campaign_not_open',
      status === 'closed' ? 'The campaign has closed' : 'The campaign has not opened yet',
    );
  }
}

/** One answer: a level on the scale, or "not relevant / don't know"; a wish; a comment. */
export const RatingInputSchema = z
  .object({
    nodeId: z.uuid(),
    level: z.number().int().nullable(),
    isNotApplicable: z.boolean().default(false),
    wantsToDevelop: z.boolean().default(false),
    comment: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();
export type RatingInput = z.infer<typeof RatingInputSchema>;

/** Checks answers against the campaign: known competences once each, levels on the scale. */
export function findRatingIssues(
  ratings: readonly RatingInput[],
  competenceIds: ReadonlySet<string>,
  scale: Scale,
): Issue[] {
  const levels = new Set(scale.levels.map((level) => level.value));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  ratings.forEach((rating, index) => {
    const path = `ratings[${index}]`;
    if (!competenceIds.has(rating.nodeId)) {
      issues.push({
        code: 'unknown_competence',
        message: 'This competence is not part of the campaign',
        path: `${path}.nodeId`,
      });
    }
    if (seen.has(rating.nodeId)) {
      issues.push({
        code: 'duplicate_rating',
        message: 'This competence is answered twice',
        path: `${path}.nodeId`,
      });
    }
    seen.add(rating.nodeId);
    if (rating.level !== null && !levels.has(rating.level)) {
      issues.push({
        code: 'level_not_on_scale',
        message: `Level ${rating.level} is not on the scale`,
        path: `${path}.level`,
        params: { level: rating.level },
      });
    }
    if (rating.level !== null && rating.isNotApplicable) {
      issues.push({
        code: 'level_and_not_applicable',
        message: 'Give a level or "not relevant / don’t know", not both',
        path: `${path}.isNotApplicable`,
      });
    }
  });
  return issues;
}

/** A response can be submitted when every competence has a level or "not relevant". */
export function missingAnswers(
  ratings: readonly RatingInput[],
  competenceIds: ReadonlySet<string>,
): string[] {
  const answered = new Set(
    ratings
      .filter((rating) => rating.level !== null || rating.isNotApplicable)
      .map((rating) => rating.nodeId),
  );
  return [...competenceIds].filter((id) => !answered.has(id));
}
