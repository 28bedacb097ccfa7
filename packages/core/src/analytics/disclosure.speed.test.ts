import { describe, expect, it } from 'vitest';
import {
  buildDisclosureTree,
  decideFilteredDisclosureBatch,
  decideTreeDisclosureBatch,
  type DisclosureTree,
  type KeyedClassDisclosureCount,
  type KeyedDisclosureCount,
  type TreeDisclosure,
} from './disclosure.js';

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

const UNITS = 2000;
const KEYS = 32;
const CLASSES = 8;

/** A municipality-like tree: 2,000 units, 0–15 respondents each, 32 competences with dropouts. */
function organisation(seed: number) {
  const rand = mulberry32(seed);
  const units = [...Array(UNITS).keys()].map((index) => ({
    id: `unit-${String(index).padStart(4, '0')}`,
    parentId:
      index === 0
        ? null
        : `unit-${String(Math.floor(rand() * Math.min(index, 1 + index / 3))).padStart(4, '0')}`,
  }));
  const direct = units.map(() => (rand() < 0.2 ? 0 : Math.floor(rand() * 16)));
  const dominant = units.map(() => Math.floor(rand() * CLASSES));
  const counts: KeyedDisclosureCount[] = [];
  const classCounts: KeyedClassDisclosureCount[] = [];
  for (let key = 0; key < KEYS; key++) {
    const notRelevant = rand() * 0.3;
    units.forEach((unit, index) => {
      const byClass = new Array<number>(CLASSES).fill(0);
      for (let person = 0; person < (direct[index] ?? 0); person++) {
        if (rand() >= notRelevant) {
          const classIndex = rand() < 0.7 ? (dominant[index] ?? 0) : Math.floor(rand() * CLASSES);
          byClass[classIndex] = (byClass[classIndex] ?? 0) + 1;
        }
      }
      const total = byClass.reduce((sum, count) => sum + count, 0);
      counts.push({ key: `c${key}`, unitId: unit.id, count: total });
      byClass.forEach((count, classIndex) => {
        if (count > 0) {
          classCounts.push({ key: `c${key}`, unitId: unit.id, classKey: `p${classIndex}`, count });
        }
      });
    });
  }
  return { tree: buildDisclosureTree(units), counts, classCounts };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The tree criterion checked directly: every shown unit's atom is 0 or at least k. */
function expectAtomsSafe(
  tree: DisclosureTree,
  decision: TreeDisclosure,
  direct: Map<string, number>,
) {
  const shown = new Set(decision.shownUnitIds());
  for (const unitId of shown) {
    let atom = 0;
    const stack = [tree.indexOf.get(unitId) ?? 0];
    while (stack.length > 0) {
      const unit = stack.pop() ?? 0;
      atom += direct.get(tree.unitIds[unit] ?? '') ?? 0;
      for (let at = tree.childStart[unit] ?? 0; at < (tree.childStart[unit + 1] ?? 0); at++) {
        const child = tree.childList[at] ?? 0;
        if (!shown.has(tree.unitIds[child] ?? '')) {
          stack.push(child);
        }
      }
    }
    expect(atom === 0 || atom >= decision.k).toBe(true);
  }
}

describe('speed (figures printed, no timing assertions)', () => {
  const { tree, counts, classCounts } = organisation(2024);

  it(`decides ${UNITS} units × ${KEYS} keys`, { timeout: 60_000 }, () => {
    let reading = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 7; run++) {
      // What reading the rows alone costs: one unit lookup and one key lookup per row.
      const started = performance.now();
      const seen = new Map<string, Float64Array>();
      for (const row of counts) {
        const direct = seen.get(row.key) ?? new Float64Array(UNITS);
        seen.set(row.key, direct);
        const index = tree.indexOf.get(row.unitId) ?? 0;
        direct[index] = (direct[index] ?? 0) + row.count;
      }
      reading = Math.min(reading, performance.now() - started);
    }
    const runs: number[] = [];
    let batch = decideTreeDisclosureBatch(tree, counts, 5);
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      batch = decideTreeDisclosureBatch(tree, counts, 5);
      runs.push(performance.now() - started);
    }
    console.log(
      `disclosure: ${UNITS} units × ${KEYS} keys decided in ${median(runs).toFixed(1)} ms (median of ${runs.length}; reading the ${counts.length} count rows alone takes ${reading.toFixed(1)} ms)`,
    );
    expect(batch.keys).toHaveLength(KEYS);
    for (const key of batch.keys) {
      const direct = new Map(
        counts.filter((row) => row.key === key).map((row) => [row.unitId, row.count]),
      );
      expectAtomsSafe(tree, batch.forKey(key), direct);
    }
  });

  it(
    `decides ${UNITS} units × ${KEYS} keys × ${CLASSES} filter classes`,
    { timeout: 120_000 },
    () => {
      const runs: number[] = [];
      let batch = decideFilteredDisclosureBatch(tree, classCounts, 5);
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        batch = decideFilteredDisclosureBatch(tree, classCounts, 5);
        runs.push(performance.now() - started);
      }
      console.log(
        `disclosure: ${UNITS} units × ${KEYS} keys × ${CLASSES} classes decided in ${median(runs).toFixed(0)} ms (median of ${runs.length})`,
      );
      const first = batch.forKey('c0');
      expect(first.classKeys).toHaveLength(CLASSES);
      const shownClassFigures = first.classKeys.reduce(
        (sum, classKey) => sum + first.forClass(classKey).shownUnitIds().length,
        0,
      );
      console.log(
        `disclosure: key c0 shows ${first.unfiltered.shownUnitIds().length} unit figures and ${shownClassFigures} class figures`,
      );
      expect(shownClassFigures).toBeGreaterThan(0);
    },
  );
});
