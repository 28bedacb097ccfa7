import type { Campaign } from '@evne/core';
import { describe, expect, it } from 'vitest';
import {
  changesFromDraft,
  draftFromCampaign,
  draftProblems,
  fieldOfPath,
  fromLocalInput,
  newDraft,
  settingsFromDraft,
  toLocalInput,
  type CampaignDraft,
} from './campaign-form';

const VERSION = '00000000-0000-4000-8000-000000000001';
const UNIT = '00000000-0000-4000-8000-000000000002';
const PROFILE = '00000000-0000-4000-8000-000000000003';
const PERSON = '00000000-0000-4000-8000-000000000004';
const NODE_A = '00000000-0000-4000-8000-00000000000a';
const NODE_B = '00000000-0000-4000-8000-00000000000b';

function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: '00000000-0000-4000-8000-0000000000c1',
    name: { da: 'Kortlægning', en: 'Mapping' },
    frameworkVersionId: VERSION,
    nodeIds: null,
    audience: { unitIds: [UNIT], includeSubunits: true, profileIds: [], personIds: [PERSON] },
    opensAt: '2030-03-01T08:00:00.000Z',
    closesAt: '2030-03-15T15:00:00.000Z',
    modes: ['self'],
    languages: ['da', 'nb', 'en'],
    anonymity: 'confidential',
    status: 'draft',
    scheduledAt: null,
    closedAt: null,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    counts: { invited: 0, sent: 0 },
    ...overrides,
  };
}

function filled(): CampaignDraft {
  return {
    ...newDraft(new Date(2030, 0, 10, 12, 0)),
    name: { da: '  Kortlægning ', nb: '', en: '' },
    frameworkVersionId: VERSION,
    unitIds: [UNIT],
  };
}

describe('datetime-local values', () => {
  it('round-trips an instant at minute precision in the local time zone', () => {
    const local = toLocalInput('2030-03-01T08:30:45.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe('2030-03-01T08:30:00.000Z');
  });

  it('refuses what is not a real date and time', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2030-02-30T10:00')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(toLocalInput('not a date')).toBe('');
  });
});

describe('a new draft', () => {
  it('opens the next morning, runs two weeks and asks for a self-assessment in every language', () => {
    const draft = newDraft(new Date(2030, 0, 10, 12, 0));
    expect(draft.opensAt).toBe('2030-01-11T09:00');
    expect(draft.closesAt).toBe('2030-01-25T16:00');
    expect(draft.modes).toEqual(['self']);
    expect(draft.languages).toEqual(['da', 'nb', 'en']);
    expect(draft.allCompetences).toBe(true);
  });
});

describe('draftProblems', () => {
  it('names every missing part by its field', () => {
    const draft = { ...newDraft(new Date()), opensAt: '', modes: [], languages: [] };
    expect(draftProblems(draft)).toEqual({
      name: 'nameMissing',
      frameworkVersionId: 'versionMissing',
      audience: 'audienceMissing',
      opensAt: 'dateMissing',
      modes: 'modesMissing',
      languages: 'languagesMissing',
    });
  });

  it('wants at least one competence when only some are asked about', () => {
    expect(draftProblems({ ...filled(), allCompetences: false, nodeIds: [] })).toEqual({
      nodeIds: 'competencesMissing',
    });
  });

  it('leaves out what the state does not allow to change', () => {
    const draft = { ...filled(), modes: [], frameworkVersionId: '' };
    expect(draftProblems(draft, new Set(['name', 'closesAt']))).toEqual({});
  });

  it('leaves the order of the window to the server', () => {
    const draft = { ...filled(), opensAt: '2030-03-10T09:00', closesAt: '2030-03-01T09:00' };
    expect(draftProblems(draft)).toEqual({});
  });
});

describe('settingsFromDraft', () => {
  it('trims the name, keeps only filled languages and sends null for all competences', () => {
    const settings = settingsFromDraft({
      ...filled(),
      people: [{ id: PERSON, name: 'Anne' }],
      profileIds: [PROFILE, PROFILE],
      modes: ['manager', 'self'],
      languages: ['en', 'da'],
    });
    expect(settings.name).toEqual({ da: 'Kortlægning' });
    expect(settings.nodeIds).toBeNull();
    expect(settings.audience).toEqual({
      unitIds: [UNIT],
      includeSubunits: true,
      profileIds: [PROFILE],
      personIds: [PERSON],
    });
    expect(settings.modes).toEqual(['self', 'manager']);
    expect(settings.languages).toEqual(['da', 'en']);
    expect(settings.opensAt).toBe(fromLocalInput(filled().opensAt));
  });

  it('sends the chosen competences', () => {
    const settings = settingsFromDraft({ ...filled(), allCompetences: false, nodeIds: [NODE_A] });
    expect(settings.nodeIds).toEqual([NODE_A]);
  });
});

describe('changesFromDraft', () => {
  it('sends nothing when nothing changed', () => {
    const saved = campaign({ nodeIds: [NODE_A, NODE_B] });
    const draft = draftFromCampaign(saved, [{ id: PERSON, name: 'Anne' }]);
    expect(draft.people).toEqual([{ id: PERSON, name: 'Anne' }]);
    expect(changesFromDraft(draft, saved)).toEqual({});
  });

  it('sends only what changed', () => {
    const saved = campaign();
    const draft = { ...draftFromCampaign(saved), anonymity: 'anonymous' as const };
    expect(changesFromDraft(draft, saved)).toEqual({ anonymity: 'anonymous' });
  });

  it('never sends a setting the state has locked', () => {
    const saved = campaign({ status: 'open', scheduledAt: '2030-02-01T00:00:00.000Z' });
    const draft = {
      ...draftFromCampaign(saved),
      anonymity: 'anonymous' as const,
      unitIds: [],
      closesAt: toLocalInput('2030-03-20T15:00:00.000Z'),
    };
    expect(changesFromDraft(draft, saved)).toEqual({ closesAt: '2030-03-20T15:00:00.000Z' });
  });

  it('sends the whole audience when a part of it changed in a scheduled campaign', () => {
    const saved = campaign({ status: 'scheduled', scheduledAt: '2030-02-01T00:00:00.000Z' });
    const draft = { ...draftFromCampaign(saved), includeSubunits: false };
    expect(changesFromDraft(draft, saved)).toEqual({
      audience: { unitIds: [UNIT], includeSubunits: false, profileIds: [], personIds: [PERSON] },
    });
  });
});

describe('fieldOfPath', () => {
  it.each([
    ['closesAt', 'closesAt'],
    ['body.closesAt', 'closesAt'],
    ['nodeIds[3]', 'nodeIds'],
    ['audience.unitIds[0]', 'unitIds'],
    ['audience.personIds[12]', 'personIds'],
    ['body.audience', 'audience'],
    ['audience', 'audience'],
    ['body.name', 'name'],
    ['body.modes[0]', 'modes'],
  ])('places %s at %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });

  it('places nothing it does not know', () => {
    expect(fieldOfPath(undefined)).toBeUndefined();
    expect(fieldOfPath('ratings[0].level')).toBeUndefined();
    expect(fieldOfPath('body')).toBeUndefined();
  });
});
