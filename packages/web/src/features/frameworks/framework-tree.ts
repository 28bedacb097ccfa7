import { childrenByParent, visibleNodes, type FrameworkNode, type NodeGroup } from '@evne/core';

/** A node with its children, for rendering the tree (wheel, table, editor). */
export interface TreeItem {
  node: FrameworkNode;
  depth: number;
  children: TreeItem[];
}

/** Nests the nodes by parent, siblings in position order; depth 1 is the top level. */
export function buildTree(nodes: readonly FrameworkNode[]): TreeItem[] {
  const children = childrenByParent(nodes);
  const known = new Set(nodes.map((node) => node.id));
  const build = (parentId: string | null, depth: number): TreeItem[] =>
    (children.get(parentId) ?? []).map((node) => ({
      node,
      depth,
      children: build(node.id, depth + 1),
    }));
  // Orphans (a parent outside the list) would vanish; show them at the top level instead.
  const orphans = nodes.filter((node) => node.parentId !== null && !known.has(node.parentId));
  return [
    ...build(null, 1),
    ...orphans.map((node) => ({ node, depth: 1, children: build(node.id, 2) })),
  ];
}

/** Every item depth-first (parents before children). */
export function flattenTree(items: readonly TreeItem[]): TreeItem[] {
  const out: TreeItem[] = [];
  const visit = (list: readonly TreeItem[]) => {
    for (const item of list) {
      out.push(item);
      visit(item.children);
    }
  };
  visit(items);
  return out;
}

/** The group of each top-level node, inherited by everything beneath it. */
function groupOf(item: TreeItem): NodeGroup {
  return item.node.group;
}

/** Visible nodes grouped into the wheel and the foundational sections beside it. */
export function splitByGroup(nodes: readonly FrameworkNode[]): {
  wheel: TreeItem[];
  foundational: TreeItem[];
} {
  const tree = buildTree(visibleNodes(nodes));
  return {
    wheel: tree.filter((item) => groupOf(item) === 'wheel'),
    foundational: tree.filter((item) => groupOf(item) === 'foundational'),
  };
}

/** The items from the top level down to (and including) the one with `id`; empty when not found. */
export function pathTo(items: readonly TreeItem[], id: string): TreeItem[] {
  for (const item of items) {
    if (item.node.id === id) {
      return [item];
    }
    const below = pathTo(item.children, id);
    if (below.length > 0) {
      return [item, ...below];
    }
  }
  return [];
}
