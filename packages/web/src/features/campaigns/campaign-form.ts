import {
  changeableFields,
  LOCALES,
  type Anonymity,
  type Campaign,
  type CampaignMode,
  type CampaignSettings,
  type Locale,
  type UpdateCampaignInput,
} from '@evne/core';
import {
  draftFromText,
  sameJson,
  textFromDraft,
  type LocalizedDraft,
} from '../../lib/localized-text';

/** A person chosen for the audience, with the name to show. */
export interface ChosenPerson {
  id: string;
  name: string;
}

/** What the campaign form holds while it is being filled in. */
export interface CampaignDraft {
  name: LocalizedDraft;
  frameworkVersionId: string;
  /** Every rated competence of the version, or only `nodeIds`. */
  allCompetences: boolean;
  nodeIds: string[];
  unitIds: string[];
  includeSubunits: boolean;
  profileIds: string[];
  people: ChosenPerson[];
  /** `YYYY-MM-DDTHH:mm` in the reader's time zone (the value of a datetime-local field). */
  opensAt: string;
  closesAt: string;
  modes: CampaignMode[];
  languages: Locale[];
  anonymity: Anonymity;
}

/** The parts of the form a problem can point at. */
export const CAMPAIGN_FIELDS = [
  'name',
  'frameworkVersionId',
  'nodeIds',
  'audience',
  'unitIds',
  'profileIds',
  'personIds',
  'opensAt',
  'closesAt',
  'modes',
  'languages',
  'anonymity',
] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];

export const MODES: readonly CampaignMode[] = ['self', 'manager'];
export const ANONYMITY_OPTIONS: readonly Anonymity[] = ['identified', 'confidential', 'anonymous'];

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as the value of a datetime-local field, in the local time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (local time) as an ISO instant; null when it is not a date and time. */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) {
    return null;
  }
  const [year, month, day, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? '0'));
  const date = new Date(
    year ?? 0,
    (month ?? 1) - 1,
    day ?? 1,
    hours ?? 0,
    minutes ?? 0,
    seconds ?? 0,
  );
  if (
    Number.isNaN(date.getTime()) ||
    date.getMonth() !== (month ?? 1) - 1 ||
    date.getDate() !== day
  ) {
    return null;
  }
  return date.toISOString();
}

/** A new campaign: opens tomorrow at 9:00 and runs for two weeks, self-assessment, confidential. */
export function newDraft(now: Date, locales: readonly Locale[] = LOCALES): CampaignDraft {
  const opens = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0);
  const closes = new Date(opens.getFullYear(), opens.getMonth(), opens.getDate() + 14, 16, 0, 0);
  return {
    name: { da: '', nb: '', en: '' },
    frameworkVersionId: '',
    allCompetences: true,
    nodeIds: [],
    unitIds: [],
    includeSubunits: true,
    profileIds: [],
    people: [],
    opensAt: toLocalInput(opens.toISOString()),
    closesAt: toLocalInput(closes.toISOString()),
    modes: ['self'],
    languages: [...locales],
    anonymity: 'confidential',
  };
}

/** The form's values for a saved campaign; `people` names the listed people where known. */
export function draftFromCampaign(
  campaign: Campaign,
  people: readonly ChosenPerson[] = [],
): CampaignDraft {
  const names = new Map(people.map((person) => [person.id, person.name]));
  return {
    name: draftFromText(campaign.name),
    frameworkVersionId: campaign.frameworkVersionId,
    allCompetences: campaign.nodeIds === null,
    nodeIds: campaign.nodeIds ?? [],
    unitIds: [...campaign.audience.unitIds],
    includeSubunits: campaign.audience.includeSubunits,
    profileIds: [...campaign.audience.profileIds],
    people: campaign.audience.personIds.map((id) => ({ id, name: names.get(id) ?? id })),
    opensAt: toLocalInput(campaign.opensAt),
    closesAt: toLocalInput(campaign.closesAt),
    modes: [...campaign.modes],
    languages: [...campaign.languages],
    anonymity: campaign.anonymity,
  };
}

/** What the form itself can tell before asking the server (missing or unreadable values). */
export type DraftProblem =
  | 'nameMissing'
  | 'versionMissing'
  | 'competencesMissing'
  | 'audienceMissing'
  | 'dateMissing'
  | 'modesMissing'
  | 'languagesMissing';

/** Problems by field, only for the fields that may change; an empty object when it can be sent. */
export function draftProblems(
  draft: CampaignDraft,
  editable: ReadonlySet<keyof CampaignSettings> = changeableFields('draft'),
): Partial<Record<CampaignField, DraftProblem>> {
  const problems: Partial<Record<CampaignField, DraftProblem>> = {};
  if (editable.has('name') && textFromDraft(draft.name) === null) {
    problems.name = 'nameMissing';
  }
  if (editable.has('frameworkVersionId') && draft.frameworkVersionId === '') {
    problems.frameworkVersionId = 'versionMissing';
  }
  if (editable.has('nodeIds') && !draft.allCompetences && draft.nodeIds.length === 0) {
    problems.nodeIds = 'competencesMissing';
  }
  if (
    editable.has('audience') &&
    draft.unitIds.length + draft.profileIds.length + draft.people.length === 0
  ) {
    problems.audience = 'audienceMissing';
  }
  if (editable.has('opensAt') && fromLocalInput(draft.opensAt) === null) {
    problems.opensAt = 'dateMissing';
  }
  if (editable.has('closesAt') && fromLocalInput(draft.closesAt) === null) {
    problems.closesAt = 'dateMissing';
  }
  if (editable.has('modes') && draft.modes.length === 0) {
    problems.modes = 'modesMissing';
  }
  if (editable.has('languages') && draft.languages.length === 0) {
    problems.languages = 'languagesMissing';
  }
  return problems;
}

const ordered = <T extends string>(values: readonly T[], order: readonly T[]): T[] =>
  order.filter((value) => values.includes(value));

/** Every setting, as `createCampaign` takes it (check `draftProblems` first). */
export function settingsFromDraft(draft: CampaignDraft): CampaignSettings {
  return {
    name: textFromDraft(draft.name) ?? {},
    frameworkVersionId: draft.frameworkVersionId,
    nodeIds: draft.allCompetences ? null : [...new Set(draft.nodeIds)],
    audience: {
      unitIds: [...new Set(draft.unitIds)],
      includeSubunits: draft.includeSubunits,
      profileIds: [...new Set(draft.profileIds)],
      personIds: [...new Set(draft.people.map((person) => person.id))],
    },
    opensAt: fromLocalInput(draft.opensAt) ?? '',
    closesAt: fromLocalInput(draft.closesAt) ?? '',
    modes: ordered(draft.modes, MODES),
    languages: ordered(draft.languages, LOCALES),
    anonymity: draft.anonymity,
  };
}

const minute = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000);

const sameSet = (a: readonly string[], b: readonly string[]) =>
  sameJson([...new Set(a)].sort(), [...new Set(b)].sort());

/** Is this setting of the draft different from the saved campaign? */
function differs(
  field: keyof CampaignSettings,
  next: CampaignSettings,
  campaign: Campaign,
): boolean {
  switch (field) {
    case 'opensAt':
    case 'closesAt':
      return minute(next[field]) !== minute(campaign[field]);
    case 'nodeIds':
      return next.nodeIds === null || campaign.nodeIds === null
        ? next.nodeIds !== campaign.nodeIds
        : !sameSet(next.nodeIds, campaign.nodeIds);
    case 'audience':
      return (
        next.audience.includeSubunits !== campaign.audience.includeSubunits ||
        !sameSet(next.audience.unitIds, campaign.audience.unitIds) ||
        !sameSet(next.audience.profileIds, campaign.audience.profileIds) ||
        !sameSet(next.audience.personIds, campaign.audience.personIds)
      );
    case 'modes':
    case 'languages':
      return !sameSet(next[field], campaign[field]);
    default:
      return !sameJson(next[field], campaign[field]);
  }
}

/**
 * The change to send for a saved campaign: only settings its state allows to change, and only
 * those that differ (a scheduled campaign re-resolves its audience when the audience is sent).
 */
export function changesFromDraft(draft: CampaignDraft, campaign: Campaign): UpdateCampaignInput {
  const next = settingsFromDraft(draft);
  const change: Record<string, unknown> = {};
  for (const field of changeableFields(campaign.status)) {
    if (differs(field, next, campaign)) {
      change[field] = next[field];
    }
  }
  return change as UpdateCampaignInput;
}

/**
 * The form field a server issue points at, from its JSON path: `closesAt`, `body.closesAt`,
 * `audience.unitIds[2]`, `nodeIds[0]`…
 */
export function fieldOfPath(path: string | undefined): CampaignField | undefined {
  if (path === undefined) {
    return undefined;
  }
  const parts = path
    .replace(/^body\.?/, '')
    .split(/[.[\]]/)
    .filter((part) => part !== '' && !/^\d+$/.test(part));
  const [first, second] = parts;
  if (first === 'audience') {
    return second === 'unitIds' || second === 'profileIds' || second === 'personIds'
      ? second
      : 'audience';
  }
  return (CAMPAIGN_FIELDS as readonly string[]).includes(first ?? '')
    ? (first as CampaignField)
    : undefined;
}

/** The setting a form field belongs to (the audience's parts are one setting). */
export function settingOfField(field: CampaignField): keyof CampaignSettings {
  return field === 'unitIds' || field === 'profileIds' || field === 'personIds'
    ? 'audience'
    : field;
}
