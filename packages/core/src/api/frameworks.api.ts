import { z } from 'zod';
import { LocalizedTextSchema, LocaleSchema } from '../i18n.js';
import {
  ColourSchema,
  CompletenessSchema,
  NodeCodeSchema,
  NodeGroupSchema,
  NodeKindSchema,
  ScaleSchema,
  SourceSchema,
} from '../frameworks/framework-document.js';
import { NODE_CHANGES } from '../frameworks/framework-changes.js';
import { defineEndpoint } from './contract.js';

export const VersionStatusSchema = z.enum(['draft', 'published']);
export type VersionStatus = z.infer<typeof VersionStatusSchema>;

export const CompletenessFigureSchema = z.object({
  kind: NodeKindSchema,
  present: z.number().int(),
  expected: z.number().int().nullable(),
});

export const VersionSummarySchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: VersionStatusSchema,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const FrameworkSummarySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.nullable(),
  publisher: z.string().nullable(),
  versionLabel: z.string().nullable(),
  language: LocaleSchema.nullable(),
  licence: z.string().nullable(),
  sources: z.array(SourceSchema),
  isShipped: z.boolean(),
  derivedFrom: z.object({ frameworkId: z.uuid(), name: LocalizedTextSchema }).nullable(),
  versions: z.array(VersionSummarySchema),
  completeness: z.object({
    figures: z.array(CompletenessFigureSchema),
    note: LocalizedTextSchema.nullable(),
  }),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummarySchema>;

export const FrameworkNodeSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  kind: NodeKindSchema,
  position: z.number().int(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.nullable(),
  colour: z.string().nullable(),
  group: NodeGroupSchema,
  hidden: z.boolean(),
  levelDescriptors: z.record(z.string(), LocalizedTextSchema).nullable(),
  note: LocalizedTextSchema.nullable(),
  sourceNodeId: z.uuid().nullable(),
  isRated: z.boolean(),
  changes: z.array(z.enum(NODE_CHANGES)),
});
export type FrameworkNode = z.infer<typeof FrameworkNodeSchema>;

export const FrameworkVersionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: VersionStatusSchema,
  /** This version's own name and description (a draft may rename the framework). */
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  framework: FrameworkSummarySchema,
  scale: ScaleSchema,
  completenessNote: LocalizedTextSchema.nullable(),
  expected: CompletenessSchema.shape.expected.nullable(),
  nodes: z.array(FrameworkNodeSchema),
  source: z
    .object({
      versionId: z.uuid(),
      frameworkId: z.uuid(),
      frameworkName: LocalizedTextSchema,
      number: z.number().int(),
    })
    .nullable(),
  removedFromSource: z.array(
    z.object({ id: z.uuid(), code: z.string(), name: LocalizedTextSchema }),
  ),
});
export type FrameworkVersion = z.infer<typeof FrameworkVersionSchema>;

const FrameworkIdParams = z.object({ frameworkId: z.uuid() });
const VersionIdParams = z.object({ versionId: z.uuid() });
const NodeParams = z.object({ versionId: z.uuid(), nodeId: z.uuid() });

export const AdaptFrameworkInputSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .min(2)
    .max(80)
    .optional(),
  name: LocalizedTextSchema.optional(),
});
export type AdaptFrameworkInput = z.infer<typeof AdaptFrameworkInputSchema>;

export const UpdateVersionInputSchema = z.object({
  name: LocalizedTextSchema.optional(),
  description: LocalizedTextSchema.nullable().optional(),
  scale: ScaleSchema.optional(),
});
export type UpdateVersionInput = z.infer<typeof UpdateVersionInputSchema>;

export const CreateNodeInputSchema = z.object({
  parentId: z.uuid().nullable(),
  code: NodeCodeSchema,
  kind: NodeKindSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.nullable().optional(),
  colour: ColourSchema.nullable().optional(),
  /** 0-based place among the siblings; at the end when left out. */
  position: z.number().int().min(0).optional(),
});
export type CreateNodeInput = z.infer<typeof CreateNodeInputSchema>;

export const UpdateNodeInputSchema = z.object({
  code: NodeCodeSchema.optional(),
  kind: NodeKindSchema.optional(),
  name: LocalizedTextSchema.optional(),
  description: LocalizedTextSchema.nullable().optional(),
  colour: ColourSchema.nullable().optional(),
  hidden: z.boolean().optional(),
  levelDescriptors: z.record(z.string().regex(/^\d+$/), LocalizedTextSchema).nullable().optional(),
  /** Move under another parent (null = top level). */
  parentId: z.uuid().nullable().optional(),
  /** 0-based place among the (new) siblings. */
  position: z.number().int().min(0).optional(),
});
export type UpdateNodeInput = z.infer<typeof UpdateNodeInputSchema>;

export const IMPORT_FORMATS = ['json', 'case', 'csv', 'xlsx'] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

export const ImportFrameworkInputSchema = z.object({
  format: ImportFormatSchema,
  fileName: z.string().max(300).optional(),
  /** The file's text; for xlsx, base64 of its bytes. */
  content: z.string().max(20_000_000),
  /** For CSV/XLSX, which carry nodes only. */
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),
  name: LocalizedTextSchema.optional(),
  publish: z.boolean().optional(),
});
export type ImportFrameworkInput = z.infer<typeof ImportFrameworkInputSchema>;

export const ImportFrameworkResultSchema = z.object({
  frameworkId: z.uuid(),
  versionId: z.uuid(),
  status: VersionStatusSchema,
  /** True when an identical version already existed, so nothing was stored. */
  unchanged: z.boolean(),
  nodeCount: z.number().int(),
});
export type ImportFrameworkResult = z.infer<typeof ImportFrameworkResultSchema>;

export const EXPORT_FORMATS = ['json', 'case', 'csv', 'xlsx'] as const;
export const ExportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default('json') });

export const frameworksApi = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/v1/frameworks',
    summary: "Frameworks shipped with Evne and the organisation's own",
    tags: ['frameworks'],
    response: z.object({ items: z.array(FrameworkSummarySchema) }),
    status: 200,
  }),
  get: defineEndpoint({
    method: 'GET',
    path: '/api/v1/frameworks/:frameworkId',
    summary: 'One framework with its versions',
    tags: ['frameworks'],
    params: FrameworkIdParams,
    response: FrameworkSummarySchema,
    status: 200,
  }),
  adapt: defineEndpoint({
    method: 'POST',
    path: '/api/v1/frameworks/:frameworkId/adaptations',
    summary: "Copy the framework's latest published version into a new draft of the organisation",
    tags: ['frameworks'],
    params: FrameworkIdParams,
    body: AdaptFrameworkInputSchema,
    response: FrameworkSummarySchema,
    status: 201,
  }),
  createDraft: defineEndpoint({
    method: 'POST',
    path: '/api/v1/frameworks/:frameworkId/drafts',
    summary: 'Start a new draft version from the latest published one',
    tags: ['frameworks'],
    params: FrameworkIdParams,
    response: FrameworkVersionSchema,
    status: 201,
  }),
  import: defineEndpoint({
    method: 'POST',
    path: '/api/v1/frameworks/import',
    summary: 'Import a framework from JSON, CASE 1.1, CSV or XLSX; all or nothing',
    tags: ['frameworks'],
    body: ImportFrameworkInputSchema,
    response: ImportFrameworkResultSchema,
    status: 201,
  }),
  getVersion: defineEndpoint({
    method: 'GET',
    path: '/api/v1/framework-versions/:versionId',
    summary: 'A version with its scale and node tree, and what differs from its source',
    tags: ['frameworks'],
    params: VersionIdParams,
    response: FrameworkVersionSchema,
    status: 200,
  }),
  updateVersion: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/framework-versions/:versionId',
    summary: "Change a draft's name, description or scale",
    tags: ['frameworks'],
    params: VersionIdParams,
    body: UpdateVersionInputSchema,
    response: FrameworkVersionSchema,
    status: 200,
  }),
  deleteDraft: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/framework-versions/:versionId',
    summary: 'Discard a draft',
    tags: ['frameworks'],
    params: VersionIdParams,
    response: null,
    status: 204,
  }),
  publish: defineEndpoint({
    method: 'POST',
    path: '/api/v1/framework-versions/:versionId/publish',
    summary: 'Publish a draft; it never changes afterwards',
    tags: ['frameworks'],
    params: VersionIdParams,
    response: FrameworkVersionSchema,
    status: 200,
  }),
  createNode: defineEndpoint({
    method: 'POST',
    path: '/api/v1/framework-versions/:versionId/nodes',
    summary: 'Add a node to a draft',
    tags: ['frameworks'],
    params: VersionIdParams,
    body: CreateNodeInputSchema,
    response: FrameworkVersionSchema,
    status: 201,
  }),
  updateNode: defineEndpoint({
    method: 'PATCH',
    path: '/api/v1/framework-versions/:versionId/nodes/:nodeId',
    summary: 'Rename, hide, move or reorder a node of a draft, or edit its level descriptors',
    tags: ['frameworks'],
    params: NodeParams,
    body: UpdateNodeInputSchema,
    response: FrameworkVersionSchema,
    status: 200,
  }),
  deleteNode: defineEndpoint({
    method: 'DELETE',
    path: '/api/v1/framework-versions/:versionId/nodes/:nodeId',
    summary: 'Remove a node (and what is under it) from a draft',
    tags: ['frameworks'],
    params: NodeParams,
    response: FrameworkVersionSchema,
    status: 200,
  }),
};

/** Export is a file download, not JSON: declared here so that clients share the path. */
export const FRAMEWORK_EXPORT_PATH = '/api/v1/framework-versions/:versionId/export';
