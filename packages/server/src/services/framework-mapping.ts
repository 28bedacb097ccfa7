import { createHash } from 'node:crypto';
import {
  canonicalFrameworkDocument,
  type Completeness,
  type FrameworkDocument,
  type FrameworkNodeInput,
  type LocalizedText,
  type NodeGroup,
  type NodeKind,
  type Scale,
  type Source,
  FRAMEWORK_FORMAT,
  FrameworkDocumentSchema,
  depthFirst,
} from '@evne/core';
import type { FrameworkNodeRow, FrameworkRow, FrameworkVersionRow } from '../db/database.js';

/** A node row typed with core's shapes. */
export interface NodeRecord {
  id: string;
  parentId: string | null;
  code: string;
  kind: NodeKind;
  position: number;
  name: LocalizedText;
  description: LocalizedText | null;
  colour: string | null;
  group: NodeGroup;
  hidden: boolean;
  levelDescriptors: Record<string, LocalizedText> | null;
  note: LocalizedText | null;
  sourceNodeId: string | null;
}

export function toNodeRecord(row: FrameworkNodeRow): NodeRecord {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    kind: row.kind as NodeKind,
    position: row.position,
    name: row.name as LocalizedText,
    description: (row.description as LocalizedText | null) ?? null,
    colour: row.colour,
    group: row.node_group as NodeGroup,
    hidden: row.is_hidden,
    levelDescriptors: (row.level_descriptors as Record<string, LocalizedText> | null) ?? null,
    note: (row.note as LocalizedText | null) ?? null,
    sourceNodeId: row.source_node_id,
  };
}

/** Builds the app's JSON document from stored rows (canonical form). */
export function toFrameworkDocument(
  framework: FrameworkRow,
  version: FrameworkVersionRow,
  nodes: readonly NodeRecord[],
): FrameworkDocument {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const documentNodes: FrameworkNodeInput[] = depthFirst(nodes).map((node) => {
    const parent = node.parentId === null ? null : (byId.get(node.parentId)?.code ?? null);
    return {
      code: node.code,
      parent,
      kind: node.kind,
      name: node.name,
      ...(node.description ? { description: node.description } : {}),
      ...(node.colour ? { colour: node.colour } : {}),
      ...(node.group !== 'wheel' ? { group: node.group } : {}),
      ...(node.hidden ? { hidden: true } : {}),
      ...(node.levelDescriptors && Object.keys(node.levelDescriptors).length > 0
        ? { levelDescriptors: node.levelDescriptors }
        : {}),
      ...(node.note ? { note: node.note } : {}),
    };
  });
  const completeness = version.completeness as Completeness | null;
  const sources = framework.sources as Source[];
  // Parsing puts every key back in the schema's order (jsonb stores keys in its own order).
  return FrameworkDocumentSchema.parse({
    format: FRAMEWORK_FORMAT,
    formatVersion: 1,
    key: framework.key,
    name: version.name as LocalizedText,
    ...(version.description ? { description: version.description as LocalizedText } : {}),
    ...(framework.publisher ? { publisher: framework.publisher } : {}),
    ...(framework.version_label ? { versionLabel: framework.version_label } : {}),
    ...(framework.language ? { language: framework.language as 'da' | 'nb' | 'en' } : {}),
    ...(framework.licence ? { licence: framework.licence } : {}),
    ...(sources.length > 0 ? { sources } : {}),
    ...(completeness ? { completeness } : {}),
    scale: version.scale as Scale,
    nodes: documentNodes,
  });
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stable);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, stable(v)]),
    );
  }
  return value;
}

/** Hash of a document's content, independent of key order and defaults. */
export function documentHash(document: FrameworkDocument): string {
  return createHash('sha256')
    .update(JSON.stringify(stable(canonicalFrameworkDocument(document))))
    .digest('hex');
}
