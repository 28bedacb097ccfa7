import { describe, expect, it } from 'vitest';
import { ALL_PROFILES, rollupDeltas, type RollupRating } from './rollup-deltas.js';

const rating = (nodeId: string, level: number | null, extra: Partial<RollupRating> = {}) => ({
  nodeId,
  level,
  isNotApplicable: level === null,
  wantsToDevelop: false,
  target: null,
  ...extra,
});

describe('rollupDeltas', () => {
  it('counts a first submission once per unit on the path and per profile, "every profile" included', () => {
    const change = rollupDeltas({
      unitIds: ['u2', 'u1'],
      profileIds: ['p1', 'p1'],
      before: null,
      after: [rating('n1', 3, { target: 4, wantsToDevelop: true }), rating('n2', null)],
    });
    expect(change.responses).toEqual([
      { unitId: 'u1', profileId: ALL_PROFILES, respondents: 1 },
      { unitId: 'u1', profileId: 'p1', respondents: 1 },
      { unitId: 'u2', profileId: ALL_PROFILES, respondents: 1 },
      { unitId: 'u2', profileId: 'p1', respondents: 1 },
    ]);
    expect(change.ratings).toHaveLength(8);
    expect(change.ratings[0]).toEqual({
      unitId: 'u1',
      profileId: ALL_PROFILES,
      nodeId: 'n1',
      level: 3,
      respondents: 1,
      wantsToDevelop: 1,
      withTarget: 1,
      meetingTarget: 0,
      shortfall: 1,
    });
    expect(change.ratings[1]).toMatchObject({ nodeId: 'n2', level: 0, withTarget: 0 });
  });

  it('moves only what changed when a submitted response is edited, and nothing for a draft', () => {
    const before = [rating('n1', 2), rating('n2', 4)];
    const after = [rating('n1', 3), rating('n2', 4)];
    const change = rollupDeltas({ unitIds: ['u'], profileIds: [], before, after });
    expect(change.responses).toEqual([]);
    expect(change.ratings.map((row) => [row.nodeId, row.level, row.respondents])).toEqual([
      ['n1', 2, -1],
      ['n1', 3, 1],
    ]);
    expect(rollupDeltas({ unitIds: ['u'], profileIds: [], before: null, after: null })).toEqual({
      ratings: [],
      responses: [],
    });
  });

  it('keeps a change of "would like to develop" alone, and skips answers without a level', () => {
    const change = rollupDeltas({
      unitIds: ['u'],
      profileIds: [],
      before: [rating('n1', 2)],
      after: [
        rating('n1', 2, { wantsToDevelop: true }),
        { ...rating('n2', null), isNotApplicable: false },
      ],
    });
    expect(change.ratings).toEqual([
      {
        unitId: 'u',
        profileId: ALL_PROFILES,
        nodeId: 'n1',
        level: 2,
        respondents: 0,
        wantsToDevelop: 1,
        withTarget: 0,
        meetingTarget: 0,
        shortfall: 0,
      },
    ]);
  });
});
