import type { CampaignStatusReport, ResponseCounts } from '@evne/core';

type UnitStatus = CampaignStatusReport['units'][number];

/** One unit of the status table, in tree order; depth 1 is the top. */
export interface StatusRow {
  unit: UnitStatus;
  depth: number;
}

type Compare = (a: string, b: string) => number;

/**
 * The report's units as the unit tree reads: each parent followed by its sub-units, siblings by
 * name. A unit whose parent is not in the report starts a tree of its own.
 */
export function statusRows(
  units: readonly UnitStatus[],
  compare: Compare = (a, b) => a.localeCompare(b),
): StatusRow[] {
  const known = new Set(units.map((unit) => unit.unitId));
  const children = new Map<string | null, UnitStatus[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: StatusRow[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, depth: number) => {
    const siblings = [...(children.get(parentId) ?? [])].sort(
      (a, b) => compare(a.name, b.name) || compare(a.code, b.code),
    );
    for (const unit of siblings) {
      if (seen.has(unit.unitId)) {
        continue;
      }
      seen.add(unit.unitId);
      out.push({ unit, depth });
      visit(unit.unitId, depth + 1);
    }
  };
  visit(null, 1);
  // Units caught in a parent cycle would never be reached from a root; list them at the top.
  for (const unit of units) {
    if (!seen.has(unit.unitId)) {
      seen.add(unit.unitId);
      out.push({ unit, depth: 1 });
    }
  }
  return out;
}

/** A count cell: the number, or "below k" when the server held it back. */
export type CountCell = { kind: 'count'; value: number } | { kind: 'fewer'; threshold: number };

export function countCell(value: number | null, threshold: number): CountCell {
  return value === null ? { kind: 'fewer', threshold } : { kind: 'count', value };
}

/** The response rate as a whole percentage, or null when it is not shown. */
export function ratePercent(counts: Pick<ResponseCounts, 'rate'>): number | null {
  return counts.rate === null ? null : Math.round(counts.rate * 100);
}
