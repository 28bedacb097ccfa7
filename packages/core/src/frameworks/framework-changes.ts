import type { LocalizedText } from '../i18n.js';

export const NODE_CHANGES = [
  'added',
  'renamed',
  'recoded',
  'description',
  'moved',
  'reordered',
  'hidden',
  'shown',
  'colour',
  'descriptors',
  'kind',
] as const;
export type NodeChange = (typeof NODE_CHANGES)[number];

/** A node as far as comparing it with the node it came from is concerned. */
export interface ComparableNode {
  id: string;
  parentId: string | null;
  sourceNodeId: string | null;
  code: string;
  kind: string;
  position: number;
  name: LocalizedText;
  description: LocalizedText | null;
  colour: string | null;
  hidden: boolean;
  levelDescriptors: Record<string, LocalizedText> | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function normalise(value: unknown): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (Array.isArray(value)) {
    return value.map(normalise);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, normalise(v)]);
    return entries.length === 0 ? null : Object.fromEntries(entries);
  }
  return value;
}

/** Rank of each node among its siblings, so that a shift caused by an added node is not a reorder. */
function siblingRanks(nodes: readonly ComparableNode[]): Map<string, number> {
  const groups = new Map<string | null, ComparableNode[]>();
  for (const node of nodes) {
    const list = groups.get(node.parentId) ?? [];
    list.push(node);
    groups.set(node.parentId, list);
  }
  const ranks = new Map<string, number>();
  for (const list of groups.values()) {
    list.sort((a, b) => a.position - b.position);
    list.forEach((node, index) => ranks.set(node.id, index));
  }
  return ranks;
}

/**
 * Compares an adapted version's nodes with the nodes they came from and lists what differs,
 * per node, plus the source nodes that no longer have a copy.
 */
export function compareWithSource(
  nodes: readonly ComparableNode[],
  sourceNodes: readonly ComparableNode[],
): { changes: Map<string, NodeChange[]>; removed: ComparableNode[] } {
  const sourceById = new Map(sourceNodes.map((node) => [node.id, node]));
  const copyOf = new Map<string, string>();
  for (const node of nodes) {
    if (node.sourceNodeId !== null) {
      copyOf.set(node.sourceNodeId, node.id);
    }
  }
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const keptSource = sourceNodes.filter((node) => copyOf.has(node.id));
  const sourceRanks = siblingRanks(keptSource);
  const ranks = siblingRanks(nodes.filter((node) => node.sourceNodeId !== null));

  const changes = new Map<string, NodeChange[]>();
  for (const node of nodes) {
    const list: NodeChange[] = [];
    const source = node.sourceNodeId === null ? undefined : sourceById.get(node.sourceNodeId);
    if (!source) {
      list.push('added');
    } else {
      if (!same(node.name, source.name)) {
        list.push('renamed');
      }
      if (node.code !== source.code) {
        list.push('recoded');
      }
      if (!same(node.description, source.description)) {
        list.push('description');
      }
      const parent = node.parentId === null ? undefined : byId.get(node.parentId);
      const expectedParentSource = parent?.sourceNodeId ?? null;
      const moved = expectedParentSource !== source.parentId;
      if (moved) {
        list.push('moved');
      } else if (ranks.get(node.id) !== sourceRanks.get(source.id)) {
        list.push('reordered');
      }
      if (node.hidden && !source.hidden) {
        list.push('hidden');
      }
      if (!node.hidden && source.hidden) {
        list.push('shown');
      }
      if ((node.colour ?? null) !== (source.colour ?? null)) {
        list.push('colour');
      }
      if (!same(node.levelDescriptors, source.levelDescriptors)) {
        list.push('descriptors');
      }
      if (node.kind !== source.kind) {
        list.push('kind');
      }
    }
    changes.set(node.id, list);
  }
  const removed = sourceNodes.filter((node) => !copyOf.has(node.id));
  return { changes, removed };
}
