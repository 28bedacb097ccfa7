import { z } from 'zod';
import type { Issue, Result } from '../errors.js';
import { LocaleSchema, LocalizedTextSchema } from '../i18n.js';

export const NODE_KINDS = ['area', 'subcategory', 'competence'] as const;
export const NodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKindSchema>;

/** `wheel` nodes are drawn on the wheel; `foundational` groups sit beside it (KL's underlying competences). */
export const NodeGroupSchema = z.enum(['wheel', 'foundational']);
export type NodeGroup = z.infer<typeof NodeGroupSchema>;

export const NodeCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Use letters, digits, dot, dash or underscore');

export const ColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f6f8b');

export const ScaleLevelSchema = z
  .object({
    value: z.number().int().min(0).max(100),
    label: LocalizedTextSchema,
    descriptor: LocalizedTextSchema.optional(),
  })
  .strict();
export type ScaleLevel = z.infer<typeof ScaleLevelSchema>;

export const ScaleSchema = z
  .object({
    levels: z.array(ScaleLevelSchema),
    /** The answer "not relevant / don't know", which is not a level. */
    notApplicable: z.object({ label: LocalizedTextSchema }).strict(),
  })
  .strict();
export type Scale = z.infer<typeof ScaleSchema>;

export const FrameworkNodeInputSchema = z
  .object({
    code: NodeCodeSchema,
    parent: NodeCodeSchema.nullable(),
    kind: NodeKindSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    colour: ColourSchema.optional(),
    group: NodeGroupSchema.optional(),
    hidden: z.boolean().optional(),
    /** Level descriptors for this competence only, keyed by level value. */
    levelDescriptors: z.record(z.string().regex(/^\d+$/), LocalizedTextSchema).optional(),
    /** Where the source says something about this node (provenance, uncertainty). */
    note: LocalizedTextSchema.optional(),
  })
  .strict();
export type FrameworkNodeInput = z.infer<typeof FrameworkNodeInputSchema>;

export const SourceSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    url: z.url().optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const KindCountsSchema = z
  .object({
    area: z.number().int().min(0).optional(),
    subcategory: z.number().int().min(0).optional(),
    competence: z.number().int().min(0).optional(),
  })
  .strict();
export type KindCounts = z.infer<typeof KindCountsSchema>;

export const CompletenessSchema = z
  .object({
    /** How many nodes of each kind the published model has, where the source says so. */
    expected: KindCountsSchema.optional(),
    note: LocalizedTextSchema.optional(),
  })
  .strict();
export type Completeness = z.infer<typeof CompletenessSchema>;

export const FRAMEWORK_FORMAT = 'evne-framework';

/** The app's own framework file format (documented in docs/framework.schema.json). */
export const FrameworkDocumentSchema = z
  .object({
    format: z.literal(FRAMEWORK_FORMAT),
    formatVersion: z.literal(1),
    key: z
      .string()
      .trim()
      .min(2)
      .max(80)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and dashes'),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    publisher: z.string().trim().min(1).max(300).optional(),
    versionLabel: z.string().trim().min(1).max(100).optional(),
    language: LocaleSchema.optional(),
    licence: z.string().trim().min(1).max(500).optional(),
    sources: z.array(SourceSchema).optional(),
    completeness: CompletenessSchema.optional(),
    scale: ScaleSchema,
    nodes: z.array(FrameworkNodeInputSchema),
  })
  .strict();
export type FrameworkDocument = z.infer<typeof FrameworkDocumentSchema>;

/** Turns a zod path into `nodes[3].name.da`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cursor: unknown = input;
  for (const part of path) {
    if (cursor === null || typeof cursor !== 'object') {
      return undefined;
    }
    cursor = (cursor as Record<PropertyKey, unknown>)[part];
  }
  return cursor;
}

function zodIssues(error: z.ZodError, input: unknown): Issue[] {
  return error.issues.map((issue) => ({
    code:
      issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined
        ? 'missing_field'
        : 'invalid_value',
    message: issue.message,
    path: formatJsonPath(issue.path),
  }));
}

/** The parts of a document that failed its schema which the structural checks can still read. */
function looseDocument(input: unknown): FrameworkDocument | undefined {
  if (input === null || typeof input !== 'object') {
    return undefined;
  }
  const record = input as Record<string, unknown>;
  const rawNodes = Array.isArray(record.nodes) ? (record.nodes as unknown[]) : [];
  const rawScale = record.scale as { levels?: unknown } | undefined;
  const rawLevels = Array.isArray(rawScale?.levels) ? (rawScale.levels as unknown[]) : undefined;
  const nodes = rawNodes.map((node) => {
    const item = (node ?? {}) as Record<string, unknown>;
    return {
      code: typeof item.code === 'string' ? item.code : `\u0000${Math.random()}`,
      parent: typeof item.parent === 'string' ? item.parent : null,
      kind: 'competence' as const,
      name: { en: 'x' },
    };
  });
  const levels = (rawLevels ?? []).map((level, index) => {
    const value = (level as { value?: unknown } | null)?.value;
    return { value: typeof value === 'number' ? value : index + 1, label: { en: 'x' } };
  });
  return {
    format: FRAMEWORK_FORMAT,
    formatVersion: 1,
    key: 'xx',
    name: { en: 'x' },
    // Without a readable scale, leave the scale checks to the schema's own message.
    scale: {
      levels: rawLevels
        ? levels
        : [
            { value: 1, label: { en: 'x' } },
            { value: 2, label: { en: 'x' } },
          ],
      notApplicable: { label: { en: 'x' } },
    },
    nodes,
  };
}

/**
 * Checks the rules a schema cannot: codes unique, parents known, no cycles, a scale with
 * levels in ascending order, descriptors only for known levels.
 */
export function findStructuralIssues(document: FrameworkDocument): Issue[] {
  const issues: Issue[] = [];
  const levels = document.scale.levels;
  if (levels.length < 2) {
    issues.push({
      code: 'empty_scale',
      message: 'The scale needs at least two levels',
      path: '$.scale.levels',
    });
  }
  for (let index = 1; index < levels.length; index += 1) {
    const previous = levels[index - 1];
    const current = levels[index];
    if (previous && current && current.value <= previous.value) {
      issues.push({
        code: 'level_out_of_order',
        message: `Level ${current.value} must be higher than the level before it (${previous.value})`,
        path: `$.scale.levels[${index}].value`,
        params: { value: current.value, previous: previous.value },
      });
    }
  }
  const levelValues = new Set(levels.map((level) => String(level.value)));

  const firstIndexByCode = new Map<string, number>();
  document.nodes.forEach((node, index) => {
    const seen = firstIndexByCode.get(node.code);
    if (seen !== undefined) {
      issues.push({
        code: 'duplicate_code',
        message: `Code "${node.code}" is used more than once (first at nodes[${seen}])`,
        path: `$.nodes[${index}].code`,
        params: { code: node.code },
      });
    } else {
      firstIndexByCode.set(node.code, index);
    }
  });

  document.nodes.forEach((node, index) => {
    if (node.parent !== null && !firstIndexByCode.has(node.parent)) {
      issues.push({
        code: 'unknown_parent',
        message: `Parent "${node.parent}" of "${node.code}" does not exist`,
        path: `$.nodes[${index}].parent`,
        params: { code: node.code, parent: node.parent },
      });
    }
    if (node.parent === node.code) {
      return;
    }
    for (const key of Object.keys(node.levelDescriptors ?? {})) {
      if (!levelValues.has(key)) {
        issues.push({
          code: 'unknown_level',
          message: `Level ${key} is not on the scale`,
          path: `$.nodes[${index}].levelDescriptors.${key}`,
          params: { level: key },
        });
      }
    }
  });

  const parentOf = new Map<string, string | null>();
  for (const node of document.nodes) {
    if (!parentOf.has(node.code)) {
      parentOf.set(node.code, node.parent);
    }
  }
  const reported = new Set<string>();
  document.nodes.forEach((node, index) => {
    const visited = new Set<string>([node.code]);
    let cursor = node.parent;
    while (cursor !== null && parentOf.has(cursor)) {
      if (visited.has(cursor)) {
        if (!reported.has(cursor)) {
          for (const member of visited) {
            reported.add(member);
          }
          issues.push({
            code: 'cycle',
            message: `"${node.code}" is its own ancestor (cycle through "${cursor}")`,
            path: `$.nodes[${index}].parent`,
            params: { code: node.code },
          });
        }
        break;
      }
      visited.add(cursor);
      cursor = parentOf.get(cursor) ?? null;
    }
  });
  return issues;
}

/** Validates an already-parsed framework document, collecting every problem. */
export function validateFrameworkDocument(input: unknown): Result<FrameworkDocument> {
  const parsed = FrameworkDocumentSchema.safeParse(input);
  if (!parsed.success) {
    // Report the tree's problems too, so that one pass lists everything wrong with the file.
    const issues = zodIssues(parsed.error, input);
    const loose = looseDocument(input);
    const seen = new Set(issues.map((issue) => issue.path));
    const structural = loose
      ? findStructuralIssues(loose).filter((issue) => !seen.has(issue.path))
      : [];
    return { ok: false, issues: [...issues, ...structural] };
  }
  const issues = findStructuralIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/** Converts a character offset in a text to a 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lastBreak = index;
    }
  }
  return { line, column: offset - lastBreak };
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJsonText(text: string): Result<unknown> {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(clean) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(message);
    const offset = match?.[1] !== undefined ? Number(match[1]) : clean.length;
    const { line, column } = lineAndColumn(clean, offset);
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_json',
          message: `The file is not valid JSON: ${message}`,
          line,
          column: String(column),
        },
      ],
    };
  }
}

/** Parses and validates the app's JSON framework file. */
export function parseFrameworkJson(text: string): Result<FrameworkDocument> {
  const parsed = parseJsonText(text);
  return parsed.ok ? validateFrameworkDocument(parsed.value) : parsed;
}

/**
 * The canonical form of a document: nodes depth-first (parents before children, siblings in
 * their given order), default values left out. Export writes this form, so a canonical document
 * survives import and export unchanged.
 */
export function canonicalFrameworkDocument(document: FrameworkDocument): FrameworkDocument {
  const children = new Map<string | null, FrameworkNodeInput[]>();
  const codes = new Set(document.nodes.map((node) => node.code));
  for (const node of document.nodes) {
    const parent = node.parent !== null && codes.has(node.parent) ? node.parent : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  const ordered: FrameworkNodeInput[] = [];
  const visit = (parent: string | null) => {
    for (const node of children.get(parent) ?? []) {
      const { hidden, group, levelDescriptors, ...rest } = node;
      ordered.push({
        ...rest,
        ...(group !== undefined && group !== 'wheel' ? { group } : {}),
        ...(hidden === true ? { hidden } : {}),
        ...(levelDescriptors !== undefined && Object.keys(levelDescriptors).length > 0
          ? { levelDescriptors }
          : {}),
      });
      visit(node.code);
    }
  };
  visit(null);
  return { ...document, nodes: ordered };
}
