import { describe, expect, it } from 'vitest';
import { findSmallCuts, type CutEdge } from './small-cut.js';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cutWeight(edges: readonly CutEdge[], side: ReadonlySet<number>): number {
  return edges
    .filter((edge) => side.has(edge.a) !== side.has(edge.b))
    .reduce((sum, edge) => sum + edge.weight, 0);
}

/** Every subset of nodes: is there one whose cut weighs 1 … k-1? */
function hasSmallCutByBruteForce(nodeCount: number, edges: readonly CutEdge[], k: number): boolean {
  for (let mask = 1; mask < 1 << nodeCount; mask++) {
    const side = new Set([...Array(nodeCount).keys()].filter((node) => (mask >> node) & 1));
    const weight = cutWeight(edges, side);
    if (weight > 0 && weight < k) {
      return true;
    }
  }
  return false;
}

function componentsOf(nodeCount: number, edges: readonly CutEdge[]): Set<number>[] {
  const label = [...Array(nodeCount).keys()];
  const find = (node: number): number => (label[node] === node ? node : find(label[node] ?? node));
  for (const edge of edges) {
    label[find(edge.a)] = find(edge.b);
  }
  const groups = new Map<number, Set<number>>();
  for (let node = 0; node < nodeCount; node++) {
    const root = find(node);
    groups.set(root, (groups.get(root) ?? new Set<number>()).add(node));
  }
  return [...groups.values()];
}

function separatedByLightCut(
  nodeCount: number,
  edges: readonly CutEdge[],
  k: number,
  a: number,
  b: number,
): boolean {
  for (let mask = 0; mask < 1 << nodeCount; mask++) {
    if (((mask >> a) & 1) === 1 && ((mask >> b) & 1) === 0) {
      const side = new Set([...Array(nodeCount).keys()].filter((node) => (mask >> node) & 1));
      if (cutWeight(edges, side) < k) {
        return true;
      }
    }
  }
  return false;
}

describe('findSmallCuts', () => {
  it(
    'agrees with trying every cut on random small graphs, and returns a real light cut',
    { timeout: 60_000 },
    () => {
      const rand = mulberry32(11);
      let found = 0;
      for (let round = 0; round < 1500; round++) {
        const nodeCount = 1 + Math.floor(rand() * 9);
        const k = 2 + Math.floor(rand() * 6);
        const density = rand();
        const edges: CutEdge[] = [];
        for (let a = 0; a < nodeCount; a++) {
          for (let b = a + 1; b < nodeCount; b++) {
            if (rand() < density) {
              edges.push({ a, b, weight: 1 + Math.floor(rand() * 4) });
            }
          }
        }
        const joined: [number, number][] = [];
        const cuts = findSmallCuts(nodeCount, edges, k, (a, b) => joined.push([a, b]));
        // Whatever it reports as joined, no cut lighter than k separates.
        for (const [a, b] of joined) {
          expect(separatedByLightCut(nodeCount, edges, k, a, b), `round ${round}`).toBe(false);
        }
        expect(cuts.length > 0, `round ${round}`).toBe(
          hasSmallCutByBruteForce(nodeCount, edges, k),
        );
        const seen = new Set<number>();
        for (const cut of cuts) {
          found++;
          const side = new Set(cut.side);
          expect(cut.weight).toBe(cutWeight(edges, side));
          expect(cut.weight).toBeGreaterThan(0);
          expect(cut.weight).toBeLessThan(k);
          // side and rest make up one connected component, and no component is cut twice.
          const component = new Set([...cut.side, ...cut.rest]);
          for (const edge of edges) {
            expect(component.has(edge.a)).toBe(component.has(edge.b));
          }
          for (const node of component) {
            expect(seen.has(node)).toBe(false);
            seen.add(node);
          }
        }
        // Every component that has a light cut gets one.
        const components = componentsOf(nodeCount, edges);
        for (const component of components) {
          const inside = edges.filter((edge) => component.has(edge.a));
          const hasCut = cuts.some((cut) => component.has(cut.side[0] ?? -1));
          expect(hasCut).toBe(hasSmallCutByBruteForce(nodeCount, inside, k));
        }
      }
      expect(found).toBeGreaterThan(300);
      expect(found).toBeLessThan(1400);
    },
  );

  it('finds a light cut that no reduction sees (two cubes joined by one edge)', () => {
    // Every node has weight ≥ 3, no edge weighs 3, no two nodes share 3 paths of two edges:
    // only Stoer–Wagner finds the bridge. A separate triangle comes first (nodes 0–2), so the
    // cubes are a component whose nodes are not numbered from 0.
    const edges: CutEdge[] = [
      { a: 0, b: 1, weight: 5 },
      { a: 1, b: 2, weight: 5 },
      { a: 0, b: 2, weight: 5 },
    ];
    for (const offset of [3, 11]) {
      for (let a = 0; a < 8; a++) {
        for (const bit of [1, 2, 4]) {
          if ((a & bit) === 0) {
            edges.push({ a: offset + a, b: offset + (a | bit), weight: 1 });
          }
        }
      }
    }
    edges.push({ a: 3, b: 11, weight: 2 });
    const [cut, ...others] = findSmallCuts(19, edges, 3);
    expect(others).toEqual([]);
    expect(cut?.weight).toBe(2);
    const cubes = [
      [3, 4, 5, 6, 7, 8, 9, 10],
      [11, 12, 13, 14, 15, 16, 17, 18],
    ];
    expect([cut?.side, cut?.rest]).toEqual(cut?.side[0] === 3 ? cubes : [...cubes].reverse());
    expect(findSmallCuts(19, edges, 2)).toEqual([]);
    // Without the bridge each cube is 3-edge-connected.
    expect(findSmallCuts(19, edges.slice(0, -1), 3)).toEqual([]);
  });
});
