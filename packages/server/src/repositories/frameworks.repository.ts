import type {
  Executor,
  FrameworkNodeRow,
  FrameworkRow,
  FrameworkVersionRow,
  NewFrameworkNode,
} from '../db/database.js';

/**
 * All SQL for frameworks. Reads see the frameworks shipped with Evne (organisation_id null)
 * and the caller organisation's own; writes touch only the caller organisation's rows.
 */

export async function listVisibleFrameworks(
  db: Executor,
  organisationId: string,
): Promise<FrameworkRow[]> {
  return db
    .selectFrom('frameworks')
    .selectAll()
    .where((eb) =>
      eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', organisationId)]),
    )
    .orderBy('organisation_id', (ob) => ob.nullsFirst())
    .orderBy('created_at')
    .orderBy('key')
    .execute();
}

export async function findVisibleFramework(
  db: Executor,
  organisationId: string | null,
  frameworkId: string,
): Promise<FrameworkRow | undefined> {
  return db
    .selectFrom('frameworks')
    .selectAll()
    .where('id', '=', frameworkId)
    .where((eb) =>
      organisationId === null
        ? eb('organisation_id', 'is', null)
        : eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', organisationId)]),
    )
    .executeTakeFirst();
}

export async function findFrameworkByKey(
  db: Executor,
  organisationId: string | null,
  key: string,
): Promise<FrameworkRow | undefined> {
  return db
    .selectFrom('frameworks')
    .selectAll()
    .where('key', '=', key)
    .where('organisation_id', organisationId === null ? 'is' : '=', organisationId)
    .executeTakeFirst();
}

export async function listVersions(
  db: Executor,
  frameworkIds: readonly string[],
): Promise<FrameworkVersionRow[]> {
  if (frameworkIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('framework_versions')
    .selectAll()
    .where('framework_id', 'in', frameworkIds)
    .orderBy('number')
    .execute();
}

export async function findVisibleVersion(
  db: Executor,
  organisationId: string,
  versionId: string,
): Promise<FrameworkVersionRow | undefined> {
  return db
    .selectFrom('framework_versions')
    .selectAll()
    .where('id', '=', versionId)
    .where((eb) =>
      eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', organisationId)]),
    )
    .executeTakeFirst();
}

export async function listNodes(db: Executor, versionId: string): Promise<FrameworkNodeRow[]> {
  return db
    .selectFrom('framework_nodes')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('parent_id', (ob) => ob.nullsFirst())
    .orderBy('position')
    .execute();
}

export async function insertFramework(
  db: Executor,
  values: {
    organisationId: string | null;
    key: string;
    name: unknown;
    description: unknown;
    publisher: string | null;
    versionLabel: string | null;
    language: string | null;
    licence: string | null;
    sources: unknown;
    derivedFromFrameworkId: string | null;
  },
): Promise<FrameworkRow> {
  return db
    .insertInto('frameworks')
    .values({
      organisation_id: values.organisationId,
      key: values.key,
      name: JSON.stringify(values.name),
      description: values.description === null ? null : JSON.stringify(values.description),
      publisher: values.publisher,
      version_label: values.versionLabel,
      language: values.language,
      licence: values.licence,
      sources: JSON.stringify(values.sources),
      derived_from_framework_id: values.derivedFromFrameworkId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateFrameworkHeading(
  db: Executor,
  organisationId: string | null,
  frameworkId: string,
  values: { name: unknown; description: unknown },
): Promise<void> {
  await db
    .updateTable('frameworks')
    .set({
      name: JSON.stringify(values.name),
      description: values.description === null ? null : JSON.stringify(values.description),
      updated_at: new Date(),
    })
    .where('id', '=', frameworkId)
    .where('organisation_id', organisationId === null ? 'is' : '=', organisationId)
    .execute();
}

export async function insertVersion(
  db: Executor,
  values: {
    frameworkId: string;
    organisationId: string | null;
    number: number;
    name: unknown;
    description: unknown;
    scale: unknown;
    completeness: unknown;
    sourceVersionId: string | null;
    contentHash: string | null;
  },
): Promise<FrameworkVersionRow> {
  return db
    .insertInto('framework_versions')
    .values({
      framework_id: values.frameworkId,
      organisation_id: values.organisationId,
      number: values.number,
      status: 'draft',
      name: JSON.stringify(values.name),
      description: values.description === null ? null : JSON.stringify(values.description),
      scale: JSON.stringify(values.scale),
      completeness: values.completeness === null ? null : JSON.stringify(values.completeness),
      source_version_id: values.sourceVersionId,
      content_hash: values.contentHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function nextVersionNumber(db: Executor, frameworkId: string): Promise<number> {
  const row = await db
    .selectFrom('framework_versions')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('framework_id', '=', frameworkId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function updateDraftVersion(
  db: Executor,
  organisationId: string,
  versionId: string,
  values: { name?: unknown; description?: unknown; scale?: unknown; contentHash?: string | null },
): Promise<void> {
  await db
    .updateTable('framework_versions')
    .set({
      ...(values.name !== undefined ? { name: JSON.stringify(values.name) } : {}),
      ...(values.description !== undefined
        ? { description: values.description === null ? null : JSON.stringify(values.description) }
        : {}),
      ...(values.scale !== undefined ? { scale: JSON.stringify(values.scale) } : {}),
      ...(values.contentHash !== undefined ? { content_hash: values.contentHash } : {}),
    })
    .where('id', '=', versionId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'draft')
    .execute();
}

export async function markPublished(
  db: Executor,
  organisationId: string | null,
  versionId: string,
  at: Date,
  contentHash: string,
): Promise<void> {
  await db
    .updateTable('framework_versions')
    .set({ status: 'published', published_at: at, content_hash: contentHash })
    .where('id', '=', versionId)
    .where('organisation_id', organisationId === null ? 'is' : '=', organisationId)
    .where('status', '=', 'draft')
    .execute();
}

export async function deleteDraftVersion(
  db: Executor,
  organisationId: string,
  versionId: string,
): Promise<void> {
  await db
    .deleteFrom('framework_versions')
    .where('id', '=', versionId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'draft')
    .execute();
}

export async function insertNodes(db: Executor, nodes: readonly NewFrameworkNode[]): Promise<void> {
  for (let start = 0; start < nodes.length; start += 500) {
    await db
      .insertInto('framework_nodes')
      .values(nodes.slice(start, start + 500))
      .execute();
  }
}

export async function updateNode(
  db: Executor,
  organisationId: string,
  nodeId: string,
  values: Partial<{
    code: string;
    kind: string;
    name: unknown;
    description: unknown;
    colour: string | null;
    isHidden: boolean;
    levelDescriptors: unknown;
    parentId: string | null;
    position: number;
  }>,
): Promise<void> {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  if (Object.values(values).every((value) => value === undefined)) {
    return;
  }
  await db
    .updateTable('framework_nodes')
    .set({
      ...(values.code !== undefined ? { code: values.code } : {}),
      ...(values.kind !== undefined ? { kind: values.kind } : {}),
      ...(values.name !== undefined ? { name: JSON.stringify(values.name) } : {}),
      ...(values.description !== undefined ? { description: json(values.description) } : {}),
      ...(values.colour !== undefined ? { colour: values.colour } : {}),
      ...(values.isHidden !== undefined ? { is_hidden: values.isHidden } : {}),
      ...(values.levelDescriptors !== undefined
        ? { level_descriptors: json(values.levelDescriptors) }
        : {}),
      ...(values.parentId !== undefined ? { parent_id: values.parentId } : {}),
      ...(values.position !== undefined ? { position: values.position } : {}),
    })
    .where('id', '=', nodeId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

export async function deleteNode(
  db: Executor,
  organisationId: string,
  nodeId: string,
): Promise<void> {
  await db
    .deleteFrom('framework_nodes')
    .where('id', '=', nodeId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** Removes an organisation's framework that has no versions left. */
export async function deleteEmptyFramework(
  db: Executor,
  organisationId: string,
  frameworkId: string,
): Promise<void> {
  await db
    .deleteFrom('frameworks')
    .where('id', '=', frameworkId)
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('framework_versions').select('id').where('framework_id', '=', frameworkId),
        ),
      ),
    )
    .execute();
}
