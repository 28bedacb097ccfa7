import type { DisclosureTree } from './unit-tree.js';

/**
 * One laminar family on the unit tree: each candidate unit stands for one figure (over a set of
 * people nested like the tree), and every unit contributes `unitMass` to the "atom" of its
 * nearest shown ancestor-or-self (the part of that figure no shown figure below it covers).
 */
export interface LaminarProblem {
  readonly tree: DisclosureTree;
  /** 1 where the figure passes the primary rule and may be shown. */
  readonly candidate: Uint8Array;
  readonly unitMass: ArrayLike<number>;
  /** The figure's own count: among equals, the smallest figure is given up first. */
  readonly size: ArrayLike<number>;
  readonly k: number;
  /**
   * true: a failing figure hides figures below it, as deep as needed, rather than itself (the
   * unit tree: a unit's own figure is hidden only to protect an ancestor's). false: it hides
   * one figure just below it when that is enough, and otherwise itself (filter classes).
   */
  readonly keepOwn: boolean;
}

/** Reusable working arrays for one tree size (the batch decides many keys with one set). */
export interface LaminarScratch {
  readonly hasCandidate: Uint8Array;
  readonly up: Float64Array;
  readonly atom: Float64Array;
  readonly frontier: number[];
  readonly stack: number[];
}

export function laminarScratch(unitCount: number): LaminarScratch {
  return {
    hasCandidate: new Uint8Array(unitCount),
    up: new Float64Array(unitCount),
    atom: new Float64Array(unitCount),
    frontier: [],
    stack: [],
  };
}

/**
 * Decides which candidates are shown so that every shown figure's atom is 0 or at least k.
 * Writes 1 into `shown` for shown units (0 elsewhere) and 1 into `secondary` for candidates given
 * up to protect others. Works bottom-up once: a unit's atom is fixed when it is processed, and
 * fixing it only hides figures below it, which changes no other shown unit's atom.
 *
 * A failing atom (0 < atom < k) is merged with the atom of a shown figure just below it (its
 * "frontier"): the one with the smallest count among those with a non-empty atom (each at least k,
 * so one is enough), ties by unit order. When every frontier figure has an empty atom (it equals
 * the sum of the figures below it) and `keepOwn` is set, the nearest non-empty atom further down
 * is merged in, hiding the empty-atom figures on the way. Otherwise the unit itself is hidden and
 * its atom joins its nearest candidate ancestor's (for the unit tree this cannot happen: with
 * nothing shown below, the atom is the whole count, at least k).
 */
export function resolveLaminar(
  problem: LaminarProblem,
  shown: Uint8Array,
  secondary: Uint8Array,
  scratch: LaminarScratch = laminarScratch(problem.tree.unitIds.length),
): void {
  const { tree, candidate, unitMass, size, k, keepOwn } = problem;
  const { childStart, childList, postOrder } = tree;
  const { hasCandidate, up, atom, frontier, stack } = scratch;

  for (const unit of postOrder) {
    let has = candidate[unit] ?? 0;
    for (let at = childStart[unit] ?? 0; at < (childStart[unit + 1] ?? 0); at++) {
      has |= hasCandidate[childList[at] ?? 0] ?? 0;
    }
    hasCandidate[unit] = has;
  }

  const collect = (from: number): void => {
    stack.length = 0;
    stack.push(from);
    while (stack.length > 0) {
      const unit = stack.pop() ?? 0;
      for (let at = childStart[unit] ?? 0; at < (childStart[unit + 1] ?? 0); at++) {
        const child = childList[at] ?? 0;
        if (shown[child] === 1) {
          frontier.push(child);
        } else if (hasCandidate[child] === 1) {
          stack.push(child);
        }
      }
    }
  };
  const smaller = (a: number, b: number): boolean => {
    const sa = size[a] ?? 0;
    const sb = size[b] ?? 0;
    return sa < sb || (sa === sb && a < b);
  };

  for (const unit of postOrder) {
    let mass = unitMass[unit] ?? 0;
    for (let at = childStart[unit] ?? 0; at < (childStart[unit + 1] ?? 0); at++) {
      mass += up[childList[at] ?? 0] ?? 0;
    }
    shown[unit] = 0;
    secondary[unit] = 0;
    if (candidate[unit] !== 1) {
      up[unit] = mass;
      continue;
    }
    if (mass > 0 && mass < k) {
      frontier.length = 0;
      collect(unit);
      let pick = -1;
      for (const member of frontier) {
        if ((atom[member] ?? 0) > 0 && (pick === -1 || smaller(member, pick))) {
          pick = member;
        }
      }
      if (pick >= 0) {
        shown[pick] = 0;
        secondary[pick] = 1;
        mass += atom[pick] ?? 0;
      } else if (keepOwn) {
        // Every figure just below is the sum of the figures below it: look level by level for
        // the nearest non-empty atom and hide it with the (empty-atom) figures above it.
        const via = new Map<number, number>();
        let level = [...frontier];
        while (level.length > 0 && pick === -1) {
          const next: number[] = [];
          for (const member of level) {
            frontier.length = 0;
            collect(member);
            for (const below of frontier) {
              via.set(below, member);
              next.push(below);
              if ((atom[below] ?? 0) > 0 && (pick === -1 || smaller(below, pick))) {
                pick = below;
              }
            }
          }
          level = next;
        }
        if (pick >= 0) {
          mass += atom[pick] ?? 0;
          for (let hide: number | undefined = pick; hide !== undefined; hide = via.get(hide)) {
            shown[hide] = 0;
            secondary[hide] = 1;
          }
        }
      }
    }
    atom[unit] = mass;
    if (mass > 0 && mass < k) {
      secondary[unit] = 1;
      up[unit] = mass;
    } else {
      shown[unit] = 1;
      up[unit] = 0;
    }
  }
}
