import type { FrameworkNode, Scale } from '@evne/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex } from '../../lib/colour';
import {
  compareTargets,
  countByLevel,
  draftsFromTargets,
  groupCompetences,
  hasUnsavedTargets,
  levelColour,
  NOT_NEEDED_COLOUR,
  ratedCompetences,
  targetsFromDrafts,
} from './profile-targets';

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String((counter += 1)).padStart(12, '0')}`;

function node(
  code: string,
  kind: FrameworkNode['kind'],
  parent: FrameworkNode | null,
  position: number,
  isRated = kind === 'competence',
): FrameworkNode {
  return {
    id: uuid(),
    parentId: parent?.id ?? null,
    code,
    kind,
    position,
    name: { da: `Navn ${code}` },
    description: null,
    colour: null,
    group: 'wheel',
    hidden: false,
    levelDescriptors: null,
    note: null,
    sourceNodeId: null,
    isRated,
    changes: [],
  };
}

function version() {
  const a1 = node('A1', 'area', null, 0);
  const a11 = node('A1.1', 'subcategory', a1, 0);
  const c111 = node('A1.1.1', 'competence', a11, 0);
  const c112 = node('A1.1.2', 'competence', a11, 1);
  const a2 = node('A2', 'area', null, 1);
  const c21 = node('A2.1', 'competence', a2, 0);
  return { nodes: [c112, a2, c21, a1, a11, c111], c111, c112, c21, a1, a11, a2 };
}

const scale: Scale = {
  levels: [1, 2, 3, 4, 5].map((value) => ({ value, label: { da: `Niveau ${value}` } })),
  notApplicable: { label: { da: 'Ved ikke' } },
};

describe('rated competences', () => {
  it('lists rated competences in wheel order with their area and sub-category', () => {
    const v = version();
    const rated = ratedCompetences(v.nodes);
    expect(rated.map((item) => item.node.code)).toEqual(['A1.1.1', 'A1.1.2', 'A2.1']);
    expect(rated[0]?.ancestors.map((n) => n.code)).toEqual(['A1', 'A1.1']);
    expect(groupCompetences(rated).map((group) => group.heading.map((n) => n.code))).toEqual([
      ['A1', 'A1.1'],
      ['A2'],
    ]);
  });

  it('starts every competence without a target as "not needed", and saves every one', () => {
    const v = version();
    const drafts = draftsFromTargets(ratedCompetences(v.nodes), [
      { nodeId: v.c112.id, targetLevel: 3, importance: 'useful' },
    ]);
    expect(drafts.get(v.c111.id)).toEqual({ targetLevel: null, importance: 'essential' });
    expect(drafts.get(v.c112.id)).toEqual({ targetLevel: 3, importance: 'useful' });
    expect(targetsFromDrafts(drafts)).toHaveLength(3);
  });

  it('notices unsaved changes, but not a changed importance of a competence not needed', () => {
    const v = version();
    const saved = draftsFromTargets(ratedCompetences(v.nodes), []);
    const same = new Map(saved);
    same.set(v.c111.id, { targetLevel: null, importance: 'useful' });
    expect(hasUnsavedTargets(same, saved)).toBe(false);
    const changed = new Map(saved);
    changed.set(v.c111.id, { targetLevel: 2, importance: 'essential' });
    expect(hasUnsavedTargets(changed, saved)).toBe(true);
  });
});

describe('countByLevel', () => {
  it('counts competences per level, lowest first, and "not needed" last', () => {
    const counts = countByLevel(
      [
        { targetLevel: 3, importance: 'essential' },
        { targetLevel: 3, importance: 'useful' },
        { targetLevel: 1, importance: 'essential' },
        { targetLevel: null, importance: 'essential' },
      ],
      scale,
    );
    expect(counts.map((c) => [c.level, c.count, c.essential])).toEqual([
      [1, 1, 1],
      [2, 0, 0],
      [3, 2, 1],
      [4, 0, 0],
      [5, 0, 0],
      [null, 1, 0],
    ]);
  });
});

describe('levelColour', () => {
  it('darkens from the lowest level to the highest and keeps its text readable', () => {
    const colours = scale.levels.map((level) => levelColour(level.value, scale));
    const luminance = colours.map((c) => parseHex(c.fill)!.reduce((sum, v) => sum + v, 0));
    expect([...luminance].sort((a, b) => b - a)).toEqual(luminance);
    expect(new Set(colours.map((c) => c.fill)).size).toBe(5);
    for (const colour of [...colours, NOT_NEEDED_COLOUR]) {
      expect(contrastRatio(parseHex(colour.fill)!, parseHex(colour.text)!)).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });

  it('is grey for "not needed" and for a level that is not on the scale', () => {
    expect(levelColour(null, scale)).toEqual(NOT_NEEDED_COLOUR);
    expect(levelColour(9, scale)).toEqual(NOT_NEEDED_COLOUR);
  });
});

describe('compareTargets', () => {
  it('pairs competences of the same version by node and says which side is higher', () => {
    const v = version();
    const rows = compareTargets(
      {
        versionId: 'v1',
        nodes: v.nodes,
        targets: [
          { nodeId: v.c111.id, targetLevel: 3, importance: 'essential' },
          { nodeId: v.c112.id, targetLevel: 2, importance: 'essential' },
        ],
      },
      {
        versionId: 'v1',
        nodes: v.nodes,
        targets: [
          { nodeId: v.c111.id, targetLevel: 3, importance: 'useful' },
          { nodeId: v.c112.id, targetLevel: 4, importance: 'essential' },
          { nodeId: v.c21.id, targetLevel: null, importance: 'essential' },
        ],
      },
    );
    expect(rows.map((row) => [row.code, row.difference, row.delta])).toEqual([
      ['A1.1.1', 'same', 0],
      ['A1.1.2', 'b_higher', 2],
      ['A2.1', 'same', 0],
    ]);
  });

  it('pairs different versions by code and lists what only one of them has', () => {
    const v1 = version();
    const v2 = version();
    const extra = node('A2.2', 'competence', v2.a2, 1);
    const rows = compareTargets(
      {
        versionId: 'v1',
        nodes: v1.nodes.filter((n) => n.code !== 'A2.1'),
        targets: [{ nodeId: v1.c111.id, targetLevel: 4, importance: 'essential' }],
      },
      {
        versionId: 'v2',
        nodes: [...v2.nodes, extra],
        targets: [
          { nodeId: v2.c111.id, targetLevel: null, importance: 'essential' },
          { nodeId: extra.id, targetLevel: 2, importance: 'useful' },
        ],
      },
    );
    expect(rows.map((row) => [row.code, row.difference, row.delta])).toEqual([
      ['A1.1.1', 'a_higher', -4],
      ['A1.1.2', 'same', 0],
      ['A2.1', 'only_in_b', null],
      ['A2.2', 'only_in_b', null],
    ]);
    expect(rows[3]?.b).toEqual({ targetLevel: 2, importance: 'useful' });
  });
});
