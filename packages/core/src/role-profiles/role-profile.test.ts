import { describe, expect, it } from 'vitest';
import type { Scale } from '../frameworks/framework-document.js';
import {
  carryTargetsForward,
  findTargetIssues,
  ProfileRuleInputSchema,
  type RoleProfileTarget,
} from './role-profile.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function scaleOf(values: readonly number[]): Scale {
  return {
    levels: values.map((value) => ({ value, label: { en: `Level ${value}` } })),
    notApplicable: { label: { en: 'Not relevant' } },
  };
}

const fiveLevels = scaleOf([1, 2, 3, 4, 5]);
const rated = new Set([id(1), id(2), id(3)]);

function target(
  nodeId: string,
  targetLevel: number | null,
  importance: RoleProfileTarget['importance'] = 'essential',
): RoleProfileTarget {
  return { nodeId, targetLevel, importance };
}

describe('findTargetIssues', () => {
  it.each([
    ['no targets', []],
    ['one target per rated competence', [target(id(1), 1), target(id(2), 5), target(id(3), 3)]],
    ['"not needed" (null) targets', [target(id(1), null, 'useful'), target(id(2), null)]],
  ])('accepts %s', (_label, targets) => {
    expect(findTargetIssues(targets, rated, fiveLevels)).toEqual([]);
  });

  it.each([
    [
      'a node that is not a rated competence',
      [target(id(1), 3), target(id(9), 3)],
      ['targets[1].nodeId not_a_rated_competence'],
    ],
    ['a level above the scale', [target(id(1), 9)], ['targets[0].targetLevel unknown_level']],
    ['level 0 on a 1–5 scale', [target(id(2), 0)], ['targets[0].targetLevel unknown_level']],
    [
      'the same competence twice',
      [target(id(1), 2), target(id(2), 2), target(id(1), 3)],
      ['targets[2].nodeId duplicate_target'],
    ],
    [
      'several problems, each reported with its index',
      [target(id(9), 7), target(id(3), 2), target(id(3), 6)],
      [
        'targets[0].nodeId not_a_rated_competence',
        'targets[0].targetLevel unknown_level',
        'targets[2].nodeId duplicate_target',
        'targets[2].targetLevel unknown_level',
      ],
    ],
  ])('reports %s', (_label, targets, expected) => {
    const issues = findTargetIssues(targets, rated, fiveLevels);
    expect(issues.map((issue) => `${issue.path ?? ''} ${issue.code}`)).toEqual(expected);
  });

  it('checks levels against the version’s own scale', () => {
    const issues = findTargetIssues([target(id(1), 4)], rated, scaleOf([0, 1, 2, 3]));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown_level', params: { level: 4 } }),
    ]);
  });
});

describe('carryTargetsForward', () => {
  const oldA = id(1);
  const oldB = id(2);
  const oldC = id(3);
  const newA = id(11);
  const newB = id(12);
  const newB2 = id(22);
  const newC = id(13);

  it.each([
    [
      'carries a target to its one rated successor, keeping level and importance',
      [target(oldA, 3, 'useful')],
      new Map([[oldA, [newA]]]),
      { carried: [target(newA, 3, 'useful')], notCarried: [] },
    ],
    [
      'carries "not needed" (null) targets',
      [target(oldA, null)],
      new Map([[oldA, [newA]]]),
      { carried: [target(newA, null)], notCarried: [] },
    ],
    [
      'lists a target whose node has no successor',
      [target(oldB, 2)],
      new Map<string, string[]>(),
      { carried: [], notCarried: [{ nodeId: oldB, reason: 'no_successor' }] },
    ],
    [
      'lists a target whose node has an empty successor list',
      [target(oldB, 2)],
      new Map([[oldB, []]]),
      { carried: [], notCarried: [{ nodeId: oldB, reason: 'no_successor' }] },
    ],
    [
      'lists a target whose node was split into several successors',
      [target(oldB, 2)],
      new Map([[oldB, [newB, newB2]]]),
      { carried: [], notCarried: [{ nodeId: oldB, reason: 'several_successors' }] },
    ],
    [
      'lists a target whose successor is no longer rated (hidden or now has children)',
      [target(oldC, 4)],
      new Map([[oldC, [id(99)]]]),
      { carried: [], notCarried: [{ nodeId: oldC, reason: 'not_rated' }] },
    ],
    [
      'lists a target whose level is not on the new scale',
      [target(oldA, 5)],
      new Map([[oldA, [newA]]]),
      { carried: [], notCarried: [{ nodeId: oldA, reason: 'level_not_on_scale' }] },
    ],
  ])('%s', (_label, targets, successors, expected) => {
    const newRated = new Set([newA, newB, newB2, newC]);
    expect(carryTargetsForward(targets, successors, newRated, scaleOf([1, 2, 3, 4]))).toEqual(
      expected,
    );
  });

  it('splits a whole profile into carried and not carried, in the original order', () => {
    const result = carryTargetsForward(
      [target(oldA, 1), target(oldB, 2), target(oldC, 3)],
      new Map([
        [oldA, [newA]],
        [oldC, [newC]],
      ]),
      new Set([newA, newC]),
      fiveLevels,
    );
    expect(result.carried).toEqual([target(newA, 1), target(newC, 3)]);
    expect(result.notCarried).toEqual([{ nodeId: oldB, reason: 'no_successor' }]);
  });
});

describe('ProfileRuleInputSchema', () => {
  it.each([
    [
      { kind: 'job_title', jobTitle: '  Sagsbehandler ' },
      { kind: 'job_title', jobTitle: 'Sagsbehandler' },
    ],
    [
      { kind: 'unit', unitId: id(5) },
      { kind: 'unit', unitId: id(5), includeSubunits: true },
    ],
    [
      { kind: 'unit', unitId: id(5), includeSubunits: false },
      { kind: 'unit', unitId: id(5), includeSubunits: false },
    ],
  ])('accepts %j', (input, expected) => {
    expect(ProfileRuleInputSchema.parse(input)).toEqual(expected);
  });

  it.each([
    [{ kind: 'job_title', jobTitle: '   ' }],
    [{ kind: 'unit', unitId: 'not-a-uuid' }],
    [{ kind: 'grade', grade: 7 }],
  ])('rejects %j', (input) => {
    expect(ProfileRuleInputSchema.safeParse(input).success).toBe(false);
  });
});
