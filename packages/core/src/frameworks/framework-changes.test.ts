import { describe, expect, it } from 'vitest';
import { compareWithSource, type ComparableNode } from './framework-changes.js';

function node(id: string, overrides: Partial<ComparableNode> = {}): ComparableNode {
  return {
    id,
    parentId: null,
    sourceNodeId: null,
    code: id,
    kind: 'area',
    position: 0,
    name: { da: id },
    description: null,
    colour: null,
    hidden: false,
    levelDescriptors: null,
    ...overrides,
  };
}

/** A copy of source node `sourceId`, with the same code and name unless overridden. */
function copy(sourceId: string, overrides: Partial<ComparableNode> = {}): ComparableNode {
  return node(`c${sourceId}`, {
    sourceNodeId: sourceId,
    code: sourceId,
    name: { da: sourceId },
    ...overrides,
  });
}

describe('compareWithSource', () => {
  const source = [
    node('A'),
    node('B', { position: 1 }),
    node('A1', { parentId: 'A', kind: 'competence' }),
    node('C', { position: 2 }),
  ];

  it('lists nothing for an untouched copy', () => {
    const copy = source.map((n) => ({
      ...n,
      id: `c${n.id}`,
      sourceNodeId: n.id,
      parentId: n.parentId && `c${n.parentId}`,
    }));
    const { changes, removed } = compareWithSource(copy, source);
    expect([...changes.values()].every((list) => list.length === 0)).toBe(true);
    expect(removed).toEqual([]);
  });

  it('tells renamed, moved, hidden, added and removed apart, and an insertion is not a reorder', () => {
    const copies: ComparableNode[] = [
      node('cNEW', { position: 0 }),
      copy('A', { position: 1, name: { da: 'Nyt A' } }),
      copy('B', { position: 2, hidden: true }),
      copy('A1', { parentId: 'cB', kind: 'competence' }),
    ];
    const { changes, removed } = compareWithSource(copies, source);
    expect(changes.get('cNEW')).toEqual(['added']);
    expect(changes.get('cA')).toEqual(['renamed']);
    expect(changes.get('cB')).toEqual(['hidden']);
    expect(changes.get('cA1')).toEqual(['moved']);
    expect(removed.map((n) => n.id)).toEqual(['C']);
  });

  it('sees a swap of siblings as a reorder', () => {
    const copies = [copy('A', { position: 1 }), copy('B', { position: 0 })];
    const { changes } = compareWithSource(copies, source.slice(0, 2));
    expect(changes.get('cA')).toEqual(['reordered']);
  });
});
