import { describe, expect, it } from 'vitest';
import {
  completenessFigures,
  depthFirst,
  ratedLeafIds,
  visibleNodes,
  wouldCreateCycle,
  type TreeNode,
} from './framework-tree.js';

const nodes: TreeNode[] = [
  { id: 'a', parentId: null, kind: 'area', position: 1 },
  { id: 'b', parentId: null, kind: 'area', position: 0 },
  { id: 'a1', parentId: 'a', kind: 'subcategory', position: 0 },
  { id: 'a1x', parentId: 'a1', kind: 'competence', position: 0 },
  { id: 'a2', parentId: 'a', kind: 'subcategory', position: 1, hidden: true },
  { id: 'a2x', parentId: 'a2', kind: 'competence', position: 0 },
  { id: 'u', parentId: null, kind: 'area', position: 2, group: 'foundational' },
  { id: 'u1', parentId: 'u', kind: 'competence', position: 0 },
];

describe('framework tree', () => {
  it('walks depth-first with siblings by position', () => {
    expect(depthFirst(nodes).map((node) => node.id)).toEqual([
      'b',
      'a',
      'a1',
      'a1x',
      'a2',
      'a2x',
      'u',
      'u1',
    ]);
  });

  it('hides everything under a hidden node', () => {
    expect(visibleNodes(nodes).map((node) => node.id)).not.toContain('a2x');
  });

  it('rates the visible leaves, including a sub-category without competences', () => {
    const withoutChildren = nodes.filter((node) => node.id !== 'a1x');
    expect([...ratedLeafIds(withoutChildren)].sort()).toEqual(['a1', 'b', 'u1']);
  });

  it('detects a move under a descendant', () => {
    expect(wouldCreateCycle(nodes, 'a', 'a1x')).toBe(true);
    expect(wouldCreateCycle(nodes, 'a1x', 'b')).toBe(false);
  });

  it('counts wheel nodes against the expected counts, leaving out the foundational group and hidden nodes', () => {
    expect(completenessFigures(nodes, { area: 4, subcategory: 12, competence: 32 })).toEqual([
      { kind: 'area', present: 2, expected: 4 },
      { kind: 'subcategory', present: 1, expected: 12 },
      { kind: 'competence', present: 2, expected: 32 },
    ]);
  });
});
