import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '../frameworks/default-scale.js';
import {
  assertAcceptsAnswers,
  assertCampaignChange,
  assertCanSchedule,
  campaignStatus,
  findRatingIssues,
  missingAnswers,
  type CampaignSettings,
  type CampaignStatus,
} from './campaign.js';

const at = (iso: string) => new Date(iso);
const times = {
  scheduledAt: at('2026-01-01T00:00:00Z'),
  opensAt: at('2026-02-01T00:00:00Z'),
  closesAt: at('2026-03-01T00:00:00Z'),
  closedAt: null,
};
const window = { opensAt: '2026-02-01T00:00:00Z', closesAt: '2026-03-01T00:00:00Z' };
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('campaignStatus', () => {
  it.each([
    ['a draft until scheduled', { ...times, scheduledAt: null }, '2026-02-15T00:00:00Z', 'draft'],
    ['scheduled before it opens', times, '2026-01-15T00:00:00Z', 'scheduled'],
    ['open from the opening time', times, '2026-02-01T00:00:00Z', 'open'],
    ['closed from the closing time', times, '2026-03-01T00:00:00Z', 'closed'],
    [
      'closed when closed early',
      { ...times, closedAt: at('2026-02-10T00:00:00Z') },
      '2026-02-15T00:00:00Z',
      'closed',
    ],
  ])('is %s', (_label, campaign, now, expected) => {
    expect(campaignStatus(campaign, at(now))).toBe(expected);
  });
});

describe('assertCampaignChange', () => {
  const now = at('2026-02-10T00:00:00Z');
  it('lets a draft change everything', () => {
    expect(() =>
      assertCampaignChange('draft', window, { anonymity: 'anonymous', nodeIds: [A] }, now),
    ).not.toThrow();
  });
  const cases: [CampaignStatus, Partial<CampaignSettings>, string][] = [
    ['open', { nodeIds: [A] }, 'campaign_open_locked'],
    ['open', { anonymity: 'anonymous' }, 'campaign_open_locked'],
    [
      'open',
      { audience: { unitIds: [A], includeSubunits: true, profileIds: [], personIds: [] } },
      'campaign_open_locked',
    ],
    ['scheduled', { frameworkVersionId: A }, 'campaign_scheduled_locked'],
    ['closed', { closesAt: '2026-04-01T00:00:00Z' }, 'campaign_closed_locked'],
  ];
  it.each(cases)('refuses a %s campaign a change of %j', (status, change, code) => {
    expect(() => assertCampaignChange(status, window, change, now)).toThrow(
      expect.objectContaining({ code }),
    );
  });
  it('lets an open campaign close later, never in the past or before opening', () => {
    expect(() =>
      assertCampaignChange('open', window, { closesAt: '2026-03-15T00:00:00Z' }, now),
    ).not.toThrow();
    expect(() =>
      assertCampaignChange('open', window, { closesAt: '2026-02-05T00:00:00Z' }, now),
    ).toThrow(expect.objectContaining({ code: 'invalid_campaign_window' }));
    expect(() =>
      assertCampaignChange('draft', window, { closesAt: '2026-01-05T00:00:00Z' }, now),
    ).toThrow(expect.objectContaining({ code: 'invalid_campaign_window' }));
  });
});

describe('scheduling and answering', () => {
  it('schedules only drafts whose window has not ended', () => {
    expect(() => assertCanSchedule('draft', times, at('2026-01-01T00:00:00Z'))).not.toThrow();
    expect(() => assertCanSchedule('open', times, at('2026-01-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'campaign_not_draft' }),
    );
    expect(() => assertCanSchedule('draft', times, at('2026-04-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'closes_in_past' }),
    );
  });
  it.each([
    ['open', null],
    ['scheduled', 'campaign_not_open'],
    ['closed', 'campaign_closed'],
    ['draft', 'campaign_not_open'],
  ] as const)('a %s campaign answers %s', (status, code) => {
    if (code === null) {
      expect(() => assertAcceptsAnswers(status)).not.toThrow();
    } else {
      expect(() => assertAcceptsAnswers(status)).toThrow(expect.objectContaining({ code }));
    }
  });
});

describe('findRatingIssues', () => {
  const ids = new Set([A, B]);
  const rating = (overrides = {}) => ({
    nodeId: A,
    level: 3,
    isNotApplicable: false,
    wantsToDevelop: false,
    comment: null,
    ...overrides,
  });
  it('accepts levels on the scale and "not relevant"', () => {
    expect(
      findRatingIssues(
        [rating(), rating({ nodeId: B, level: null, isNotApplicable: true })],
        ids,
        DEFAULT_SCALE,
      ),
    ).toEqual([]);
  });
  it.each([
    ['a level outside the scale', [rating({ level: 9 })], 'level_not_on_scale', 'ratings[0].level'],
    [
      'an unknown competence',
      [rating({ nodeId: '00000000-0000-4000-8000-0000000000ff' })],
      'unknown_competence',
      'ratings[0].nodeId',
    ],
    ['a competence twice', [rating(), rating()], 'duplicate_rating', 'ratings[1].nodeId'],
    [
      'a level and not-relevant at once',
      [rating({ isNotApplicable: true })],
      'level_and_not_applicable',
      'ratings[0].isNotApplicable',
    ],
  ])('reports %s', (_label, ratings, code, path) => {
    expect(findRatingIssues(ratings, ids, DEFAULT_SCALE)).toContainEqual(
      expect.objectContaining({ code, path }),
    );
  });
  it('lists the competences still without an answer', () => {
    expect(missingAnswers([rating(), rating({ nodeId: B, level: null })], ids)).toEqual([B]);
  });
});
