import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import {
  AnonymityThresholdSchema,
  buildDisclosureTree,
  decideFilteredDisclosure,
  decideFilteredDisclosureBatch,
  decideTreeDisclosure,
  decideTreeDisclosureBatch,
  disclosedOverview,
  thresholdFor,
  type DisclosureStatus,
  type TreeDisclosure,
} from './disclosure.js';

/** [id, parent, respondents attached directly]. */
type Spec = readonly (readonly [string, string | null, number])[];

function treeOf(spec: Spec) {
  return buildDisclosureTree(spec.map(([id, parentId]) => ({ id, parentId })));
}

function decide(spec: Spec, k = 5): TreeDisclosure {
  const counts = spec.map(([unitId, , count]) => ({ unitId, count }));
  return decideTreeDisclosure(treeOf(spec), counts, k);
}

function statuses(decision: TreeDisclosure, spec: Spec): Record<string, DisclosureStatus> {
  return Object.fromEntries(spec.map(([id]) => [id, decision.status(id)]));
}

describe('thresholdFor and the setting', () => {
  it('defaults to 5 and accepts whole numbers from 3', () => {
    expect(thresholdFor()).toBe(5);
    expect(thresholdFor(null)).toBe(5);
    expect(thresholdFor(3)).toBe(3);
    expect(thresholdFor(12)).toBe(12);
    expect(thresholdFor(10_000)).toBe(10_000);
    expect(AnonymityThresholdSchema.parse(undefined)).toBe(5);
    expect(AnonymityThresholdSchema.parse(7)).toBe(7);
  });

  it.each([2, 0, -5, 4.5, 10_001, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (value) => {
    expect(() => thresholdFor(value)).toThrow(ValidationError);
    expect(AnonymityThresholdSchema.safeParse(value).success).toBe(false);
  });

  it('is checked by every decision', () => {
    expect(() => decide([['a', null, 9]], 2)).toThrow(
      expect.objectContaining({ code: 'invalid_anonymity_threshold' }),
    );
  });
});

describe('buildDisclosureTree', () => {
  it('reports duplicates, unknown parents and cycles together', () => {
    const attempt = () =>
      buildDisclosureTree([
        { id: 'a', parentId: null },
        { id: 'a', parentId: null },
        { id: 'b', parentId: 'nope' },
        { id: 'c', parentId: 'd' },
        { id: 'd', parentId: 'c' },
      ]);
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as ValidationError).issues.map(
        (issue) => `${issue.code} ${issue.identifier ?? ''}`,
      );
      expect(issues).toEqual(['duplicate_unit a', 'unknown_parent b', 'cycle c', 'cycle d']);
    }
  });

  it('refuses counts for unknown units and counts that are not whole numbers ≥ 0', () => {
    const tree = treeOf([['a', null, 0]]);
    for (const counts of [
      [{ unitId: 'x', count: 5 }],
      [{ unitId: 'a', count: -1 }],
      [{ unitId: 'a', count: 2.5 }],
    ]) {
      expect(() => decideTreeDisclosure(tree, counts, 5)).toThrow(
        expect.objectContaining({ code: 'invalid_disclosure_counts' }),
      );
    }
  });
});

describe('decideTreeDisclosure: hand-made cases (k = 5)', () => {
  it('primary rule only: small units are "fewer than k", the rest is shown', () => {
    const spec: Spec = [
      ['root', null, 2],
      ['a', 'root', 6],
      ['b', 'root', 3],
    ];
    const decision = decide(spec);
    // root 11 − a 6 = 5 people (root's own 2 and b's 3): enough.
    expect(statuses(decision, spec)).toEqual({
      root: 'shown',
      a: 'shown',
      b: 'fewer_than_k',
    });
    expect(decision.count('root')).toBe(11);
    expect(decision.count('b')).toBeNull();
    expect(decision.shownUnitIds()).toEqual(['a', 'root']);
  });

  it('one small child forces its sibling to be hidden (else root − sibling = the small child)', () => {
    const spec: Spec = [
      ['root', null, 0],
      ['a', 'root', 3],
      ['b', 'root', 9],
    ];
    expect(statuses(decide(spec), spec)).toEqual({
      root: 'shown',
      a: 'fewer_than_k',
      b: 'suppressed',
    });
  });

  it('a remainder of exactly 0 is allowed', () => {
    const spec: Spec = [
      ['root', null, 0],
      ['a', 'root', 5],
      ['b', 'root', 6],
    ];
    expect(statuses(decide(spec), spec)).toEqual({ root: 'shown', a: 'shown', b: 'shown' });
  });

  it('direct members are a hidden part: 2 of them hide the smallest child', () => {
    const spec: Spec = [
      ['root', null, 2],
      ['a', 'root', 5],
      ['b', 'root', 6],
    ];
    expect(statuses(decide(spec), spec)).toEqual({ root: 'shown', a: 'suppressed', b: 'shown' });
  });

  it('a chain of equal figures is hidden down to where the people are', () => {
    // root 7, a 6, b 6, c 6: root minus any of a, b, c is root's 1 direct member.
    const spec: Spec = [
      ['root', null, 1],
      ['a', 'root', 0],
      ['b', 'a', 0],
      ['c', 'b', 6],
    ];
    expect(statuses(decide(spec), spec)).toEqual({
      root: 'shown',
      a: 'suppressed',
      b: 'suppressed',
      c: 'suppressed',
    });
  });

  it('counts a shown grandchild under a hidden child when checking the remainder', () => {
    // Hiding "a" would not help: a1 (= a) stays shown and root − b − a1 = 1. So b goes.
    const spec: Spec = [
      ['root', null, 1],
      ['a', 'root', 0],
      ['a1', 'a', 5],
      ['b', 'root', 7],
    ];
    expect(statuses(decide(spec), spec)).toEqual({
      root: 'shown',
      a: 'shown',
      a1: 'shown',
      b: 'suppressed',
    });
  });

  it('suppression at one level changes what the level above sees', () => {
    // d: 9 − t2 6 = 3 → t2 hidden. root: 17 − d 9 − e 8 = 0 → fine.
    const spec: Spec = [
      ['root', null, 0],
      ['d', 'root', 0],
      ['t1', 'd', 3],
      ['t2', 'd', 6],
      ['e', 'root', 8],
    ];
    expect(statuses(decide(spec), spec)).toEqual({
      root: 'shown',
      d: 'shown',
      t1: 'fewer_than_k',
      t2: 'suppressed',
      e: 'shown',
    });
  });

  it('fixes every level in turn when each leaves a small remainder', () => {
    // Each division has 1 person of its own and hides its smaller team (ties by id); the root,
    // with 2 people of its own, then hides the smaller division (d1, 12) and keeps its team t12.
    const spec: Spec = [
      ['root', null, 2],
      ['d1', 'root', 1],
      ['t11', 'd1', 5],
      ['t12', 'd1', 6],
      ['d2', 'root', 1],
      ['t21', 'd2', 6],
      ['t22', 'd2', 6],
    ];
    expect(statuses(decide(spec), spec)).toEqual({
      root: 'shown',
      d1: 'suppressed',
      t11: 'suppressed',
      t12: 'shown',
      d2: 'shown',
      t21: 'suppressed',
      t22: 'shown',
    });
  });

  it('uses k from the organisation', () => {
    const spec: Spec = [
      ['root', null, 0],
      ['a', 'root', 3],
      ['b', 'root', 4],
    ];
    expect(statuses(decide(spec, 3), spec)).toEqual({ root: 'shown', a: 'shown', b: 'shown' });
    expect(statuses(decide(spec, 4), spec)).toEqual({
      root: 'shown',
      a: 'fewer_than_k',
      b: 'suppressed',
    });
  });

  it('decides every tree of a forest on its own', () => {
    const spec: Spec = [
      ['x', null, 4],
      ['y', null, 9],
      ['y1', 'y', 2],
    ];
    expect(statuses(decide(spec), spec)).toEqual({
      x: 'fewer_than_k',
      y: 'shown',
      y1: 'fewer_than_k',
    });
  });
});

describe('disclosedOverview', () => {
  it('gives the unit and its children, with counts only where shown', () => {
    const spec: Spec = [
      ['root', null, 0],
      ['a', 'root', 3],
      ['b', 'root', 9],
      ['c', 'root', 6],
    ];
    const tree = treeOf(spec);
    const decision = decideTreeDisclosure(
      tree,
      spec.map(([unitId, , count]) => ({ unitId, count })),
      5,
    );
    expect(disclosedOverview(tree, decision, 'root')).toEqual({
      unit: { unitId: 'root', status: 'shown', count: 18 },
      children: [
        { unitId: 'a', status: 'fewer_than_k', count: null },
        { unitId: 'b', status: 'shown', count: 9 },
        { unitId: 'c', status: 'suppressed', count: null },
      ],
    });
    expect(() => disclosedOverview(tree, decision, 'nope')).toThrow(
      expect.objectContaining({ code: 'unit_not_found' }),
    );
  });
});

describe('decideTreeDisclosureBatch', () => {
  const spec: Spec = [
    ['root', null, 0],
    ['a', 'root', 0],
    ['b', 'root', 0],
  ];
  const tree = treeOf(spec);

  it('decides each key as the single decision does', () => {
    const counts = [
      { key: 'c1', unitId: 'a', count: 3 },
      { key: 'c1', unitId: 'b', count: 9 },
      { key: 'c2', unitId: 'a', count: 5 },
      { key: 'c2', unitId: 'b', count: 6 },
    ];
    const batch = decideTreeDisclosureBatch(tree, counts, 5, { keys: ['c3'] });
    expect(batch.keys).toEqual(['c1', 'c2', 'c3']);
    for (const key of batch.keys) {
      const single = decideTreeDisclosure(
        tree,
        counts.filter((row) => row.key === key),
        5,
      );
      for (const [id] of spec) {
        expect(batch.forKey(key).status(id)).toBe(single.status(id));
      }
    }
    expect(batch.forKey('c3').shownUnitIds()).toEqual([]);
    expect(() => batch.forKey('c4')).toThrow(
      expect.objectContaining({ code: 'disclosure_key_not_found' }),
    );
  });

  it('hides a key’s figure where the base (respondents) figure is hidden', () => {
    // Respondents: a 3 + b 9 → b hidden. Competence c1 (a's 3 answered "not relevant"): b 9
    // would be shown on its own, and b's count would then tell how a's 3 answered.
    const counts = [
      { key: 'respondents', unitId: 'a', count: 3 },
      { key: 'respondents', unitId: 'b', count: 9 },
      { key: 'c1', unitId: 'b', count: 9 },
    ];
    const alone = decideTreeDisclosureBatch(tree, counts, 5);
    expect(alone.forKey('c1').status('b')).toBe('shown');
    const bounded = decideTreeDisclosureBatch(tree, counts, 5, { baseKey: 'respondents' });
    expect(bounded.forKey('c1').status('b')).toBe('suppressed');
    expect(bounded.forKey('c1').status('root')).toBe('shown');
    expect(() => decideTreeDisclosureBatch(tree, counts, 5, { baseKey: 'x' })).toThrow(
      expect.objectContaining({ code: 'unknown_base_key' }),
    );
  });
});

describe('decideFilteredDisclosure: hand-made cases (k = 5)', () => {
  /** [unit, parent, { class: respondents directly in the unit }]. */
  type ClassSpec = readonly (readonly [string, string | null, Record<string, number>])[];

  function decideClasses(spec: ClassSpec, k = 5, filterable?: string[]) {
    const tree = buildDisclosureTree(spec.map(([id, parentId]) => ({ id, parentId })));
    const counts = spec.flatMap(([unitId, , byClass]) =>
      Object.entries(byClass).map(([classKey, count]) => ({ unitId, classKey, count })),
    );
    return decideFilteredDisclosure(
      tree,
      counts,
      k,
      filterable === undefined ? {} : { filterable },
    );
  }

  it('never shows a class figure that, minus pure units, leaves a few strays', () => {
    // Teachers (P) fill s1 and s2; one more teacher works in o1. root∩P − s1 − s2 = that one.
    const spec: ClassSpec = [
      ['root', null, {}],
      ['s1', 'root', { P: 6 }],
      ['s2', 'root', { P: 6 }],
      ['o1', 'root', { P: 1, N: 5 }],
      ['o2', 'root', { N: 6 }],
    ];
    const decision = decideClasses(spec);
    expect(decision.unfiltered.shownUnitIds()).toEqual(['o1', 'o2', 'root', 's1', 's2']);
    expect(decision.forClass('P').shownUnitIds()).toEqual(['s1', 's2']);
    expect(decision.forClass('P').status('root')).toBe('suppressed');
    expect(decision.forClass('P').status('o1')).toBe('fewer_than_k');
    // o1∩N = o1 − the stray teacher; root∩N = root − 13 teachers … − s1 − s2 − o1∩N …
    expect(decision.forClass('N').shownUnitIds()).toEqual(['o2']);
  });

  it('hides one class where every other class is shown and the rest is small', () => {
    // root 11 = P 5 + Q 5 + N 1: root − root∩P − root∩Q = the one N person.
    const decision = decideClasses([['root', null, { P: 5, Q: 5, N: 1 }]]);
    expect(decision.unfiltered.isShown('root')).toBe(true);
    expect([decision.forClass('P').status('root'), decision.forClass('Q').status('root')]).toEqual([
      'suppressed',
      'shown',
    ]);
    expect(decision.forClass('N').status('root')).toBe('fewer_than_k');
  });

  it('shows class figures of well-mixed units, and nothing for classes not offered', () => {
    const spec: ClassSpec = [
      ['root', null, {}],
      ['a', 'root', { P: 5, none: 6 }],
      ['b', 'root', { P: 6, none: 5 }],
    ];
    const all = decideClasses(spec);
    expect(all.forClass('P').shownUnitIds()).toEqual(['a', 'b', 'root']);
    expect(all.forClass('none').shownUnitIds()).toEqual(['a', 'b', 'root']);
    const onlyP = decideClasses(spec, 5, ['P']);
    expect(onlyP.forClass('P').shownUnitIds()).toEqual(['a', 'b', 'root']);
    expect(onlyP.forClass('none').status('root')).toBe('suppressed');
    expect(onlyP.forClass('unknown').status('root')).toBe('fewer_than_k');
  });

  it('never changes the unfiltered figures', () => {
    const spec: ClassSpec = [
      ['root', null, { P: 1 }],
      ['a', 'root', { P: 3, Q: 3 }],
      ['b', 'root', { P: 2, Q: 7 }],
    ];
    const tree = buildDisclosureTree(spec.map(([id, parentId]) => ({ id, parentId })));
    const totals = spec.map(([unitId, , byClass]) => ({
      unitId,
      count: Object.values(byClass).reduce((sum, count) => sum + count, 0),
    }));
    const plain = decideTreeDisclosure(tree, totals, 5);
    const filtered = decideClasses(spec);
    for (const [id] of spec) {
      expect(filtered.unfiltered.status(id)).toBe(plain.status(id));
    }
  });

  it('bounds every key by the base key in a batch', () => {
    const tree = buildDisclosureTree([
      { id: 'root', parentId: null },
      { id: 'a', parentId: 'root' },
    ]);
    const counts = [
      { key: 'respondents', unitId: 'root', classKey: 'P', count: 4 },
      { key: 'respondents', unitId: 'a', classKey: 'P', count: 6 },
      { key: 'respondents', unitId: 'a', classKey: 'Q', count: 5 },
      { key: 'c1', unitId: 'a', classKey: 'P', count: 6 },
      { key: 'c1', unitId: 'a', classKey: 'Q', count: 5 },
    ];
    const batch = decideFilteredDisclosureBatch(tree, counts, 5, { baseKey: 'respondents' });
    const base = batch.forKey('respondents');
    const c1 = batch.forKey('c1');
    for (const id of ['root', 'a']) {
      for (const classKey of ['P', 'Q']) {
        if (c1.forClass(classKey).isShown(id)) {
          expect(base.forClass(classKey).isShown(id)).toBe(true);
        }
      }
      if (c1.unfiltered.isShown(id)) {
        expect(base.unfiltered.isShown(id)).toBe(true);
      }
    }
    // Respondents: root 15 − a 11 = 4 → a hidden; c1 alone (root 11 = a 11) would show a.
    expect(base.unfiltered.status('a')).toBe('suppressed');
    expect(decideFilteredDisclosureBatch(tree, counts, 5).forKey('c1').unfiltered.status('a')).toBe(
      'shown',
    );
    expect(c1.unfiltered.status('a')).toBe('suppressed');
    expect(c1.forClass('P').status('a')).toBe('suppressed');
    expect(c1.unfiltered.status('root')).toBe('shown');
  });
});
