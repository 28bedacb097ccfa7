/**
 * The attacker: sees every figure any view shows (every unit's overview, unfiltered and filtered
 * by every class) and combines them by exact linear algebra. A decision fails when some non-zero
 * combination of the shown groups' 0/1 vectors is supported on fewer than k people.
 */
import { describe, expect, it } from 'vitest';
import {
  buildDisclosureTree,
  decideFilteredDisclosure,
  decideTreeDisclosure,
  disclosedOverview,
  type DisclosureTree,
  type FilteredDisclosure,
  type TreeDisclosure,
} from './disclosure.js';

// --- seeded randomness --------------------------------------------------------------------------

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

const CLASSES = ['A', 'B', 'C', 'none'] as const;

interface Person {
  unit: string;
  classKey: string;
}

interface Case {
  seed: number;
  k: number;
  units: { id: string; parentId: string | null }[];
  people: Person[];
}

/** 1–12 units (sometimes a forest), 0–8 people directly per unit, classes often aligned with units. */
function randomCase(seed: number): Case {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const unitCount = 1 + Math.floor(rand() * 12);
  const k = 3 + Math.floor(rand() * 3);
  const alignment = rand();
  const units: Case['units'] = [];
  const people: Person[] = [];
  for (let index = 0; index < unitCount; index++) {
    const id = `u${String(index).padStart(2, '0')}`;
    const parentId =
      index === 0 || rand() < 0.08 ? null : (units[Math.floor(rand() * index)]?.id ?? null);
    units.push({ id, parentId });
    const direct = rand() < 0.25 ? 0 : Math.floor(rand() * 9);
    const dominant = pick(CLASSES);
    for (let person = 0; person < direct; person++) {
      people.push({ unit: id, classKey: rand() < alignment ? dominant : pick(CLASSES) });
    }
  }
  return { seed, k, units, people };
}

function classCounts(people: readonly Person[]) {
  const counts = new Map<string, { unitId: string; classKey: string; count: number }>();
  for (const person of people) {
    const key = `${person.unit}|${person.classKey}`;
    const row = counts.get(key) ?? { unitId: person.unit, classKey: person.classKey, count: 0 };
    row.count++;
    counts.set(key, row);
  }
  return [...counts.values()];
}

function unitCounts(people: readonly Person[]) {
  const counts = new Map<string, number>();
  for (const person of people) {
    counts.set(person.unit, (counts.get(person.unit) ?? 0) + 1);
  }
  return [...counts].map(([unitId, count]) => ({ unitId, count }));
}

// --- what the views show ------------------------------------------------------------------------

function descendantsOrSelf(tree: DisclosureTree, unitId: string): Set<string> {
  const out = new Set<string>([unitId]);
  const queue = [tree.indexOf.get(unitId) ?? 0];
  while (queue.length > 0) {
    const unit = queue.pop() ?? 0;
    for (let at = tree.childStart[unit] ?? 0; at < (tree.childStart[unit + 1] ?? 0); at++) {
      const child = tree.childList[at] ?? 0;
      out.add(tree.unitIds[child] ?? '');
      queue.push(child);
    }
  }
  return out;
}

/** The people behind every cell any overview shows (each unit's view: the unit and its children). */
function shownGroups(
  tree: DisclosureTree,
  people: readonly Person[],
  views: readonly { classKey: string | null; decision: TreeDisclosure }[],
): number[][] {
  const groups = new Map<string, number[]>();
  for (const { classKey, decision } of views) {
    for (const unitId of tree.unitIds) {
      const overview = disclosedOverview(tree, decision, unitId);
      for (const cell of [overview.unit, ...overview.children]) {
        if (cell.status !== 'shown') {
          continue;
        }
        const key = `${classKey ?? '*'}|${cell.unitId}`;
        if (groups.has(key)) {
          continue;
        }
        const units = descendantsOrSelf(tree, cell.unitId);
        const members: number[] = [];
        people.forEach((person, index) => {
          if (units.has(person.unit) && (classKey === null || person.classKey === classKey)) {
            members.push(index);
          }
        });
        expect(members.length).toBe(cell.count);
        groups.set(key, members);
      }
    }
  }
  return [...groups.values()];
}

function allViews(decision: FilteredDisclosure) {
  return [
    { classKey: null, decision: decision.unfiltered },
    ...decision.classKeys.map((classKey) => ({
      classKey,
      decision: decision.forClass(classKey),
    })),
  ];
}

// --- exact linear algebra -----------------------------------------------------------------------

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    [x, y] = [y, x % y];
  }
  return x;
}

function normalise(row: bigint[]): void {
  let g = 0n;
  for (const value of row) {
    g = gcd(g, value);
  }
  if (g > 1n) {
    for (let at = 0; at < row.length; at++) {
      row[at] = (row[at] ?? 0n) / g;
    }
  }
}

/** Fraction-free Gauss–Jordan over the integers (exact): the reduced rows and pivot columns. */
function reduce(matrix: readonly (readonly number[])[], columns: number) {
  const rows = matrix.map((row) => row.map((value) => BigInt(value)));
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < columns && rank < rows.length; column++) {
    const found = rows.findIndex((row, index) => index >= rank && (row[column] ?? 0n) !== 0n);
    if (found < 0) {
      continue;
    }
    [rows[rank], rows[found]] = [rows[found] ?? [], rows[rank] ?? []];
    const pivotRow = rows[rank] ?? [];
    const pivot = pivotRow[column] ?? 1n;
    rows.forEach((row, index) => {
      const factor = row[column] ?? 0n;
      if (index === rank || factor === 0n) {
        return;
      }
      for (let at = 0; at < columns; at++) {
        row[at] = (row[at] ?? 0n) * pivot - (pivotRow[at] ?? 0n) * factor;
      }
      normalise(row);
    });
    normalise(pivotRow);
    pivots.push(column);
    rank++;
  }
  return { rows: rows.slice(0, rank), pivots };
}

function rankOf(matrix: readonly (readonly number[])[], columns: number): number {
  return reduce(matrix, columns).pivots.length;
}

/**
 * A group of fewer than k people on which some non-zero combination of the groups is supported,
 * or null. People in the same groups have equal columns and are together in or out of any such
 * support, so the search runs over those classes. A non-zero w in the row space with support
 * inside a set G of columns exists exactly when the rows of a null-space basis Z indexed by G
 * are linearly dependent (w ⊥ every z). A depth-first search over sets of small classes, adding
 * one class at a time while the rows stay independent, meets every minimal dependent set.
 */
function findLeak(groups: readonly (readonly number[])[], k: number): number[] | null {
  const signature = new Map<number, number[]>();
  groups.forEach((group, index) => {
    for (const person of group) {
      signature.set(person, [...(signature.get(person) ?? []), index]);
    }
  });
  const classes = new Map<string, number[]>();
  for (const [person, sets] of signature) {
    const key = sets.join(',');
    classes.set(key, [...(classes.get(key) ?? []), person]);
  }
  const members = [...classes.values()];
  const columnOf = new Map<number, number>();
  members.forEach((people, column) => {
    for (const person of people) {
      columnOf.set(person, column);
    }
  });
  const columns = members.length;
  const matrix = groups.map((group) => {
    const row = new Array<number>(columns).fill(0);
    for (const person of group) {
      row[columnOf.get(person) ?? 0] = 1;
    }
    return row;
  });
  const { rows, pivots } = reduce(matrix, columns);
  const free = [...Array(columns).keys()].filter((column) => !pivots.includes(column));
  let scale = 1n;
  rows.forEach((row, index) => {
    const pivot = row[pivots[index] ?? 0] ?? 1n;
    const size = pivot < 0n ? -pivot : pivot;
    scale = (scale * size) / gcd(scale, size);
  });
  // nullRows[c] = row c of the null-space basis (one entry per free column).
  const nullRows = [...Array(columns).keys()].map(() => new Array<bigint>(free.length).fill(0n));
  free.forEach((column, at) => {
    const target = nullRows[column];
    if (target) {
      target[at] = scale;
    }
    rows.forEach((row, index) => {
      const pivotColumn = pivots[index] ?? 0;
      const pivot = row[pivotColumn] ?? 1n;
      const entry = nullRows[pivotColumn];
      if (entry) {
        entry[at] = (-(row[column] ?? 0n) * scale) / pivot;
      }
    });
  });

  const small = [...Array(columns).keys()].filter((column) => (members[column]?.length ?? 0) < k);
  const search = (
    from: number,
    basis: { vector: bigint[]; pivot: number }[],
    weight: number,
    chosen: number[],
  ): number[] | null => {
    for (let at = from; at < small.length; at++) {
      const column = small[at] ?? 0;
      const total = weight + (members[column]?.length ?? 0);
      if (total >= k) {
        continue;
      }
      const vector = [...(nullRows[column] ?? [])];
      for (const { vector: base, pivot } of basis) {
        const factor = vector[pivot] ?? 0n;
        if (factor !== 0n) {
          const lead = base[pivot] ?? 1n;
          for (let i = 0; i < vector.length; i++) {
            vector[i] = (vector[i] ?? 0n) * lead - (base[i] ?? 0n) * factor;
          }
          normalise(vector);
        }
      }
      const pivot = vector.findIndex((value) => value !== 0n);
      if (pivot < 0) {
        return [...chosen, column].flatMap((picked) => members[picked] ?? []);
      }
      const deeper = search(at + 1, [...basis, { vector, pivot }], total, [...chosen, column]);
      if (deeper) {
        return deeper;
      }
    }
    return null;
  };
  return search(0, [], 0, []);
}

/** The same question answered the slow way: try every set of fewer than k people. */
function findLeakByBruteForce(
  peopleCount: number,
  groups: readonly (readonly number[])[],
  k: number,
): number[] | null {
  const matrix = groups.map((group) => {
    const row = new Array<number>(peopleCount).fill(0);
    for (const person of group) {
      row[person] = 1;
    }
    return row;
  });
  const fullRank = rankOf(matrix, peopleCount);
  const subsets = (size: number, from: number): number[][] =>
    size === 0
      ? [[]]
      : [...Array(Math.max(0, peopleCount - from)).keys()].flatMap((offset) =>
          subsets(size - 1, from + offset + 1).map((rest) => [from + offset, ...rest]),
        );
  for (let size = 1; size < k; size++) {
    for (const subset of subsets(size, 0)) {
      const kept = [...Array(peopleCount).keys()].filter((person) => !subset.includes(person));
      const without = matrix.map((row) => kept.map((person) => row[person] ?? 0));
      if (rankOf(without, kept.length) < fullRank) {
        return subset;
      }
    }
  }
  return null;
}

// --- naive rules the attacker must be able to beat ----------------------------------------------

/** Primary suppression only. */
function primaryOnly(tree: DisclosureTree, people: readonly Person[], k: number): number[][] {
  return tree.unitIds
    .map((unitId) => {
      const units = descendantsOrSelf(tree, unitId);
      return people.flatMap((person, index) => (units.has(person.unit) ? [index] : []));
    })
    .filter((group) => group.length >= k);
}

/** Secondary suppression that subtracts only shown children (not shown grandchildren). */
function childrenOnlyRemainder(
  tree: DisclosureTree,
  people: readonly Person[],
  k: number,
): number[][] {
  const groupOf = (unit: number) => {
    const units = descendantsOrSelf(tree, tree.unitIds[unit] ?? '');
    return people.flatMap((person, index) => (units.has(person.unit) ? [index] : []));
  };
  const size = tree.unitIds.map((_id, unit) => groupOf(unit).length);
  const shown = size.map((n) => n >= k);
  for (const unit of tree.postOrder) {
    if (!shown[unit]) {
      continue;
    }
    const children = [...tree.childList.slice(tree.childStart[unit], tree.childStart[unit + 1])];
    for (;;) {
      const visible = children.filter((child) => shown[child]);
      const remainder =
        (size[unit] ?? 0) - visible.reduce((sum, child) => sum + (size[child] ?? 0), 0);
      if (remainder === 0 || remainder >= k || visible.length === 0) {
        break;
      }
      visible.sort((a, b) => (size[a] ?? 0) - (size[b] ?? 0) || a - b);
      shown[visible[0] ?? 0] = false;
    }
  }
  return tree.unitIds.flatMap((_id, unit) => (shown[unit] ? [groupOf(unit)] : []));
}

/**
 * Per class P, as first proposed: the tree rule on the counts in P and the tree rule on the
 * counts outside P; a unit's P figure is shown when its unfiltered figure, its P figure and its
 * "not P" figure all pass (so that "unit" minus "unit ∩ P" is protected too). Each class is
 * decided on its own.
 */
function perClassTreeRule(
  tree: DisclosureTree,
  people: readonly Person[],
  k: number,
  unfiltered: TreeDisclosure,
): number[][] {
  const groupOf = (unitId: string, keep: (person: Person) => boolean) => {
    const units = descendantsOrSelf(tree, unitId);
    return people.flatMap((person, index) =>
      units.has(person.unit) && keep(person) ? [index] : [],
    );
  };
  const groups = unfiltered.shownUnitIds().map((unitId) => groupOf(unitId, () => true));
  for (const classKey of CLASSES) {
    const inClass = decideTreeDisclosure(
      tree,
      unitCounts(people.filter((person) => person.classKey === classKey)),
      k,
    );
    const outside = decideTreeDisclosure(
      tree,
      unitCounts(people.filter((person) => person.classKey !== classKey)),
      k,
    );
    for (const unitId of inClass.shownUnitIds()) {
      if (unfiltered.isShown(unitId) && outside.isShown(unitId)) {
        groups.push(groupOf(unitId, (person) => person.classKey === classKey));
      }
    }
  }
  return groups;
}

// --- the tests ----------------------------------------------------------------------------------

const CASES = 600;

describe('the leak finder itself', () => {
  it(
    'agrees with trying every small set of people, on random families of groups',
    { timeout: 60_000 },
    () => {
      const rand = mulberry32(7);
      let leaks = 0;
      for (let round = 0; round < 300; round++) {
        const peopleCount = 1 + Math.floor(rand() * 9);
        const k = 2 + Math.floor(rand() * 3);
        const groups = [...Array(1 + Math.floor(rand() * 5)).keys()].map(() =>
          [...Array(peopleCount).keys()].filter(() => rand() < 0.5),
        );
        const fast = findLeak(groups, k);
        const slow = findLeakByBruteForce(peopleCount, groups, k);
        expect(fast !== null, `round ${round}`).toBe(slow !== null);
        if (fast) {
          leaks++;
          expect(fast.length).toBeLessThan(k);
        }
      }
      expect(leaks).toBeGreaterThan(30);
    },
  );

  it('finds the classic differences', () => {
    // {a,b,c,d,e,f} and {a,b,c,d,e}: f alone.
    expect(
      findLeak(
        [
          [0, 1, 2, 3, 4, 5],
          [0, 1, 2, 3, 4],
        ],
        5,
      ),
    ).toEqual([5]);
    // x, x∩P, x∩Q with one person in both and one in neither: x − P − Q = d − a.
    const x = [...Array(10).keys()];
    expect(findLeak([x, [0, 1, 2, 3, 4], [0, 5, 6, 7, 8]], 5)?.sort()).toEqual([0, 9]);
    expect(findLeak([x, [0, 1, 2, 3, 4]], 5)).toBeNull();
  });
});

describe('attacker: random trees, every view, exact linear algebra', () => {
  it(
    'finds no combination of shown figures that isolates fewer than k people',
    { timeout: 60_000 },
    () => {
      let classFiguresShown = 0;
      let secondary = 0;
      let nonTrivial = 0;
      for (let seed = 1; seed <= CASES; seed++) {
        const { k, units, people } = randomCase(seed);
        const tree = buildDisclosureTree(units);
        const decision = decideFilteredDisclosure(tree, classCounts(people), k, {
          classKeys: CLASSES,
        });
        const plain = decideTreeDisclosure(tree, unitCounts(people), k);
        for (const unitId of tree.unitIds) {
          expect(decision.unfiltered.status(unitId), `seed ${seed}`).toBe(plain.status(unitId));
        }
        const unfilteredGroups = shownGroups(tree, people, [{ classKey: null, decision: plain }]);
        expect(findLeak(unfilteredGroups, k), `seed ${seed} unfiltered`).toBeNull();
        const groups = shownGroups(tree, people, allViews(decision));
        for (const group of groups) {
          expect(group.length).toBeGreaterThanOrEqual(k);
        }
        expect(findLeak(groups, k), `seed ${seed} all views`).toBeNull();
        classFiguresShown += groups.length - unfilteredGroups.length;
        secondary += tree.unitIds.filter(
          (unitId) =>
            decision.unfiltered.status(unitId) === 'suppressed' ||
            CLASSES.some((classKey) => decision.forClass(classKey).status(unitId) === 'suppressed'),
        ).length;
        nonTrivial += groups.length > 1 ? 1 : 0;
      }
      // The cases exercise what they should: class figures, secondary suppression, several groups.
      expect(classFiguresShown).toBeGreaterThan(CASES);
      expect(secondary).toBeGreaterThan(CASES / 4);
      expect(nonTrivial).toBeGreaterThan(CASES / 2);
    },
  );

  it('catches primary suppression alone', { timeout: 60_000 }, () => {
    let failing = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const { k, units, people } = randomCase(seed);
      if (findLeak(primaryOnly(buildDisclosureTree(units), people, k), k)) {
        failing++;
      }
    }
    expect(failing).toBeGreaterThan(CASES / 10);
  });

  it('catches a remainder that subtracts only the shown children', () => {
    // root 13 (1 direct), a 5 (only through a1), a1 5, b 7: hiding a leaves root − b − a1 = 1.
    const units = [
      { id: 'root', parentId: null },
      { id: 'a', parentId: 'root' },
      { id: 'a1', parentId: 'a' },
      { id: 'b', parentId: 'root' },
    ];
    const people: Person[] = [
      { unit: 'root', classKey: 'none' },
      ...[...Array(5).keys()].map(() => ({ unit: 'a1', classKey: 'none' })),
      ...[...Array(7).keys()].map(() => ({ unit: 'b', classKey: 'none' })),
    ];
    const tree = buildDisclosureTree(units);
    expect(findLeak(childrenOnlyRemainder(tree, people, 5), 5)).toEqual([0]);
    const decision = decideTreeDisclosure(tree, unitCounts(people), 5);
    expect(findLeak(shownGroups(tree, people, [{ classKey: null, decision }]), 5)).toBeNull();
  });

  it('catches the children-only remainder on random trees too', { timeout: 60_000 }, () => {
    let failing = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const { k, units, people } = randomCase(seed);
      if (findLeak(childrenOnlyRemainder(buildDisclosureTree(units), people, k), k)) {
        failing++;
      }
    }
    expect(failing).toBeGreaterThan(0);
  });

  it(
    'catches class figures decided per class (the class and its complement each by the tree rule)',
    { timeout: 60_000 },
    () => {
      let failing = 0;
      for (let seed = 1; seed <= CASES; seed++) {
        const { k, units, people } = randomCase(seed);
        const tree = buildDisclosureTree(units);
        const unfiltered = decideTreeDisclosure(tree, unitCounts(people), k);
        if (findLeak(perClassTreeRule(tree, people, k, unfiltered), k)) {
          failing++;
        }
      }
      expect(failing).toBeGreaterThan(10);
    },
  );
});

describe('determinism', () => {
  function shuffle<T>(items: readonly T[], rand: () => number): T[] {
    const out = [...items];
    for (let at = out.length - 1; at > 0; at--) {
      const other = Math.floor(rand() * (at + 1));
      [out[at], out[other]] = [out[other] as T, out[at] as T];
    }
    return out;
  }

  it(
    'gives the same decision whatever order the units and counts come in',
    { timeout: 60_000 },
    () => {
      for (let seed = 1; seed <= 200; seed++) {
        const { k, units, people } = randomCase(seed);
        const rand = mulberry32(seed * 31);
        const first = decideFilteredDisclosure(buildDisclosureTree(units), classCounts(people), k);
        const splitCounts = classCounts(people).flatMap((row) =>
          row.count > 1
            ? [
                { ...row, count: 1 },
                { ...row, count: row.count - 1 },
              ]
            : [row],
        );
        const second = decideFilteredDisclosure(
          buildDisclosureTree(shuffle(units, rand)),
          shuffle(splitCounts, rand),
          k,
        );
        for (const { id } of units) {
          expect(second.unfiltered.status(id)).toBe(first.unfiltered.status(id));
          for (const classKey of first.classKeys) {
            expect(second.forClass(classKey).status(id), `seed ${seed}`).toBe(
              first.forClass(classKey).status(id),
            );
          }
        }
      }
    },
  );
});
