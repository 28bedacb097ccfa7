import type { OrgUnit } from '@evne/core';

/** A unit with its sub-units, for the tree and the unit pickers; depth 1 is the top. */
export interface UnitTreeItem {
  unit: OrgUnit;
  depth: number;
  children: UnitTreeItem[];
}

type Compare = (a: string, b: string) => number;

const defaultCompare: Compare = (a, b) => a.localeCompare(b);

/**
 * Nests units by parent, siblings by name. A unit whose parent is not in the list (a manager
 * sees only the subtrees they lead) becomes a top-level unit.
 */
export function buildUnitTree(
  units: readonly OrgUnit[],
  compare: Compare = defaultCompare,
): UnitTreeItem[] {
  const known = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const build = (parentId: string | null, depth: number, seen: Set<string>): UnitTreeItem[] =>
    [...(children.get(parentId) ?? [])]
      .sort((a, b) => compare(a.name, b.name) || compare(a.code, b.code))
      .filter((unit) => !seen.has(unit.id))
      .map((unit) => ({
        unit,
        depth,
        children: build(unit.id, depth + 1, new Set([...seen, unit.id])),
      }));
  return build(null, 1, new Set());
}

/** Every item depth-first (parents before children). */
export function flattenUnitTree(items: readonly UnitTreeItem[]): UnitTreeItem[] {
  const out: UnitTreeItem[] = [];
  const visit = (list: readonly UnitTreeItem[]) => {
    for (const item of list) {
      out.push(item);
      visit(item.children);
    }
  };
  visit(items);
  return out;
}

function normalise(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase().trim();
}

/** Does the unit's name or code contain every word of the query? */
export function unitMatches(unit: Pick<OrgUnit, 'name' | 'code'>, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const haystack = normalise(`${unit.name} ${unit.code}`);
  return words.every((word) => haystack.includes(word));
}

export interface FilteredUnitTree {
  /** The matching units with their ancestors (context), pruned of everything else. */
  items: UnitTreeItem[];
  /** Ids of the units that match the query themselves. */
  matches: Set<string>;
  /** Ids to open so that every match is visible: the ancestors of matches. */
  expanded: Set<string>;
}

/**
 * Filters the tree by name or code. With an empty query the tree is returned as it is.
 * `keep` can leave out units before filtering (e.g. inactive ones).
 */
export function filterUnitTree(
  items: readonly UnitTreeItem[],
  query: string,
  keep: (unit: OrgUnit) => boolean = () => true,
): FilteredUnitTree {
  const matches = new Set<string>();
  const expanded = new Set<string>();
  const isSearching = query.trim() !== '';
  const visit = (list: readonly UnitTreeItem[]): UnitTreeItem[] =>
    list.flatMap((item) => {
      if (!keep(item.unit)) {
        return [];
      }
      const children = visit(item.children);
      const isMatch = isSearching && unitMatches(item.unit, query);
      if (isMatch) {
        matches.add(item.unit.id);
      }
      if (!isSearching || isMatch || children.length > 0) {
        if (isSearching && children.length > 0) {
          expanded.add(item.unit.id);
        }
        return [{ ...item, children }];
      }
      return [];
    });
  return { items: visit(items), matches, expanded };
}

/** The unit and everything beneath it (a unit cannot move under any of these). */
export function subtreeIds(units: readonly OrgUnit[], unitId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId !== null) {
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
  }
  const out = new Set<string>();
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (!out.has(id)) {
      out.add(id);
      stack.push(...(children.get(id) ?? []));
    }
  }
  return out;
}
