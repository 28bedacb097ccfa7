import type { OrgUnit } from '@evne/core';
import { describe, expect, it } from 'vitest';
import {
  buildUnitTree,
  filterUnitTree,
  flattenUnitTree,
  subtreeIds,
  unitMatches,
  type UnitTreeItem,
} from './unit-tree';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function unit(n: number, code: string, name: string, parent: number | null): OrgUnit {
  return {
    id: id(n),
    parentId: parent === null ? null : id(parent),
    code,
    name,
    isActive: true,
    manager: null,
    peopleCount: 1,
    subtreePeopleCount: 1,
  };
}

const units = [
  unit(1, 'DK', 'Demo Kommune', null),
  unit(2, 'SOF', 'Social- og Sundhedsforvaltningen', 1),
  unit(3, 'SOF-ÆLD', 'Ældreområdet', 2),
  unit(4, 'SOF-ÆLD-HJN', 'Hjemmeplejen Nord', 3),
  unit(5, 'SOF-ÆLD-HJS', 'Hjemmeplejen Syd', 3),
  unit(6, 'BUF', 'Børne- og Ungeforvaltningen', 1),
];

const names = (items: readonly UnitTreeItem[]) => flattenUnitTree(items).map((i) => i.unit.code);

describe('buildUnitTree', () => {
  it('nests units under their parents, siblings by name, with depths', () => {
    const tree = buildUnitTree(units);
    expect(names(tree)).toEqual(['DK', 'BUF', 'SOF', 'SOF-ÆLD', 'SOF-ÆLD-HJN', 'SOF-ÆLD-HJS']);
    expect(flattenUnitTree(tree).map((item) => item.depth)).toEqual([1, 2, 2, 3, 4, 4]);
  });

  it('puts units whose parent is not visible at the top (a manager sees their subtrees)', () => {
    const tree = buildUnitTree(units.filter((u) => u.code.startsWith('SOF-ÆLD')));
    expect(tree.map((item) => item.unit.code)).toEqual(['SOF-ÆLD']);
    expect(names(tree)).toHaveLength(3);
  });

  it('survives a cycle in the data without looping', () => {
    const looped = [unit(1, 'A', 'A', 2), unit(2, 'B', 'B', 1), unit(3, 'C', 'C', null)];
    expect(names(buildUnitTree(looped))).toEqual(['C']);
  });
});

describe('filterUnitTree', () => {
  const tree = buildUnitTree(units);

  it('keeps matches with their ancestors and opens the ancestors', () => {
    const result = filterUnitTree(tree, 'hjemmeplejen nord');
    expect(names(result.items)).toEqual(['DK', 'SOF', 'SOF-ÆLD', 'SOF-ÆLD-HJN']);
    expect([...result.matches]).toEqual([id(4)]);
    expect([...result.expanded].sort()).toEqual([id(1), id(2), id(3)]);
  });

  it('matches codes and Danish letters regardless of case', () => {
    expect(unitMatches(units[2]!, 'æld')).toBe(true);
    expect(unitMatches(units[2]!, 'sof-æld')).toBe(true);
    expect(unitMatches(units[5]!, 'BØRNE')).toBe(true);
    expect(unitMatches(units[5]!, 'skole')).toBe(false);
  });

  it('keeps the children of a match only when they match too', () => {
    const result = filterUnitTree(tree, 'ældreområdet');
    expect(names(result.items)).toEqual(['DK', 'SOF', 'SOF-ÆLD']);
  });

  it('returns the whole tree for an empty query, and nothing for no match', () => {
    expect(names(filterUnitTree(tree, ' ').items)).toHaveLength(6);
    expect(filterUnitTree(tree, 'nowhere').items).toEqual([]);
  });

  it('leaves out units the caller does not keep', () => {
    const result = filterUnitTree(tree, '', (u) => u.code !== 'SOF-ÆLD');
    expect(names(result.items)).toEqual(['DK', 'BUF', 'SOF']);
  });
});

describe('subtreeIds', () => {
  it('is the unit and everything beneath it', () => {
    expect([...subtreeIds(units, id(3))].sort()).toEqual([id(3), id(4), id(5)]);
    expect(subtreeIds(units, id(6))).toEqual(new Set([id(6)]));
  });
});
