import type { KindCounts, NodeGroup, NodeKind } from './framework-document.js';

/** The minimum a tree operation needs to know about a node. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  kind: NodeKind;
  position: number;
  hidden?: boolean;
  group?: NodeGroup;
}

/** Groups nodes by parent id, each group in position order. */
export function childrenByParent<T extends TreeNode>(nodes: readonly T[]): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const node of nodes) {
    const siblings = map.get(node.parentId);
    if (siblings) {
      siblings.push(node);
    } else {
      map.set(node.parentId, [node]);
    }
  }
  for (const siblings of map.values()) {
    siblings.sort((a, b) => a.position - b.position);
  }
  return map;
}

/** Returns the nodes in depth-first order (parents before children, siblings by position). */
export function depthFirst<T extends TreeNode>(nodes: readonly T[]): T[] {
  const children = childrenByParent(nodes);
  const out: T[] = [];
  const visit = (parentId: string | null): void => {
    for (const child of children.get(parentId) ?? []) {
      out.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return out;
}

/** Ids of the rated leaves: visible nodes without visible children. */
export function ratedLeafIds(nodes: readonly TreeNode[]): Set<string> {
  const visible = visibleNodes(nodes);
  const hasChild = new Set(visible.map((node) => node.parentId).filter((id) => id !== null));
  return new Set(visible.filter((node) => !hasChild.has(node.id)).map((node) => node.id));
}

/** Visible nodes: not hidden and not under a hidden ancestor. */
export function visibleNodes<T extends TreeNode>(nodes: readonly T[]): T[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const cache = new Map<string, boolean>();
  const isVisible = (node: T): boolean => {
    const cached = cache.get(node.id);
    if (cached !== undefined) {
      return cached;
    }
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    const result = node.hidden !== true && (parent === undefined || isVisible(parent));
    cache.set(node.id, result);
    return result;
  };
  return nodes.filter(isVisible);
}

/** Would moving `nodeId` under `newParentId` make a node its own ancestor? */
export function wouldCreateCycle(
  nodes: readonly TreeNode[],
  nodeId: string,
  newParentId: string | null,
): boolean {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  let cursor = newParentId;
  while (cursor !== null) {
    if (cursor === nodeId) {
      return true;
    }
    cursor = byId.get(cursor)?.parentId ?? null;
  }
  return false;
}

export interface CompletenessFigure {
  kind: NodeKind;
  present: number;
  expected: number | null;
}

/** Counts the nodes of each kind present in the tree against what the published model has. */
export function completenessFigures(
  nodes: readonly TreeNode[],
  expected: KindCounts | undefined,
): CompletenessFigure[] {
  const inWheel = nodes.filter(
    (node) => (node.group ?? 'wheel') === 'wheel' || node.kind !== 'area',
  );
  const wheelIds = new Set<string>();
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const rootGroup = (node: TreeNode): NodeGroup => {
    let cursor: TreeNode | undefined = node;
    while (cursor && cursor.parentId !== null) {
      cursor = byId.get(cursor.parentId);
    }
    return cursor?.group ?? 'wheel';
  };
  for (const node of inWheel) {
    if (rootGroup(node) === 'wheel') {
      wheelIds.add(node.id);
    }
  }
  const counted = nodes.filter((node) => wheelIds.has(node.id) && node.hidden !== true);
  const kinds: NodeKind[] = ['area', 'subcategory', 'competence'];
  return kinds
    .map((kind) => ({
      kind,
      present: counted.filter((node) => node.kind === kind).length,
      expected: expected?.[kind] ?? null,
    }))
    .filter((figure) => figure.present > 0 || figure.expected !== null);
}
