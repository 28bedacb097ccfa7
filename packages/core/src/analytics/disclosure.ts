/**
 * Disclosure control for the organisation overview: which aggregate figures about people may be
 * shown, decided once for the whole unit tree so that every view gets the same answer.
 *
 * THE RULE. An organisation has k (default 5, never below 3). A figure about a group of people
 * (a unit's subtree, possibly only its members in one filter class, e.g. one role profile) is
 * shown only when the group has at least k respondents (primary rule), and only when no
 * combination of shown figures — anywhere in the tree, in any view, filtered or not — pins down
 * fewer than k people (differencing, secondary rule).
 *
 * THE MODEL. Every figure the overview shows is, or is computed from, sums over the group of a
 * value per person: the count, the sum of levels (average), the count at each level
 * (distribution), the count meeting the target, the count wishing to develop, the count of
 * comments. Someone who sees the figures of the groups S1 … Sm learns Σ_i w_i v_i for every w in
 * span{1_S1, …, 1_Sm} (1_S is the 0/1 vector of the group over the people) and, from linear
 * algebra alone, nothing else. The decisions here guarantee: every non-zero vector w in that span
 * has at least k people in its support. So no sum, difference or other combination of shown
 * figures depends on fewer than k people — not one person's answer, and not the difference
 * between two people's answers either. Removing figures only shrinks the span, so anything a
 * user sees (a leader sees only their subtree; a view shows one unit and its children) is safe
 * as long as it is part of the one decision.
 *
 * THE TREE (unfiltered figures). The groups are subtrees: a laminar family (any two are nested or
 * disjoint). The "atom" of a shown unit u is its subtree minus the subtrees of its nearest shown
 * descendants (not only its children: a shown grandchild under a hidden child is subtracted too);
 * its size is R(u) = n(u) − Σ n(v) over those descendants, and it contains u's direct members
 * and everyone under hidden units down to the next shown ones. Atoms of different shown units
 * are disjoint, each shown group is the disjoint union of its own atom and the atoms below it,
 * and each atom is in the span (1_u − Σ 1_v). So the span is exactly the span of the atoms' 0/1
 * vectors, a vector in it is constant on each atom, and its support is a union of non-empty
 * atoms. Hence: "every atom is 0 or ≥ k" ⇔ "every non-zero combination involves ≥ k people".
 * (⇐ because an atom of 1 … k-1 people is itself a combination.) The test is exact for a tree.
 * The decision hides units with n < k, then works bottom-up: when 0 < R(u) < k, it hides the
 * shown descendant just below u with the smallest count whose own atom is non-empty (that atom,
 * ≥ k, joins u's); if all of those have empty atoms (their figures are sums of figures further
 * down), it takes the nearest non-empty atom further down and hides the figures on the way. A
 * unit's figure is hidden only to protect an ancestor's, never to fix its own atom (with nothing
 * shown below, R(u) = n(u) ≥ k), and fixing u changes no other atom, so one pass suffices.
 *
 * A FILTER (role profile). The filter classes must partition the respondents (every respondent
 * in exactly one class, "no profile" included; a person with two profiles needs a class of their
 * own, see below). Class figures are shown only where the unit's unfiltered figure is shown, so
 * the shown groups are the unfiltered subtrees S0 and, per class j, the subtrees-within-j
 * Sj ⊆ S0. That family is not laminar (a unit's class-j group and a child's unfiltered group
 * overlap), and "atoms ≥ k" would be far too strict (a profile shown for the whole organisation
 * would split every atom in two); the exact test is a graph cut. Give every respondent two
 * labels: x = their nearest shown unfiltered unit ("row") and y = the nearest shown figure of
 * their own class ("hub"), either possibly "outside". Any combination Σ α_u 1_u + Σ β_y 1_y of
 * shown figures is, person by person, w = A(x) + B(y), where A(x) sums α over the shown units
 * from x up and B(y) sums β over the shown class figures from y up — free numbers, since those
 * sums determine α and β — with A(outside) = B(outside) = 0.
 * Draw one graph node per row, per hub and one "outside" node, and one edge per respondent
 * between their row and their hub. Then w is non-zero for a person exactly when the labels A and
 * −B of the edge's ends differ, so the smallest support of a non-zero combination is the
 * smallest positive cut of that graph (a labelling with many values can always be coarsened to
 * two sides without raising the cut). The decision is therefore: no connected component of the
 * graph may have edge connectivity below k. Per class alone this reduces to a local rule — for a
 * hub y, g(y) = Σ over the rows x whose nearest class-j hub is y of min(p, a − p) (p of the
 * row's a people in class j) must be 0 or ≥ k — which is decided like the tree, bottom-up; the
 * interactions between classes (e.g. a unit showing every class but one, whose members then
 * follow by subtraction) are found by an exact small-cut search (sound reductions, then
 * Stoer–Wagner) and removed by hiding, per light cut, the smallest class figure on the light side
 * whose next shown figure up is on the other side (hiding contracts the two, so that cut is gone
 * and no new one appears), until no light cut is left. The loop ends only when the graph of the
 * final decision has no light cut, so the guarantee does not rest on the choices. Unfiltered
 * figures never depend on the filters.
 *
 * If a respondent can have several role profiles, "everyone with profile P" is not one class and
 * the proof above does not apply (a person's value would be A + B1 + B2). Then the caller must
 * make classes that partition people (e.g. one class per combination of profiles, or a primary
 * profile per response) and offer filters by class only.
 *
 * MANY KEYS. Each competence (and each rater kind) has its own people (those who answered
 * "not relevant / don't know" are not counted), so each key is decided on its own counts: the
 * values of different keys cannot be combined with each other. The count of those who answered
 * a competence is itself a figure over all respondents, so pass the respondents' counts as a
 * `baseKey`: a key's figure is then shown only where the base figure is shown too (a subset of
 * two safe decisions, which keeps both safe). Free-text comments follow the figure they belong
 * to: shown only where it is.
 */
import { NotFoundError, ValidationError, type Issue } from '../errors.js';
import { laminarScratch, resolveLaminar, type LaminarScratch } from './laminar.js';
import { findSmallCuts, type CutEdge } from './small-cut.js';
import { thresholdFor } from './threshold.js';
import type { DisclosureTree } from './unit-tree.js';

export {
  AnonymityThresholdSchema,
  DEFAULT_ANONYMITY_THRESHOLD,
  MAX_ANONYMITY_THRESHOLD,
  MIN_ANONYMITY_THRESHOLD,
  thresholdFor,
} from './threshold.js';
export { buildDisclosureTree, type DisclosureTree, type DisclosureUnitRow } from './unit-tree.js';

/**
 * shown: the figure may be shown; fewer_than_k: the group has fewer than k respondents;
 * suppressed: hidden so that other figures cannot be subtracted down to a small group. Show both
 * kinds of hidden cells alike in the UI unless a product decision says otherwise.
 */
export type DisclosureStatus = 'shown' | 'fewer_than_k' | 'suppressed';

const SHOWN = 0;
const FEWER = 1;
const SUPPRESSED = 2;
const STATUS: readonly DisclosureStatus[] = ['shown', 'fewer_than_k', 'suppressed'];

/** The decision for one set of counts over the unit tree. */
export interface TreeDisclosure {
  readonly k: number;
  status(unitId: string): DisclosureStatus;
  isShown(unitId: string): boolean;
  /** Respondents behind the unit's (subtree's) figure when it is shown; otherwise null. */
  count(unitId: string): number | null;
  /** The units whose figure is shown, in id order. */
  shownUnitIds(): string[];
}

/** Respondents attached directly to a unit (not through a child); rows for one unit add up. */
export interface DisclosureCount {
  unitId: string;
  count: number;
}

export interface KeyedDisclosureCount extends DisclosureCount {
  /** E.g. a competence id with a rater kind; each key is decided on its own. */
  key: string;
}

export interface ClassDisclosureCount extends DisclosureCount {
  /** The respondents' filter class, e.g. a role profile id or "none"; classes partition them. */
  classKey: string;
}

export interface KeyedClassDisclosureCount extends ClassDisclosureCount {
  key: string;
}

export interface DisclosureBatchOptions {
  /** Keys to decide even without counts (every figure then "fewer than k"). */
  keys?: Iterable<string>;
  /** A key whose decision bounds all others (the respondents): see the module comment. */
  baseKey?: string;
}

export interface DisclosureFilterOptions {
  /** Classes to decide even without counts. */
  classKeys?: Iterable<string>;
  /** The classes offered as filters (default: all). The others are never shown. */
  filterable?: Iterable<string>;
}

/** Decisions for many keys over one tree. */
export interface DisclosureBatch {
  readonly k: number;
  readonly keys: readonly string[];
  forKey(key: string): TreeDisclosure;
}

/** The unfiltered figures and, per filter class, the figures of each unit's members in it. */
export interface FilteredDisclosure {
  readonly k: number;
  readonly classKeys: readonly string[];
  readonly unfiltered: TreeDisclosure;
  /** The figures of unit ∩ class; a class without counts has no figures. */
  forClass(classKey: string): TreeDisclosure;
}

export interface FilteredDisclosureBatch {
  readonly k: number;
  readonly keys: readonly string[];
  forKey(key: string): FilteredDisclosure;
}

export interface DisclosedCell {
  unitId: string;
  status: DisclosureStatus;
  /** Respondents behind the figure when shown, else null. */
  count: number | null;
}

/** What one overview may show: the unit (its subtree) and each child's subtree, in id order. */
export interface DisclosedOverview {
  unit: DisclosedCell;
  children: DisclosedCell[];
}

/** The unfiltered decision for one set of counts (respondents per unit). */
export function decideTreeDisclosure(
  tree: DisclosureTree,
  counts: Iterable<DisclosureCount>,
  k: number,
): TreeDisclosure {
  const threshold = thresholdFor(k);
  const direct = new Float64Array(tree.unitIds.length);
  readCounts(tree, counts, (row, index) => {
    direct[index] = (direct[index] ?? 0) + row.count;
  });
  const decided = decideTreeArrays(tree, direct, threshold, laminarScratch(tree.unitIds.length));
  return treeView(tree, threshold, decided.counts, decided.status);
}

/**
 * Decides many keys (competences × rater kinds) at once: per key, the same decision as
 * `decideTreeDisclosure`, with one set of working arrays.
 */
export function decideTreeDisclosureBatch(
  tree: DisclosureTree,
  counts: Iterable<KeyedDisclosureCount>,
  k: number,
  options: DisclosureBatchOptions = {},
): DisclosureBatch {
  const threshold = thresholdFor(k);
  const size = tree.unitIds.length;
  const byKey = new Map<string, Float64Array>();
  for (const key of options.keys ?? []) {
    byKey.set(key, new Float64Array(size));
  }
  let lastKey: string | undefined;
  let lastDirect: Float64Array | undefined;
  readCounts(tree, counts, (row, index) => {
    let direct = row.key === lastKey ? lastDirect : byKey.get(row.key);
    if (!direct) {
      direct = new Float64Array(size);
      byKey.set(row.key, direct);
    }
    lastKey = row.key;
    lastDirect = direct;
    direct[index] = (direct[index] ?? 0) + row.count;
  });
  const keys = [...byKey.keys()].sort(byCodeUnits);
  const base = requireBase(options.baseKey, byKey);
  const scratch = laminarScratch(size);
  const decided = new Map<string, { counts: Float64Array; status: Uint8Array }>();
  for (const key of keys) {
    decided.set(
      key,
      decideTreeArrays(tree, byKey.get(key) ?? new Float64Array(size), threshold, scratch),
    );
  }
  const baseStatus = base === undefined ? undefined : decided.get(base)?.status;
  if (baseStatus) {
    for (const [key, value] of decided) {
      if (key !== base) {
        restrict(value.status, baseStatus);
      }
    }
  }
  const views = new Map<string, TreeDisclosure>();
  return {
    k: threshold,
    keys,
    forKey(key) {
      let view = views.get(key);
      if (!view) {
        const value = decided.get(key);
        if (!value) {
          throw new NotFoundError('disclosure_key');
        }
        view = treeView(tree, threshold, value.counts, value.status);
        views.set(key, view);
      }
      return view;
    },
  };
}

/**
 * The unfiltered figures and the figures per filter class (e.g. role profile), decided together:
 * whatever a user combines — the unit, its children, the same filtered by any class, across
 * views — no combination isolates fewer than k people.
 */
export function decideFilteredDisclosure(
  tree: DisclosureTree,
  counts: Iterable<ClassDisclosureCount>,
  k: number,
  options: DisclosureFilterOptions = {},
): FilteredDisclosure {
  const keyed = mapIterable(counts, (row) => ({ ...row, key: '' }));
  return decideFilteredDisclosureBatch(tree, keyed, k, { ...options, keys: [''] }).forKey('');
}

/** `decideFilteredDisclosure` for many keys at once, optionally bounded by a base key. */
export function decideFilteredDisclosureBatch(
  tree: DisclosureTree,
  counts: Iterable<KeyedClassDisclosureCount>,
  k: number,
  options: DisclosureBatchOptions & DisclosureFilterOptions = {},
): FilteredDisclosureBatch {
  const threshold = thresholdFor(k);
  const size = tree.unitIds.length;
  const rows = [...counts];
  const classSet = new Set<string>(options.classKeys ?? []);
  for (const row of rows) {
    classSet.add(row.classKey);
  }
  const classKeys = [...classSet].sort(byCodeUnits);
  const classIndex = new Map(classKeys.map((key, index) => [key, index]));
  const classCount = classKeys.length;
  const filterableSet = options.filterable === undefined ? undefined : new Set(options.filterable);
  const filterable = new Uint8Array(classCount);
  classKeys.forEach((key, index) => {
    filterable[index] = filterableSet === undefined || filterableSet.has(key) ? 1 : 0;
  });
  const byKey = new Map<string, Float64Array>();
  for (const key of options.keys ?? []) {
    byKey.set(key, new Float64Array(size * classCount));
  }
  readCounts(tree, rows, (row, index) => {
    let direct = byKey.get(row.key);
    if (!direct) {
      direct = new Float64Array(size * classCount);
      byKey.set(row.key, direct);
    }
    const at = index * classCount + (classIndex.get(row.classKey) ?? 0);
    direct[at] = (direct[at] ?? 0) + row.count;
  });
  const keys = [...byKey.keys()].sort(byCodeUnits);
  const base = requireBase(options.baseKey, byKey);
  const scratch = laminarScratch(size);
  const decided = new Map<string, FilteredArrays>();
  for (const key of keys) {
    decided.set(
      key,
      decideFilteredArrays(
        tree,
        byKey.get(key) ?? new Float64Array(size * classCount),
        classCount,
        filterable,
        threshold,
        scratch,
      ),
    );
  }
  const baseValue = base === undefined ? undefined : decided.get(base);
  if (baseValue) {
    for (const [key, value] of decided) {
      if (key !== base) {
        restrict(value.totalStatus, baseValue.totalStatus);
        restrict(value.classStatus, baseValue.classStatus);
      }
    }
  }
  const views = new Map<string, FilteredDisclosure>();
  return {
    k: threshold,
    keys,
    forKey(key) {
      let view = views.get(key);
      if (!view) {
        const value = decided.get(key);
        if (!value) {
          throw new NotFoundError('disclosure_key');
        }
        view = filteredView(tree, threshold, classKeys, classIndex, value);
        views.set(key, view);
      }
      return view;
    },
  };
}

/** The cells of one overview (a unit and its children) under a decision. */
export function disclosedOverview(
  tree: DisclosureTree,
  disclosure: TreeDisclosure,
  unitId: string,
): DisclosedOverview {
  const index = tree.indexOf.get(unitId);
  if (index === undefined) {
    throw new NotFoundError('unit');
  }
  const cell = (id: string): DisclosedCell => ({
    unitId: id,
    status: disclosure.status(id),
    count: disclosure.count(id),
  });
  const children: DisclosedCell[] = [];
  for (let at = tree.childStart[index] ?? 0; at < (tree.childStart[index + 1] ?? 0); at++) {
    children.push(cell(tree.unitIds[tree.childList[at] ?? 0] ?? ''));
  }
  return { unit: cell(unitId), children };
}

// ---------------------------------------------------------------------------------------------

interface TreeArrays {
  counts: Float64Array;
  status: Uint8Array;
}

interface FilteredArrays {
  totalCounts: Float64Array;
  totalStatus: Uint8Array;
  /** unit-major: index unit * classCount + class. */
  classCounts: Float64Array;
  classStatus: Uint8Array;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) {
    yield map(item);
  }
}

/**
 * Validates count rows (known unit, whole number ≥ 0) and hands each to `add` with its unit
 * index; every problem is reported together.
 */
function readCounts<T extends DisclosureCount>(
  tree: DisclosureTree,
  rows: Iterable<T>,
  add: (row: T, index: number) => void,
): void {
  const issues: Issue[] = [];
  for (const row of rows) {
    const index = tree.indexOf.get(row.unitId);
    if (index === undefined) {
      issues.push({
        code: 'unknown_unit',
        message: `Counts name an unknown unit ${row.unitId}`,
        identifier: row.unitId,
      });
    } else if (!Number.isSafeInteger(row.count) || row.count < 0) {
      issues.push({
        code: 'invalid_count',
        message: `A count must be a whole number of at least 0 (unit ${row.unitId})`,
        identifier: row.unitId,
      });
    } else if (issues.length === 0) {
      add(row, index);
    }
  }
  if (issues.length > 0) {
    throw new ValidationError('invalid_disclosure_counts', 'The counts cannot be used', issues);
  }
}

function requireBase(
  base: string | undefined,
  byKey: ReadonlyMap<string, unknown>,
): string | undefined {
  if (base !== undefined && !byKey.has(base)) {
    throw new ValidationError('unknown_base_key', `The base key ${base} has no counts`);
  }
  return base;
}

/** Hides every figure whose base figure is hidden. */
function restrict(status: Uint8Array, base: Uint8Array): void {
  for (let at = 0; at < status.length; at++) {
    if (status[at] === SHOWN && base[at] !== SHOWN) {
      status[at] = SUPPRESSED;
    }
  }
}

function decideTreeArrays(
  tree: DisclosureTree,
  direct: Float64Array,
  k: number,
  scratch: LaminarScratch,
): TreeArrays {
  const size = tree.unitIds.length;
  const { childStart, childList, postOrder } = tree;
  const counts = new Float64Array(size);
  const candidate = new Uint8Array(size);
  for (const unit of postOrder) {
    let sum = direct[unit] ?? 0;
    for (let at = childStart[unit] ?? 0; at < (childStart[unit + 1] ?? 0); at++) {
      sum += counts[childList[at] ?? 0] ?? 0;
    }
    counts[unit] = sum;
    candidate[unit] = sum >= k ? 1 : 0;
  }
  const shown = new Uint8Array(size);
  const secondary = new Uint8Array(size);
  resolveLaminar(
    { tree, candidate, unitMass: direct, size: counts, k, keepOwn: true },
    shown,
    secondary,
    scratch,
  );
  const status = new Uint8Array(size);
  for (let unit = 0; unit < size; unit++) {
    status[unit] = shown[unit] === 1 ? SHOWN : candidate[unit] === 1 ? SUPPRESSED : FEWER;
  }
  return { counts, status };
}

function decideFilteredArrays(
  tree: DisclosureTree,
  direct: Float64Array,
  classCount: number,
  filterable: Uint8Array,
  k: number,
  scratch: LaminarScratch,
): FilteredArrays {
  const size = tree.unitIds.length;
  const { parent, childStart, childList, postOrder } = tree;
  const totals = new Float64Array(size);
  for (let unit = 0; unit < size; unit++) {
    let sum = 0;
    for (let j = 0; j < classCount; j++) {
      sum += direct[unit * classCount + j] ?? 0;
    }
    totals[unit] = sum;
  }
  const { counts: totalCounts, status: totalStatus } = decideTreeArrays(tree, totals, k, scratch);

  const classCounts = new Float64Array(size * classCount);
  for (const unit of postOrder) {
    for (let j = 0; j < classCount; j++) {
      let sum = direct[unit * classCount + j] ?? 0;
      for (let at = childStart[unit] ?? 0; at < (childStart[unit + 1] ?? 0); at++) {
        sum += classCounts[(childList[at] ?? 0) * classCount + j] ?? 0;
      }
      classCounts[unit * classCount + j] = sum;
    }
  }

  // Rows: each respondent belongs to the atom of their nearest shown unfiltered unit.
  const row = new Int32Array(size);
  for (let at = size - 1; at >= 0; at--) {
    const unit = postOrder[at] ?? 0;
    const up = parent[unit] ?? -1;
    row[unit] = totalStatus[unit] === SHOWN ? unit : up >= 0 ? (row[up] ?? -1) : -1;
  }
  const rowTotal = new Float64Array(size);
  const rowClass = new Float64Array(size * classCount);
  for (let unit = 0; unit < size; unit++) {
    const x = row[unit] ?? -1;
    if (x < 0) {
      continue;
    }
    rowTotal[x] = (rowTotal[x] ?? 0) + (totals[unit] ?? 0);
    for (let j = 0; j < classCount; j++) {
      rowClass[x * classCount + j] =
        (rowClass[x * classCount + j] ?? 0) + (direct[unit * classCount + j] ?? 0);
    }
  }

  // Each class alone: hubs decided like the tree, with the mixing mass min(p, a - p) per row.
  const classStatus = new Uint8Array(size * classCount);
  const candidate = new Uint8Array(size);
  const unitMass = new Float64Array(size);
  const column = new Float64Array(size);
  const shown = new Uint8Array(size);
  const secondary = new Uint8Array(size);
  const hubClasses: number[] = [];
  for (let j = 0; j < classCount; j++) {
    let any = false;
    for (let unit = 0; unit < size; unit++) {
      const n = classCounts[unit * classCount + j] ?? 0;
      column[unit] = n;
      candidate[unit] = filterable[j] === 1 && totalStatus[unit] === SHOWN && n >= k ? 1 : 0;
      any ||= candidate[unit] === 1;
      const p = rowClass[unit * classCount + j] ?? 0;
      unitMass[unit] = totalStatus[unit] === SHOWN ? Math.min(p, (rowTotal[unit] ?? 0) - p) : 0;
    }
    if (any) {
      resolveLaminar(
        { tree, candidate, unitMass, size: column, k, keepOwn: false },
        shown,
        secondary,
        scratch,
      );
    } else {
      shown.fill(0);
    }
    let anyShown = false;
    for (let unit = 0; unit < size; unit++) {
      classStatus[unit * classCount + j] =
        shown[unit] === 1 ? SHOWN : (column[unit] ?? 0) < k ? FEWER : SUPPRESSED;
      anyShown ||= shown[unit] === 1;
    }
    if (anyShown) {
      hubClasses.push(j);
    }
  }

  // Several classes together: remove light cuts one hidden class figure at a time.
  if (hubClasses.length >= 2) {
    resolveAcrossClasses(
      tree,
      classCount,
      hubClasses,
      totalStatus,
      rowTotal,
      rowClass,
      classCounts,
      classStatus,
      k,
    );
  }
  return { totalCounts, totalStatus, classCounts, classStatus };
}

/** Union–find over node numbers (path halving; the smaller number leads). */
function unionFind(size: number) {
  const leader = new Int32Array(size);
  for (let node = 0; node < size; node++) {
    leader[node] = node;
  }
  const find = (node: number): number => {
    let at = node;
    while ((leader[at] ?? at) !== at) {
      const up = leader[leader[at] ?? at] ?? at;
      leader[at] = up;
      at = up;
    }
    return at;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      leader[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  };
  return { find, union };
}

/**
 * The graph of the module comment: node 0 is "outside", row x is node 1 + x, the class-j figure
 * of unit y is node 1 + size + y·classCount + j. Every row keeps, per class, the node its people
 * of that class attach to. Hiding a figure contracts its node into the next shown figure up (or
 * outside), and contracting never creates a light cut nor separates what was k-edge-connected;
 * so nodes found k-edge-connected (by the search, or a whole component without a light cut) are
 * folded into one node ("settled") for every later search. A row with one neighbour only is left
 * out: it sits with that neighbour in every light cut, so it changes none.
 */
function resolveAcrossClasses(
  tree: DisclosureTree,
  classCount: number,
  hubClasses: readonly number[],
  totalStatus: Uint8Array,
  rowTotal: Float64Array,
  rowClass: Float64Array,
  classCounts: Float64Array,
  classStatus: Uint8Array,
  k: number,
): void {
  const size = tree.unitIds.length;
  const { parent, postOrder } = tree;
  const firstHub = 1 + size;
  const nodeCount = firstHub + size * classCount;
  const hubOf = (unit: number, j: number): number => firstHub + unit * classCount + j;
  const unitOf = (node: number): number => Math.floor((node - firstHub) / classCount);
  const classOf = (node: number): number => (node - firstHub) % classCount;

  const rows: number[] = [];
  for (let unit = 0; unit < size; unit++) {
    if (totalStatus[unit] === SHOWN && (rowTotal[unit] ?? 0) > 0) {
      rows.push(unit);
    }
  }
  // target[row · classCount + j]: the node the row's class-j people attach to (0 = outside).
  const target = new Int32Array(size * classCount);
  const hubParent = new Map<number, number>();
  const hubChildren = new Map<number, number[]>();
  const nearest = new Int32Array(size);
  for (const j of hubClasses) {
    for (let at = size - 1; at >= 0; at--) {
      const unit = postOrder[at] ?? 0;
      const up = parent[unit] ?? -1;
      const above = up >= 0 ? (nearest[up] ?? -1) : -1;
      if (classStatus[unit * classCount + j] === SHOWN) {
        const hub = hubOf(unit, j);
        hubParent.set(hub, above >= 0 ? hubOf(above, j) : 0);
        hubChildren.set(hub, []);
        if (above >= 0) {
          hubChildren.get(hubOf(above, j))?.push(hub);
        }
        nearest[unit] = unit;
      } else {
        nearest[unit] = above;
      }
    }
    for (const unit of rows) {
      const hub = nearest[unit] ?? -1;
      target[unit * classCount + j] = hub >= 0 ? hubOf(hub, j) : 0;
    }
  }
  const attached = new Map<number, number[]>();
  const rowEdges = new Map<number, CutEdge[]>();
  const edgesOf = (unit: number): CutEdge[] => {
    const weights = new Map<number, number>();
    let outside = rowTotal[unit] ?? 0;
    for (const j of hubClasses) {
      const p = rowClass[unit * classCount + j] ?? 0;
      const node = target[unit * classCount + j] ?? 0;
      if (p > 0 && node !== 0) {
        weights.set(node, (weights.get(node) ?? 0) + p);
        outside -= p;
      }
    }
    if (outside > 0) {
      weights.set(0, outside);
    }
    return weights.size > 1
      ? [...weights].map(([node, weight]) => ({ a: 1 + unit, b: node, weight }))
      : [];
  };
  for (const unit of rows) {
    rowEdges.set(unit, edgesOf(unit));
    for (const j of hubClasses) {
      const node = target[unit * classCount + j] ?? 0;
      if (node !== 0 && (rowClass[unit * classCount + j] ?? 0) > 0) {
        const list = attached.get(node);
        if (list) {
          list.push(unit);
        } else {
          attached.set(node, [unit]);
        }
      }
    }
  }

  const settled = unionFind(nodeCount);
  const moved = new Set<number>();
  const hide = (node: number): void => {
    const j = classOf(node);
    classStatus[unitOf(node) * classCount + j] = SUPPRESSED;
    const up = hubParent.get(node) ?? 0;
    const children = hubChildren.get(node) ?? [];
    for (const child of children) {
      hubParent.set(child, up);
    }
    if (up !== 0) {
      hubChildren.get(up)?.push(...children);
    }
    hubParent.delete(node);
    hubChildren.delete(node);
    const followers = attached.get(node) ?? [];
    attached.delete(node);
    const above = attached.get(up);
    if (up !== 0 && above) {
      above.push(...followers);
    } else if (up !== 0) {
      attached.set(up, followers);
    }
    for (const unit of followers) {
      target[unit * classCount + j] = up;
    }
    for (const unit of new Set(followers)) {
      rowEdges.set(unit, edgesOf(unit));
      moved.add(unit);
    }
    settled.union(node, up);
  };
  const hubBefore = (a: number, b: number): boolean => {
    const na = classCounts[unitOf(a) * classCount + classOf(a)] ?? 0;
    const nb = classCounts[unitOf(b) * classCount + classOf(b)] ?? 0;
    return na !== nb ? na < nb : classOf(a) !== classOf(b) ? classOf(a) < classOf(b) : a < b;
  };

  // Original edges (row, neighbour) whose ends are not yet settled together; once settled
  // together they stay so, unless the row is moved.
  let live: CutEdge[] = [...rowEdges.values()].flat();
  for (;;) {
    if (moved.size > 0) {
      live = live.filter((edge) => !moved.has(edge.a - 1));
      for (const unit of moved) {
        live.push(...(rowEdges.get(unit) ?? []));
      }
      moved.clear();
    }
    live = live.filter((edge) => settled.find(edge.a) !== settled.find(edge.b));
    const edges = live.map((edge) => ({
      a: settled.find(edge.a),
      b: settled.find(edge.b),
      weight: edge.weight,
    }));
    const cuts = findSmallCuts(nodeCount, edges, k, settled.union);
    // Components without a light cut are settled for good.
    const components = unionFind(nodeCount);
    for (const edge of edges) {
      components.union(edge.a, edge.b);
    }
    const unsafe = new Set(cuts.map((cut) => components.find(cut.side[0] ?? 0)));
    for (const edge of edges) {
      if (!unsafe.has(components.find(edge.a))) {
        settled.union(edge.a, edge.b);
      }
    }
    if (cuts.length === 0) {
      return;
    }
    // Where every shown class figure and its next one up sit, as the cuts see them.
    const outside = settled.find(0);
    const parentGroup = new Map<number, number>();
    const hubsByGroup = new Map<number, number[]>();
    for (const [hub, up] of hubParent) {
      parentGroup.set(hub, settled.find(up));
      const group = settled.find(hub);
      const list = hubsByGroup.get(group);
      if (list) {
        list.push(hub);
      } else {
        hubsByGroup.set(group, [hub]);
      }
    }
    for (const cut of cuts) {
      // The side without "outside" (or, in a component without it, a side with a hub) holds a
      // hub whose next shown figure up lies across the cut; hiding it joins the two sides.
      let light = cut.side;
      if (
        cut.side.includes(outside) ||
        (!cut.rest.includes(outside) && !cut.side.some((group) => hubsByGroup.has(group)))
      ) {
        light = cut.rest;
      }
      const inLight = new Set(light);
      const candidates = light.flatMap((group) => hubsByGroup.get(group) ?? []);
      let pick = -1;
      for (const hub of candidates) {
        if (inLight.has(parentGroup.get(hub) ?? outside)) {
          continue;
        }
        if (pick === -1 || hubBefore(hub, pick)) {
          pick = hub;
        }
      }
      // Hiding every hub on the light side is never needed (module comment); it fails closed.
      for (const hub of pick === -1 ? candidates : [pick]) {
        hide(hub);
      }
    }
  }
}

function treeView(
  tree: DisclosureTree,
  k: number,
  counts: ArrayLike<number>,
  status: ArrayLike<number>,
): TreeDisclosure {
  const at = (unitId: string): number => {
    const index = tree.indexOf.get(unitId);
    if (index === undefined) {
      throw new NotFoundError('unit');
    }
    return index;
  };
  return {
    k,
    status: (unitId) => STATUS[status[at(unitId)] ?? FEWER] ?? 'fewer_than_k',
    isShown: (unitId) => status[at(unitId)] === SHOWN,
    count: (unitId) => {
      const index = at(unitId);
      return status[index] === SHOWN ? (counts[index] ?? 0) : null;
    },
    shownUnitIds: () => tree.unitIds.filter((_id, index) => status[index] === SHOWN),
  };
}

function filteredView(
  tree: DisclosureTree,
  k: number,
  classKeys: readonly string[],
  classIndex: ReadonlyMap<string, number>,
  value: FilteredArrays,
): FilteredDisclosure {
  const size = tree.unitIds.length;
  const classCount = classKeys.length;
  const perClass = new Map<string, TreeDisclosure>();
  return {
    k,
    classKeys,
    unfiltered: treeView(tree, k, value.totalCounts, value.totalStatus),
    forClass(classKey) {
      let view = perClass.get(classKey);
      if (!view) {
        const j = classIndex.get(classKey);
        const counts = new Float64Array(size);
        const status = new Uint8Array(size).fill(FEWER);
        if (j !== undefined) {
          for (let unit = 0; unit < size; unit++) {
            counts[unit] = value.classCounts[unit * classCount + j] ?? 0;
            status[unit] = value.classStatus[unit * classCount + j] ?? FEWER;
          }
        }
        view = treeView(tree, k, counts, status);
        perClass.set(classKey, view);
      }
      return view;
    },
  };
}
