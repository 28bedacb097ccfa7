import { randomUUID } from 'node:crypto';
import {
  assertAdmin,
  assertCanChangeFramework,
  assertVersionEditable,
  auditUserId,
  canonicalFrameworkDocument,
  compareWithSource,
  completenessFigures,
  ConflictError,
  findStructuralIssues,
  NotFoundError,
  ratedLeafIds,
  ValidationError,
  wouldCreateCycle,
  type Actor,
  type AdaptFrameworkInput,
  type Completeness,
  type CreateNodeInput,
  type FrameworkDocument,
  type FrameworkSummary,
  type FrameworkVersion,
  type ImportFrameworkResult,
  type LocalizedText,
  type Scale,
  type Source,
  type UpdateNodeInput,
  type UpdateVersionInput,
} from '@evne/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../adapters/clock.js';
import type {
  Database,
  Executor,
  FrameworkRow,
  FrameworkVersionRow,
  NewFrameworkNode,
} from '../db/database.js';
import { recordActorEvent, recordAuditEvent } from '../repositories/audit.repository.js';
import {
  deleteDraftVersion,
  deleteEmptyFramework,
  deleteNode,
  findFrameworkByKey,
  findVisibleFramework,
  findVisibleVersion,
  insertFramework,
  insertNodes,
  insertVersion,
  listNodes,
  listVersions,
  listVisibleFrameworks,
  markPublished,
  nextVersionNumber,
  updateDraftVersion,
  updateFrameworkHeading,
  updateNode,
} from '../repositories/frameworks.repository.js';
import {
  documentHash,
  toFrameworkDocument,
  toNodeRecord,
  type NodeRecord,
} from './framework-mapping.js';

export interface FrameworksService {
  list(actor: Actor): Promise<FrameworkSummary[]>;
  get(actor: Actor, frameworkId: string): Promise<FrameworkSummary>;
  getVersion(actor: Actor, versionId: string): Promise<FrameworkVersion>;
  adapt(actor: Actor, frameworkId: string, input: AdaptFrameworkInput): Promise<FrameworkSummary>;
  createDraft(actor: Actor, frameworkId: string): Promise<FrameworkVersion>;
  updateVersion(
    actor: Actor,
    versionId: string,
    input: UpdateVersionInput,
  ): Promise<FrameworkVersion>;
  deleteDraft(actor: Actor, versionId: string): Promise<void>;
  publish(actor: Actor, versionId: string): Promise<FrameworkVersion>;
  createNode(actor: Actor, versionId: string, input: CreateNodeInput): Promise<FrameworkVersion>;
  updateNode(
    actor: Actor,
    versionId: string,
    nodeId: string,
    input: UpdateNodeInput,
  ): Promise<FrameworkVersion>;
  deleteNode(actor: Actor, versionId: string, nodeId: string): Promise<FrameworkVersion>;
  exportDocument(actor: Actor, versionId: string): Promise<FrameworkDocument>;
  importDocument(
    actor: Actor,
    document: FrameworkDocument,
    options: { publish: boolean },
  ): Promise<ImportFrameworkResult>;
  /** Loads a framework shipped with Evne (organisation null), published; a no-op when already there. */
  installShipped(document: FrameworkDocument): Promise<ImportFrameworkResult>;
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

export function createFrameworksService(deps: {
  db: Kysely<Database>;
  clock: Clock;
}): FrameworksService {
  const { db, clock } = deps;

  async function summarise(
    trx: Executor,
    frameworks: FrameworkRow[],
    organisationId: string,
  ): Promise<FrameworkSummary[]> {
    const versions = await listVersions(
      trx,
      frameworks.map((f) => f.id),
    );
    const derivedIds = frameworks
      .map((f) => f.derived_from_framework_id)
      .filter((id): id is string => id !== null);
    const derivedFrom = new Map<string, FrameworkRow>();
    for (const id of derivedIds) {
      const row = await findVisibleFramework(trx, organisationId, id);
      if (row) {
        derivedFrom.set(id, row);
      }
    }
    const summaries: FrameworkSummary[] = [];
    for (const framework of frameworks) {
      const own = versions.filter((v) => v.framework_id === framework.id);
      const latest =
        [...own].reverse().find((v) => v.status === 'published') ?? own[own.length - 1];
      let figures: FrameworkSummary['completeness']['figures'] = [];
      const completeness = (latest?.completeness as Completeness | null) ?? null;
      if (latest) {
        const nodes = (await listNodes(trx, latest.id)).map(toNodeRecord);
        figures = completenessFigures(nodes, completeness?.expected);
      }
      const derived = framework.derived_from_framework_id
        ? derivedFrom.get(framework.derived_from_framework_id)
        : undefined;
      summaries.push({
        id: framework.id,
        key: framework.key,
        name: framework.name as LocalizedText,
        description: (framework.description as LocalizedText | null) ?? null,
        publisher: framework.publisher,
        versionLabel: framework.version_label,
        language: (framework.language as 'da' | 'nb' | 'en' | null) ?? null,
        licence: framework.licence,
        sources: framework.sources as Source[],
        isShipped: framework.organisation_id === null,
        derivedFrom: derived
          ? { frameworkId: derived.id, name: derived.name as LocalizedText }
          : null,
        versions: own.map((v) => ({
          id: v.id,
          number: v.number,
          status: v.status as 'draft' | 'published',
          createdAt: iso(v.created_at) ?? '',
          publishedAt: iso(v.published_at),
        })),
        completeness: { figures, note: completeness?.note ?? null },
      });
    }
    return summaries;
  }

  async function loadFramework(
    trx: Executor,
    actor: Actor,
    frameworkId: string,
  ): Promise<FrameworkRow> {
    const framework = await findVisibleFramework(trx, actor.organisationId, frameworkId);
    if (!framework) {
      throw new NotFoundError('framework');
    }
    return framework;
  }

  async function loadVersion(trx: Executor, actor: Actor, versionId: string) {
    const version = await findVisibleVersion(trx, actor.organisationId, versionId);
    if (!version) {
      throw new NotFoundError('framework_version');
    }
    const framework = await loadFramework(trx, actor, version.framework_id);
    return { version, framework };
  }

  async function loadDraftForChange(trx: Executor, actor: Actor, versionId: string) {
    const loaded = await loadVersion(trx, actor, versionId);
    assertCanChangeFramework(actor, { organisationId: loaded.framework.organisation_id });
    assertVersionEditable({ status: loaded.version.status as 'draft' | 'published' });
    const nodes = (await listNodes(trx, versionId)).map(toNodeRecord);
    return { ...loaded, nodes };
  }

  async function describeVersion(
    trx: Executor,
    actor: Actor,
    versionId: string,
  ): Promise<FrameworkVersion> {
    const { version, framework } = await loadVersion(trx, actor, versionId);
    const nodes = (await listNodes(trx, version.id)).map(toNodeRecord);
    let source: FrameworkVersion['source'] = null;
    let sourceNodes: NodeRecord[] = [];
    if (version.source_version_id) {
      const sourceVersion = await findVisibleVersion(
        trx,
        actor.organisationId,
        version.source_version_id,
      );
      if (sourceVersion) {
        sourceNodes = (await listNodes(trx, sourceVersion.id)).map(toNodeRecord);
        source = {
          versionId: sourceVersion.id,
          frameworkId: sourceVersion.framework_id,
          frameworkName: sourceVersion.name as LocalizedText,
          number: sourceVersion.number,
        };
      }
    }
    const comparison = source
      ? compareWithSource(nodes, sourceNodes)
      : { changes: new Map<string, never[]>(), removed: [] };
    const rated = ratedLeafIds(nodes);
    const [summary] = await summarise(trx, [framework], actor.organisationId);
    if (!summary) {
      throw new NotFoundError('framework');
    }
    const completeness = (version.completeness as Completeness | null) ?? null;
    return {
      id: version.id,
      number: version.number,
      status: version.status as 'draft' | 'published',
      name: version.name as LocalizedText,
      description: (version.description as LocalizedText | null) ?? null,
      createdAt: iso(version.created_at) ?? '',
      publishedAt: iso(version.published_at),
      framework: summary,
      scale: version.scale as Scale,
      completenessNote: completeness?.note ?? null,
      expected: completeness?.expected ?? null,
      nodes: nodes.map((node) => ({
        ...node,
        isRated: rated.has(node.id),
        changes: source ? (comparison.changes.get(node.id) ?? []) : [],
      })),
      source,
      removedFromSource: comparison.removed.map((node) => ({
        id: node.id,
        code: node.code,
        name: node.name,
      })),
    };
  }

  /** Copies nodes into a new version, keeping lineage to the nodes they came from. */
  function copyNodes(
    nodes: readonly NodeRecord[],
    versionId: string,
    organisationId: string | null,
  ): NewFrameworkNode[] {
    const newIds = new Map(nodes.map((node) => [node.id, randomUUID()]));
    return nodes.map((node) => ({
      id: newIds.get(node.id) ?? randomUUID(),
      version_id: versionId,
      organisation_id: organisationId,
      parent_id: node.parentId === null ? null : (newIds.get(node.parentId) ?? null),
      code: node.code,
      kind: node.kind,
      position: node.position,
      name: JSON.stringify(node.name),
      description: node.description ? JSON.stringify(node.description) : null,
      colour: node.colour,
      node_group: node.group,
      is_hidden: node.hidden,
      level_descriptors: node.levelDescriptors ? JSON.stringify(node.levelDescriptors) : null,
      note: node.note ? JSON.stringify(node.note) : null,
      source_node_id: node.id,
    }));
  }

  /** Node rows for a document, positions by order among siblings. */
  function documentNodes(
    document: FrameworkDocument,
    versionId: string,
    organisationId: string | null,
  ): NewFrameworkNode[] {
    const ids = new Map(document.nodes.map((node) => [node.code, randomUUID()]));
    const positions = new Map<string | null, number>();
    return document.nodes.map((node) => {
      const position = positions.get(node.parent) ?? 0;
      positions.set(node.parent, position + 1);
      return {
        id: ids.get(node.code) ?? randomUUID(),
        version_id: versionId,
        organisation_id: organisationId,
        parent_id: node.parent === null ? null : (ids.get(node.parent) ?? null),
        code: node.code,
        kind: node.kind,
        position,
        name: JSON.stringify(node.name),
        description: node.description ? JSON.stringify(node.description) : null,
        colour: node.colour ?? null,
        node_group: node.group ?? 'wheel',
        is_hidden: node.hidden ?? false,
        level_descriptors: node.levelDescriptors ? JSON.stringify(node.levelDescriptors) : null,
        note: node.note ? JSON.stringify(node.note) : null,
        source_node_id: null,
      };
    });
  }

  function latestPublished(versions: FrameworkVersionRow[]): FrameworkVersionRow | undefined {
    return [...versions].reverse().find((v) => v.status === 'published');
  }

  /** Rewrites sibling positions 0..n-1 with `moving` placed at `index`. */
  async function placeAmongSiblings(
    trx: Executor,
    organisationId: string,
    siblings: NodeRecord[],
    moving: NodeRecord | undefined,
    index: number | undefined,
  ): Promise<void> {
    const ordered = siblings
      .filter((node) => node.id !== moving?.id)
      .sort((a, b) => a.position - b.position);
    if (moving) {
      ordered.splice(Math.min(index ?? ordered.length, ordered.length), 0, moving);
    }
    for (const [position, node] of ordered.entries()) {
      if (node.position !== position || node.id === moving?.id) {
        await updateNode(trx, organisationId, node.id, { position });
      }
    }
  }

  function checkDescriptorLevels(
    scale: Scale,
    descriptors: Record<string, unknown> | null | undefined,
  ): void {
    if (!descriptors) {
      return;
    }
    const values = new Set(scale.levels.map((level) => String(level.value)));
    const unknown = Object.keys(descriptors).filter((key) => !values.has(key));
    if (unknown.length > 0) {
      throw new ValidationError(
        'unknown_level',
        `Level ${unknown.join(', ')} is not on the scale`,
        unknown.map((key) => ({
          code: 'unknown_level',
          message: `Level ${key} is not on the scale`,
          path: `levelDescriptors.${key}`,
        })),
      );
    }
  }

  async function storeDocument(
    trx: Executor,
    organisationId: string | null,
    actorUserId: string | null,
    document: FrameworkDocument,
    publish: boolean,
  ): Promise<ImportFrameworkResult> {
    const canonical = canonicalFrameworkDocument(document);
    const hash = documentHash(canonical);
    let framework = await findFrameworkByKey(trx, organisationId, canonical.key);
    if (framework) {
      const versions = await listVersions(trx, [framework.id]);
      const same = [...versions].reverse().find((v) => v.content_hash === hash);
      if (same) {
        return {
          frameworkId: framework.id,
          versionId: same.id,
          status: same.status as 'draft' | 'published',
          unchanged: true,
          nodeCount: canonical.nodes.length,
        };
      }
      if (versions.some((v) => v.status === 'draft')) {
        throw new ConflictError(
          'framework_draft_exists',
          `Framework "${canonical.key}" already has a draft; publish or discard it before importing a new version`,
        );
      }
    } else {
      framework = await insertFramework(trx, {
        organisationId,
        key: canonical.key,
        name: canonical.name,
        description: canonical.description ?? null,
        publisher: canonical.publisher ?? null,
        versionLabel: canonical.versionLabel ?? null,
        language: canonical.language ?? null,
        licence: canonical.licence ?? null,
        sources: canonical.sources ?? [],
        derivedFromFrameworkId: null,
      });
    }
    const version = await insertVersion(trx, {
      frameworkId: framework.id,
      organisationId,
      number: await nextVersionNumber(trx, framework.id),
      name: canonical.name,
      description: canonical.description ?? null,
      scale: canonical.scale,
      completeness: canonical.completeness ?? null,
      sourceVersionId: null,
      contentHash: hash,
    });
    await insertNodes(trx, documentNodes(canonical, version.id, organisationId));
    if (publish) {
      await markPublished(trx, organisationId, version.id, clock.now(), hash);
      await updateFrameworkHeading(trx, organisationId, framework.id, {
        name: canonical.name,
        description: canonical.description ?? null,
      });
    }
    await recordAuditEvent(trx, {
      organisationId,
      actorUserId,
      action: 'framework.imported',
      subjectType: 'framework_version',
      subjectId: version.id,
      data: { key: canonical.key, nodes: canonical.nodes.length, published: publish },
    });
    return {
      frameworkId: framework.id,
      versionId: version.id,
      status: publish ? 'published' : 'draft',
      unchanged: false,
      nodeCount: canonical.nodes.length,
    };
  }

  async function audit(
    trx: Executor,
    actor: Actor,
    action: string,
    subjectId: string,
    data?: unknown,
  ) {
    await recordActorEvent(trx, actor, {
      action,
      subjectType: 'framework_version',
      subjectId,
      data,
    });
  }

  return {
    async list(actor) {
      const frameworks = await listVisibleFrameworks(db, actor.organisationId);
      return summarise(db, frameworks, actor.organisationId);
    },

    async get(actor, frameworkId) {
      const framework = await loadFramework(db, actor, frameworkId);
      const [summary] = await summarise(db, [framework], actor.organisationId);
      if (!summary) {
        throw new NotFoundError('framework');
      }
      return summary;
    },

    getVersion(actor, versionId) {
      return describeVersion(db, actor, versionId);
    },

    async adapt(actor, frameworkId, input) {
      assertAdmin(actor);
      return db.transaction().execute(async (trx) => {
        const source = await loadFramework(trx, actor, frameworkId);
        const published = latestPublished(await listVersions(trx, [source.id]));
        if (!published) {
          throw new ConflictError(
            'framework_not_published',
            'Only a published version can be adapted',
          );
        }
        let key = input.key ?? `${source.key}-local`.slice(0, 80);
        if (await findFrameworkByKey(trx, actor.organisationId, key)) {
          if (input.key !== undefined) {
            throw new ConflictError(
              'framework_key_taken',
              `The organisation already has a framework "${key}"`,
            );
          }
          let suffix = 2;
          while (await findFrameworkByKey(trx, actor.organisationId, `${key}-${suffix}`)) {
            suffix += 1;
          }
          key = `${key}-${suffix}`;
        }
        const name = input.name ?? (published.name as LocalizedText);
        const framework = await insertFramework(trx, {
          organisationId: actor.organisationId,
          key,
          name,
          description: published.description ?? null,
          publisher: source.publisher,
          versionLabel: source.version_label,
          language: source.language,
          licence: source.licence,
          sources: source.sources,
          derivedFromFrameworkId: source.id,
        });
        const version = await insertVersion(trx, {
          frameworkId: framework.id,
          organisationId: actor.organisationId,
          number: 1,
          name,
          description: published.description ?? null,
          scale: published.scale,
          completeness: published.completeness ?? null,
          sourceVersionId: published.id,
          contentHash: null,
        });
        const nodes = (await listNodes(trx, published.id)).map(toNodeRecord);
        await insertNodes(trx, copyNodes(nodes, version.id, actor.organisationId));
        await audit(trx, actor, 'framework.adapted', version.id, { from: published.id });
        const [summary] = await summarise(trx, [framework], actor.organisationId);
        if (!summary) {
          throw new NotFoundError('framework');
        }
        return summary;
      });
    },

    async createDraft(actor, frameworkId) {
      const versionId = await db.transaction().execute(async (trx) => {
        const framework = await loadFramework(trx, actor, frameworkId);
        assertCanChangeFramework(actor, { organisationId: framework.organisation_id });
        const versions = await listVersions(trx, [framework.id]);
        if (versions.some((v) => v.status === 'draft')) {
          throw new ConflictError('framework_draft_exists', 'This framework already has a draft');
        }
        const published = latestPublished(versions);
        if (!published) {
          throw new ConflictError(
            'framework_not_published',
            'There is no published version to start from',
          );
        }
        const version = await insertVersion(trx, {
          frameworkId: framework.id,
          organisationId: actor.organisationId,
          number: await nextVersionNumber(trx, framework.id),
          name: published.name,
          description: published.description ?? null,
          scale: published.scale,
          completeness: published.completeness ?? null,
          sourceVersionId: published.id,
          contentHash: null,
        });
        const nodes = (await listNodes(trx, published.id)).map(toNodeRecord);
        await insertNodes(trx, copyNodes(nodes, version.id, actor.organisationId));
        await audit(trx, actor, 'framework.draft_created', version.id);
        return version.id;
      });
      return describeVersion(db, actor, versionId);
    },

    async updateVersion(actor, versionId, input) {
      await db.transaction().execute(async (trx) => {
        const { nodes } = await loadDraftForChange(trx, actor, versionId);
        if (input.scale) {
          const issues = findStructuralIssues({
            format: 'evne-framework',
            formatVersion: 1,
            key: 'x-check',
            name: { en: 'check' },
            scale: input.scale,
            nodes: [],
          });
          if (issues.length > 0) {
            throw new ValidationError('invalid_scale', 'The scale is not valid', issues);
          }
          for (const node of nodes) {
            checkDescriptorLevels(input.scale, node.levelDescriptors);
          }
        }
        await updateDraftVersion(trx, actor.organisationId, versionId, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.scale !== undefined ? { scale: input.scale } : {}),
          contentHash: null,
        });
        await audit(trx, actor, 'framework.version_updated', versionId, Object.keys(input));
      });
      return describeVersion(db, actor, versionId);
    },

    async deleteDraft(actor, versionId) {
      await db.transaction().execute(async (trx) => {
        const { framework } = await loadDraftForChange(trx, actor, versionId);
        await deleteDraftVersion(trx, actor.organisationId, versionId);
        // Discarding the first draft of an adaptation or import discards the framework itself.
        await deleteEmptyFramework(trx, actor.organisationId, framework.id);
        await audit(trx, actor, 'framework.draft_discarded', versionId);
      });
    },

    async publish(actor, versionId) {
      await db.transaction().execute(async (trx) => {
        const { version, framework, nodes } = await loadDraftForChange(trx, actor, versionId);
        const document = toFrameworkDocument(framework, version, nodes);
        const issues = findStructuralIssues(document);
        if (nodes.length === 0) {
          issues.push({
            code: 'empty_framework',
            message: 'A framework needs at least one node',
            path: '$.nodes',
          });
        }
        if (issues.length > 0) {
          throw new ValidationError(
            'framework_invalid',
            'The draft cannot be published yet',
            issues,
          );
        }
        await markPublished(
          trx,
          actor.organisationId,
          versionId,
          clock.now(),
          documentHash(document),
        );
        await updateFrameworkHeading(trx, actor.organisationId, framework.id, {
          name: version.name,
          description: version.description ?? null,
        });
        await audit(trx, actor, 'framework.published', versionId);
      });
      return describeVersion(db, actor, versionId);
    },

    async createNode(actor, versionId, input) {
      await db.transaction().execute(async (trx) => {
        const { version, nodes } = await loadDraftForChange(trx, actor, versionId);
        if (input.parentId !== null && !nodes.some((node) => node.id === input.parentId)) {
          throw new ValidationError('unknown_parent', 'The parent is not in this version', [
            {
              code: 'unknown_parent',
              message: 'The parent is not in this version',
              path: 'parentId',
            },
          ]);
        }
        if (nodes.some((node) => node.code === input.code)) {
          throw new ConflictError(
            'duplicate_code',
            `Code "${input.code}" is already used in this version`,
          );
        }
        const id = randomUUID();
        const siblings = nodes.filter((node) => node.parentId === input.parentId);
        await insertNodes(trx, [
          {
            id,
            version_id: version.id,
            organisation_id: actor.organisationId,
            parent_id: input.parentId,
            code: input.code,
            kind: input.kind,
            position: siblings.length,
            name: JSON.stringify(input.name),
            description: input.description ? JSON.stringify(input.description) : null,
            colour: input.colour ?? null,
            source_node_id: null,
            level_descriptors: null,
            note: null,
          },
        ]);
        if (input.position !== undefined && input.position < siblings.length) {
          const created: NodeRecord = {
            id,
            parentId: input.parentId,
            code: input.code,
            kind: input.kind,
            position: siblings.length,
            name: input.name,
            description: null,
            colour: null,
            group: 'wheel',
            hidden: false,
            levelDescriptors: null,
            note: null,
            sourceNodeId: null,
          };
          await placeAmongSiblings(trx, actor.organisationId, siblings, created, input.position);
        }
        await audit(trx, actor, 'framework.node_added', versionId, { code: input.code });
      });
      return describeVersion(db, actor, versionId);
    },

    async updateNode(actor, versionId, nodeId, input) {
      await db.transaction().execute(async (trx) => {
        const { version, nodes } = await loadDraftForChange(trx, actor, versionId);
        const node = nodes.find((candidate) => candidate.id === nodeId);
        if (!node) {
          throw new NotFoundError('framework_node');
        }
        if (
          input.code !== undefined &&
          input.code !== node.code &&
          nodes.some((other) => other.code === input.code)
        ) {
          throw new ConflictError(
            'duplicate_code',
            `Code "${input.code}" is already used in this version`,
          );
        }
        checkDescriptorLevels(version.scale as Scale, input.levelDescriptors);
        const newParent = input.parentId === undefined ? node.parentId : input.parentId;
        if (newParent !== null && !nodes.some((candidate) => candidate.id === newParent)) {
          throw new ValidationError('unknown_parent', 'The new parent is not in this version', [
            {
              code: 'unknown_parent',
              message: 'The new parent is not in this version',
              path: 'parentId',
            },
          ]);
        }
        if (newParent !== node.parentId && wouldCreateCycle(nodes, node.id, newParent)) {
          throw new ValidationError(
            'cycle',
            'A node cannot be moved under itself or its own descendants',
            [{ code: 'cycle', message: 'A node cannot be moved under itself', path: 'parentId' }],
          );
        }
        await updateNode(trx, actor.organisationId, node.id, {
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.colour !== undefined ? { colour: input.colour } : {}),
          ...(input.hidden !== undefined ? { isHidden: input.hidden } : {}),
          ...(input.levelDescriptors !== undefined
            ? { levelDescriptors: input.levelDescriptors }
            : {}),
        });
        if (newParent !== node.parentId || input.position !== undefined) {
          if (newParent !== node.parentId) {
            await updateNode(trx, actor.organisationId, node.id, { parentId: newParent });
            await placeAmongSiblings(
              trx,
              actor.organisationId,
              nodes.filter((other) => other.parentId === node.parentId),
              undefined,
              undefined,
            );
          }
          await placeAmongSiblings(
            trx,
            actor.organisationId,
            nodes.filter((other) => other.parentId === newParent),
            { ...node, parentId: newParent },
            input.position,
          );
        }
        await audit(trx, actor, 'framework.node_updated', versionId, {
          code: node.code,
          fields: Object.keys(input),
        });
      });
      return describeVersion(db, actor, versionId);
    },

    async deleteNode(actor, versionId, nodeId) {
      await db.transaction().execute(async (trx) => {
        const { nodes } = await loadDraftForChange(trx, actor, versionId);
        const node = nodes.find((candidate) => candidate.id === nodeId);
        if (!node) {
          throw new NotFoundError('framework_node');
        }
        await deleteNode(trx, actor.organisationId, node.id);
        await placeAmongSiblings(
          trx,
          actor.organisationId,
          nodes.filter((other) => other.parentId === node.parentId && other.id !== node.id),
          undefined,
          undefined,
        );
        await audit(trx, actor, 'framework.node_removed', versionId, { code: node.code });
      });
      return describeVersion(db, actor, versionId);
    },

    async exportDocument(actor, versionId) {
      const { version, framework } = await loadVersion(db, actor, versionId);
      const nodes = (await listNodes(db, version.id)).map(toNodeRecord);
      return toFrameworkDocument(framework, version, nodes);
    },

    async importDocument(actor, document, options) {
      assertAdmin(actor);
      return db
        .transaction()
        .execute((trx) =>
          storeDocument(trx, actor.organisationId, auditUserId(actor), document, options.publish),
        );
    },

    async installShipped(document) {
      return db.transaction().execute((trx) => storeDocument(trx, null, null, document, true));
    },
  };
}
