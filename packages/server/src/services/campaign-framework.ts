import { depthFirst, NotFoundError, ratedLeafIds, type Scale } from '@evne/core';
import type { Executor } from '../db/database.js';
import { findVisibleVersion, listNodes } from '../repositories/frameworks.repository.js';
import { toNodeRecord, type NodeRecord } from './framework-mapping.js';

/** A campaign's framework: its scale, and its areas each with the campaign's competences. */
export interface CampaignFramework {
  scale: Scale;
  areas: { node: NodeRecord; competences: NodeRecord[] }[];
  competenceIds: Set<string>;
  areaOf: Map<string, string>;
}

/** The areas of a campaign in wheel order, each with its campaign competences in tree order. */
export function campaignFramework(
  scale: Scale,
  nodes: readonly NodeRecord[],
  nodeIds: readonly string[] | null,
): CampaignFramework {
  const rated = ratedLeafIds(nodes);
  const competenceIds = new Set(nodeIds ? nodeIds.filter((id) => rated.has(id)) : rated);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const rootOf = (node: NodeRecord): NodeRecord => {
    let cursor = node;
    while (cursor.parentId !== null) {
      const parent = byId.get(cursor.parentId);
      if (!parent) {
        break;
      }
      cursor = parent;
    }
    return cursor;
  };
  const areas = new Map<string, { node: NodeRecord; competences: NodeRecord[] }>();
  const areaOf = new Map<string, string>();
  for (const node of depthFirst(nodes)) {
    if (!competenceIds.has(node.id)) {
      continue;
    }
    const root = rootOf(node);
    const area = areas.get(root.id) ?? { node: root, competences: [] };
    area.competences.push(node);
    areas.set(root.id, area);
    areaOf.set(node.id, root.id);
  }
  return { scale, areas: [...areas.values()], competenceIds, areaOf };
}

/** The campaign fields that decide its framework. */
export interface CampaignFrameworkRef {
  organisationId: string;
  frameworkVersionId: string;
  nodeIds: readonly string[] | null;
}

/**
 * Loads a campaign's framework; published versions never change, so their tree is read once
 * per loader (per process).
 */
export function createFrameworkLoader(): {
  (executor: Executor, campaign: CampaignFrameworkRef): Promise<CampaignFramework>;
  isCached(versionId: string): boolean;
} {
  const publishedFrameworks = new Map<string, { scale: Scale; nodes: NodeRecord[] }>();
  const load = async (
    executor: Executor,
    campaign: CampaignFrameworkRef,
  ): Promise<CampaignFramework> => {
    let cached = publishedFrameworks.get(campaign.frameworkVersionId);
    if (!cached) {
      const version = await findVisibleVersion(
        executor,
        campaign.organisationId,
        campaign.frameworkVersionId,
      );
      if (!version) {
        throw new NotFoundError('framework_version');
      }
      const nodes = (await listNodes(executor, version.id)).map(toNodeRecord);
      cached = { scale: version.scale as Scale, nodes };
      if (version.status === 'published') {
        publishedFrameworks.set(version.id, cached);
      }
    }
    return campaignFramework(cached.scale, cached.nodes, campaign.nodeIds);
  };
  return Object.assign(load, {
    isCached: (versionId: string) => publishedFrameworks.has(versionId),
  });
}
