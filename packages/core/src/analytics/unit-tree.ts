import { ValidationError, type Issue } from '../errors.js';

/** One unit of the organisation tree, as stored (`org_units.id`, `org_units.parent_id`). */
export interface DisclosureUnitRow {
  id: string;
  parentId: string | null;
}

/**
 * The unit tree prepared once for disclosure decisions: units are indexed in code-unit order of
 * their ids, so that every decision (and every tie it breaks) is the same whatever order the rows
 * came in. Treat the arrays as read-only.
 */
export interface DisclosureTree {
  /** Unit ids in code-unit order; a unit's index is its position here. */
  readonly unitIds: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Parent index per unit; -1 for a root (a forest is allowed). */
  readonly parent: Int32Array;
  /** The children of unit i are `childList[childStart[i]]` … `childList[childStart[i + 1] - 1]`. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Every unit after all of its descendants (children before parents). */
  readonly postOrder: Int32Array;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Indexes the unit tree; refuses duplicate ids, unknown parents and cycles (every problem as an issue). */
export function buildDisclosureTree(rows: Iterable<DisclosureUnitRow>): DisclosureTree {
  const list = [...rows];
  const issues: Issue[] = [];
  const unitIds = [...new Set(list.map((row) => row.id))].sort(byCodeUnits);
  const indexOf = new Map(unitIds.map((id, index) => [id, index]));
  const count = unitIds.length;
  const parent = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  for (const row of list) {
    const index = indexOf.get(row.id) ?? -1;
    if (seen[index] === 1) {
      issues.push({
        code: 'duplicate_unit',
        message: `Unit ${row.id} is listed twice`,
        identifier: row.id,
      });
      continue;
    }
    seen[index] = 1;
    if (row.parentId === null) {
      continue;
    }
    const parentIndex = indexOf.get(row.parentId);
    if (parentIndex === undefined) {
      issues.push({
        code: 'unknown_parent',
        message: `Unit ${row.id} has an unknown parent ${row.parentId}`,
        identifier: row.id,
      });
    } else {
      parent[index] = parentIndex;
    }
  }

  const childCount = new Int32Array(count + 1);
  for (let unit = 0; unit < count; unit++) {
    const up = parent[unit] ?? -1;
    if (up >= 0) {
      childCount[up + 1] = (childCount[up + 1] ?? 0) + 1;
    }
  }
  const childStart = new Int32Array(count + 1);
  for (let unit = 0; unit < count; unit++) {
    childStart[unit + 1] = (childStart[unit] ?? 0) + (childCount[unit + 1] ?? 0);
  }
  const childList = new Int32Array(childStart[count] ?? 0);
  const fill = childStart.slice(0, count);
  for (let unit = 0; unit < count; unit++) {
    const up = parent[unit] ?? -1;
    if (up >= 0) {
      childList[fill[up] ?? 0] = unit;
      fill[up] = (fill[up] ?? 0) + 1;
    }
  }

  // Iterative depth-first walk from the roots; what it never reaches lies on a cycle.
  const postOrder = new Int32Array(count);
  const visited = new Uint8Array(count);
  let written = 0;
  const stack: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < count; root++) {
    if ((parent[root] ?? -1) !== -1) {
      continue;
    }
    stack.push(root);
    next.push(childStart[root] ?? 0);
    visited[root] = 1;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const unit = stack[top] ?? 0;
      const cursor = next[top] ?? 0;
      if (cursor < (childStart[unit + 1] ?? 0)) {
        next[top] = cursor + 1;
        const child = childList[cursor] ?? 0;
        visited[child] = 1;
        stack.push(child);
        next.push(childStart[child] ?? 0);
      } else {
        postOrder[written++] = unit;
        stack.pop();
        next.pop();
      }
    }
  }
  if (written < count) {
    for (let unit = 0; unit < count; unit++) {
      if (visited[unit] === 0) {
        const id = unitIds[unit] ?? '';
        issues.push({
          code: 'cycle',
          message: `Unit ${id} is its own ancestor`,
          identifier: id,
        });
      }
    }
  }
  if (issues.length > 0) {
    throw new ValidationError('invalid_unit_tree', 'The unit tree is not a tree', issues);
  }
  return { unitIds, indexOf, parent, childStart, childList, postOrder };
}
