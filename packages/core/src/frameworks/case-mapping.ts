import { z } from 'zod';
import type { Issue, Result } from '../errors.js';
import { resolveText, type Locale, type LocalizedText } from '../i18n.js';
import { DEFAULT_SCALE } from './default-scale.js';
import {
  FRAMEWORK_FORMAT,
  FrameworkDocumentSchema,
  FrameworkNodeInputSchema,
  ScaleSchema,
  findStructuralIssues,
  formatJsonPath,
  validateFrameworkDocument,
  type FrameworkDocument,
  type FrameworkNodeInput,
  type NodeKind,
  type Scale,
} from './framework-document.js';

// ---------------------------------------------------------------------------------------------
// CASE 1.1 schemas: the subset we read and write, lenient on input (unknown keys kept, nulls
// dropped, `sourcedId` accepted for `identifier`) because real exports differ from the schema.
// ---------------------------------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normalizeCaseObject(value: unknown): unknown {
  if (!isRecord(value)) {
    return value;
  }
  const out: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== null) {
      out[key] = entry;
    }
  }
  if (out['identifier'] === undefined && typeof out['sourcedId'] === 'string') {
    out['identifier'] = out['sourcedId'];
  }
  return out;
}

function caseObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess(normalizeCaseObject, z.looseObject(shape));
}

const identifierField = z.string().trim().min(1);
const optionalText = z.string().optional();
const lenientNumber = z.preprocess(
  (value) =>
    typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? Number(value)
      : value,
  z.number(),
);
const extensionsObject = z.record(z.string(), z.unknown());

/** CASE LinkURI (a link to another CASE object). */
export const CaseLinkSchema = caseObject({
  identifier: identifierField,
  title: optionalText,
  uri: optionalText,
});
export type CaseLink = z.infer<typeof CaseLinkSchema>;

/** CASE LinkGenURI (an association end, which may point outside CASE). */
export const CaseLinkGenSchema = caseObject({
  identifier: identifierField,
  title: optionalText,
  uri: optionalText,
  targetType: optionalText,
});
export type CaseLinkGen = z.infer<typeof CaseLinkGenSchema>;

export const CaseDocumentSchema = caseObject({
  identifier: identifierField,
  uri: optionalText,
  creator: optionalText,
  title: z.string().trim().min(1),
  lastChangeDateTime: optionalText,
  frameworkType: optionalText,
  caseVersion: optionalText,
  officialSourceURL: optionalText,
  publisher: optionalText,
  description: optionalText,
  language: optionalText,
  version: optionalText,
  licenseURI: CaseLinkSchema.optional(),
  notes: optionalText,
  extensions: extensionsObject.optional(),
});
export type CaseDocument = z.infer<typeof CaseDocumentSchema>;

export const CaseItemSchema = caseObject({
  identifier: identifierField,
  uri: optionalText,
  fullStatement: z.string().trim().min(1),
  humanCodingScheme: optionalText,
  abbreviatedStatement: optionalText,
  CFItemType: optionalText,
  CFItemTypeURI: CaseLinkSchema.optional(),
  notes: optionalText,
  language: optionalText,
  lastChangeDateTime: optionalText,
  extensions: extensionsObject.optional(),
});
export type CaseItem = z.infer<typeof CaseItemSchema>;

export const CaseAssociationSchema = caseObject({
  identifier: identifierField,
  uri: optionalText,
  associationType: z.string().trim().min(1),
  originNodeURI: CaseLinkGenSchema,
  destinationNodeURI: CaseLinkGenSchema,
  sequenceNumber: lenientNumber.optional(),
  lastChangeDateTime: optionalText,
  extensions: extensionsObject.optional(),
});
export type CaseAssociation = z.infer<typeof CaseAssociationSchema>;

export const CaseItemTypeSchema = caseObject({
  identifier: identifierField,
  uri: optionalText,
  title: z.string(),
  description: optionalText,
  hierarchyCode: optionalText,
  typeCode: optionalText,
  lastChangeDateTime: optionalText,
  extensions: extensionsObject.optional(),
});
export type CaseItemType = z.infer<typeof CaseItemTypeSchema>;

export const CaseDefinitionsSchema = caseObject({
  CFItemTypes: z.array(CaseItemTypeSchema).optional(),
});

export const CaseRubricCriterionLevelSchema = caseObject({
  identifier: identifierField,
  uri: optionalText,
  lastChangeDateTime: optionalText,
  description: optionalText,
  quality: optionalText,
  score: lenientNumber.optional(),
  feedback: optionalText,
  position: lenientNumber.optional(),
  rubricCriterionId: optionalText,
  // An array in the 1.1 schema, an object everywhere else; tolerate both.
  extensions: z.union([z.array(z.unknown()), extensionsObject]).optional(),
});
export type CaseRubricCriterionLevel = z.infer<typeof CaseRubricCriterionLevelSchema>;

export const CaseRubricCriterionSchema = caseObject({
  identifier: identifierField,
  uri: optionalText,
  lastChangeDateTime: optionalText,
  category: optionalText,
  description: optionalText,
  CFItemURI: CaseLinkSchema.optional(),
  weight: lenientNumber.optional(),
  position: lenientNumber.optional(),
  rubricId: optionalText,
  CFRubricCriterionLevels: z.array(CaseRubricCriterionLevelSchema).optional(),
  extensions: extensionsObject.optional(),
});
export type CaseRubricCriterion = z.infer<typeof CaseRubricCriterionSchema>;

export const CaseRubricSchema = caseObject({
  identifier: identifierField,
  uri: optionalText,
  lastChangeDateTime: optionalText,
  title: optionalText,
  description: optionalText,
  CFRubricCriteria: z.array(CaseRubricCriterionSchema).optional(),
  extensions: extensionsObject.optional(),
});
export type CaseRubric = z.infer<typeof CaseRubricSchema>;

/** A CASE 1.1 CFPackage (the parts Evne reads and writes; other keys are kept). */
export const CasePackageSchema = z.looseObject({
  CFDocument: CaseDocumentSchema,
  CFItems: z.array(CaseItemSchema).optional(),
  CFAssociations: z.array(CaseAssociationSchema).optional(),
  CFDefinitions: CaseDefinitionsSchema.optional(),
  CFRubrics: z.array(CaseRubricSchema).optional(),
  extensions: extensionsObject.optional(),
});
export type CasePackage = z.infer<typeof CasePackageSchema>;

// What CASE cannot carry travels under `extensions.evne` on the object it belongs to.
const documentShape = FrameworkDocumentSchema.shape;
const EvneDocumentExtensionSchema = z.object({
  key: documentShape.key,
  name: documentShape.name,
  description: documentShape.description,
  language: documentShape.language,
  licence: documentShape.licence,
  sources: documentShape.sources,
  completeness: documentShape.completeness,
});
type EvneDocumentExtension = z.infer<typeof EvneDocumentExtensionSchema>;

const nodeShape = FrameworkNodeInputSchema.shape;
const EvneItemExtensionSchema = z.object({
  kind: nodeShape.kind,
  name: nodeShape.name,
  description: nodeShape.description,
  colour: nodeShape.colour,
  group: nodeShape.group,
  hidden: nodeShape.hidden,
  note: nodeShape.note,
  levelDescriptors: nodeShape.levelDescriptors,
});
type EvneItemExtension = z.infer<typeof EvneItemExtensionSchema>;

const EvneRubricExtensionSchema = z.object({ scale: ScaleSchema });

const DOCUMENT_EXTENSION_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(EvneDocumentExtensionSchema.shape),
);
const ITEM_EXTENSION_FIELDS: ReadonlySet<string> = new Set(
  Object.keys(EvneItemExtensionSchema.shape),
);

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

const FALLBACK_ORDER: Record<Locale, readonly Locale[]> = {
  da: ['da', 'nb', 'en'],
  nb: ['nb', 'da', 'en'],
  en: ['en', 'da', 'nb'],
};

/** The text `resolveText` would pick, with the language it came from. */
function pickText(
  value: LocalizedText | undefined,
  locale: Locale,
): { text: string; locale: Locale } | undefined {
  if (value === undefined) {
    return undefined;
  }
  for (const candidate of FALLBACK_ORDER[locale]) {
    const text = value[candidate];
    if (text !== undefined) {
      return { text, locale: candidate };
    }
  }
  return undefined;
}

function textIn(locale: Locale, text: string): LocalizedText {
  const out: LocalizedText = {};
  out[locale] = text;
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Maps a BCP 47 tag such as `da-DK` or `no` to a supported locale. */
function toLocale(tag: string | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'da' || primary === 'en' || primary === 'nb') {
    return primary;
  }
  return primary === 'no' ? 'nb' : undefined;
}

const ITEM_TYPE_LABELS: Record<NodeKind, string> = {
  area: 'Kompetenceområde',
  subcategory: 'Underkategori',
  competence: 'Kompetence',
};

const ITEM_TYPE_DESCRIPTIONS: Record<NodeKind, string> = {
  area: 'A competence area: the top level of the framework.',
  subcategory: 'A sub-category that groups competences within an area.',
  competence: 'A competence that people rate themselves on.',
};

const HIERARCHY_CODES: Record<NodeKind, string> = { area: '1', subcategory: '2', competence: '3' };

const KIND_BY_LABEL = new Map<string, NodeKind>([
  ['area', 'area'],
  ['competence area', 'area'],
  ['domain', 'area'],
  ['kompetenceområde', 'area'],
  ['kompetanseområde', 'area'],
  ['område', 'area'],
  ['subcategory', 'subcategory'],
  ['sub-category', 'subcategory'],
  ['sub category', 'subcategory'],
  ['sub-area', 'subcategory'],
  ['subarea', 'subcategory'],
  ['underkategori', 'subcategory'],
  ['underområde', 'subcategory'],
  ['competence', 'competence'],
  ['competency', 'competence'],
  ['kompetence', 'competence'],
  ['kompetanse', 'competence'],
]);

/** Reads a node kind from a label such as `Kompetenceområde`, `Area` or `competence`. */
export function nodeKindFromLabel(label: string | undefined): NodeKind | undefined {
  if (label === undefined) {
    return undefined;
  }
  return KIND_BY_LABEL.get(label.trim().toLowerCase().replace(/\s+/g, ' '));
}

/**
 * Guesses a node kind from its depth (1 = top level): areas at the top, competences at depth 3
 * and below, and at depth 2 a sub-category if it has children, else a competence.
 */
export function nodeKindForDepth(depth: number, hasChildren: boolean): NodeKind {
  if (depth <= 1) {
    return 'area';
  }
  if (depth === 2 && hasChildren) {
    return 'subcategory';
  }
  return 'competence';
}

function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'framework';
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

// A type alias, not an interface, so it fits the loose (index-signature) CASE types.
type Link = { identifier: string; uri: string; title: string };

export interface FrameworkToCaseOptions {
  /** Base of every object's `uri`: `${baseUri}/CFItems/<identifier>`. */
  baseUri: string;
  /** RFC 3339 time written as every object's `lastChangeDateTime`. */
  now: string;
  /**
   * Returns a lowercase RFC 4122 UUID for a key that is unique within this document
   * (`document`, `node:<code>`, …); namespace it per framework so identifiers stay global.
   */
  identifierFor: (key: string) => string;
}

/** Converts a framework document to a CASE 1.1 package, keeping what CASE cannot say in `extensions.evne`. */
export function frameworkToCase(
  doc: FrameworkDocument,
  options: FrameworkToCaseOptions,
): CasePackage {
  const { now, identifierFor } = options;
  const base = options.baseUri.replace(/\/+$/, '');
  const uriOf = (type: string, identifier: string): string => `${base}/${type}/${identifier}`;
  const primary: Locale = doc.language ?? 'da';

  const title = pickText(doc.name, primary) ?? { text: doc.key, locale: primary };
  const documentId = identifierFor('document');
  const documentLink: Link = {
    identifier: documentId,
    uri: uriOf('CFDocuments', documentId),
    title: title.text,
  };

  const documentExtension: EvneDocumentExtension = {
    key: doc.key,
    name: doc.name,
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    ...(doc.language !== undefined ? { language: doc.language } : {}),
    ...(doc.licence !== undefined ? { licence: doc.licence } : {}),
    ...(doc.sources !== undefined ? { sources: doc.sources } : {}),
    ...(doc.completeness !== undefined ? { completeness: doc.completeness } : {}),
  };
  const documentDescription = pickText(doc.description, primary);
  const cfDocument: CaseDocument = {
    identifier: documentId,
    uri: documentLink.uri,
    creator: doc.publisher ?? 'Evne',
    title: title.text,
    lastChangeDateTime: now,
    frameworkType: 'digital-competence',
    caseVersion: '1.1',
    language: doc.language ?? title.locale,
    ...(doc.publisher !== undefined ? { publisher: doc.publisher } : {}),
    ...(documentDescription !== undefined ? { description: documentDescription.text } : {}),
    ...(doc.versionLabel !== undefined ? { version: doc.versionLabel } : {}),
    extensions: { evne: documentExtension },
  };

  const itemTypeLinks = new Map<NodeKind, Link>();
  const itemTypeLink = (kind: NodeKind): Link => {
    let link = itemTypeLinks.get(kind);
    if (link === undefined) {
      const identifier = identifierFor(`item-type:${kind}`);
      link = { identifier, uri: uriOf('CFItemTypes', identifier), title: ITEM_TYPE_LABELS[kind] };
      itemTypeLinks.set(kind, link);
    }
    return link;
  };

  const itemLinks = new Map<string, Link>();
  const items: CaseItem[] = doc.nodes.map((node) => {
    const name = pickText(node.name, primary) ?? { text: node.code, locale: primary };
    const notes = pickText(node.description, primary);
    const identifier = identifierFor(`node:${node.code}`);
    const uri = uriOf('CFItems', identifier);
    itemLinks.set(node.code, { identifier, uri, title: name.text });
    const extension: EvneItemExtension = {
      kind: node.kind,
      name: node.name,
      ...(node.description !== undefined ? { description: node.description } : {}),
      ...(node.colour !== undefined ? { colour: node.colour } : {}),
      ...(node.group !== undefined ? { group: node.group } : {}),
      ...(node.hidden !== undefined ? { hidden: node.hidden } : {}),
      ...(node.note !== undefined ? { note: node.note } : {}),
      ...(node.levelDescriptors !== undefined ? { levelDescriptors: node.levelDescriptors } : {}),
    };
    return {
      identifier,
      uri,
      fullStatement: name.text,
      humanCodingScheme: node.code,
      CFItemType: ITEM_TYPE_LABELS[node.kind],
      CFItemTypeURI: itemTypeLink(node.kind),
      ...(notes !== undefined ? { notes: notes.text } : {}),
      language: name.locale,
      lastChangeDateTime: now,
      extensions: { evne: extension },
    };
  });

  const siblingCounts = new Map<string | null, number>();
  const associations: CaseAssociation[] = doc.nodes.map((node) => {
    const parentLink = node.parent === null ? undefined : itemLinks.get(node.parent);
    const parentKey = parentLink === undefined ? null : node.parent;
    const sequenceNumber = (siblingCounts.get(parentKey) ?? 0) + 1;
    siblingCounts.set(parentKey, sequenceNumber);
    const identifier = identifierFor(`association:${node.code}`);
    const origin = itemLinks.get(node.code) ?? documentLink;
    return {
      identifier,
      uri: uriOf('CFAssociations', identifier),
      associationType: 'isChildOf',
      originNodeURI: origin,
      destinationNodeURI: parentLink ?? documentLink,
      sequenceNumber,
      lastChangeDateTime: now,
    };
  });

  const rubricId = identifierFor('rubric:scale');
  const labelOf = new Map(doc.scale.levels.map((level) => [level.value, level.label]));
  const criterion = (
    key: string,
    position: number,
    levels: ReadonlyArray<{ value: number; quality?: string; description?: string }>,
    extra: { CFItemURI: Link } | { category: string },
  ): CaseRubricCriterion => {
    const identifier = identifierFor(`criterion:${key}`);
    return {
      identifier,
      uri: uriOf('CFRubricCriteria', identifier),
      lastChangeDateTime: now,
      ...extra,
      position,
      rubricId,
      CFRubricCriterionLevels: levels.map((level) => {
        const levelId = identifierFor(`level:${key}:${level.value}`);
        return {
          identifier: levelId,
          uri: uriOf('CFRubricCriterionLevels', levelId),
          lastChangeDateTime: now,
          position: level.value,
          score: level.value,
          ...(level.quality !== undefined ? { quality: level.quality } : {}),
          ...(level.description !== undefined ? { description: level.description } : {}),
          rubricCriterionId: identifier,
        };
      }),
    };
  };

  const criteria: CaseRubricCriterion[] = [
    criterion(
      'scale',
      1,
      doc.scale.levels.map((level) => {
        const quality = pickText(level.label, primary);
        const description = pickText(level.descriptor, primary);
        return {
          value: level.value,
          ...(quality !== undefined ? { quality: quality.text } : {}),
          ...(description !== undefined ? { description: description.text } : {}),
        };
      }),
      { category: 'scale' },
    ),
  ];
  for (const node of doc.nodes) {
    const link = itemLinks.get(node.code);
    if (node.levelDescriptors === undefined || link === undefined) {
      continue;
    }
    const levels = Object.entries(node.levelDescriptors)
      .map(([value, text]) => ({ value: Number(value), text }))
      .sort((a, b) => a.value - b.value)
      .map(({ value, text }) => {
        const quality = pickText(labelOf.get(value), primary);
        const description = pickText(text, primary);
        return {
          value,
          ...(quality !== undefined ? { quality: quality.text } : {}),
          ...(description !== undefined ? { description: description.text } : {}),
        };
      });
    criteria.push(criterion(`node:${node.code}`, criteria.length + 1, levels, { CFItemURI: link }));
  }

  const rubric: CaseRubric = {
    identifier: rubricId,
    uri: uriOf('CFRubrics', rubricId),
    lastChangeDateTime: now,
    title: primary === 'en' ? 'Scale' : 'Skala',
    description: `Proficiency scale of ${title.text}`,
    CFRubricCriteria: criteria,
    extensions: { evne: { scale: doc.scale } },
  };

  const usedKinds = [...new Set(doc.nodes.map((node) => node.kind))];
  const itemTypes: CaseItemType[] = usedKinds.map((kind) => {
    const link = itemTypeLink(kind);
    return {
      identifier: link.identifier,
      uri: link.uri,
      title: ITEM_TYPE_LABELS[kind],
      description: ITEM_TYPE_DESCRIPTIONS[kind],
      hierarchyCode: HIERARCHY_CODES[kind],
      typeCode: kind,
      lastChangeDateTime: now,
    };
  });

  return {
    CFDocument: cfDocument,
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFItemTypes: itemTypes },
    CFRubrics: [rubric],
  };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export interface CaseToFrameworkOptions {
  /** The framework key; defaults to the key in Evne's extension or a slug of the title. */
  key?: string;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cursor: unknown = root;
  for (const part of path) {
    if (Array.isArray(cursor) && typeof part === 'number') {
      cursor = cursor[part];
    } else if (isRecord(cursor) && typeof part === 'string') {
      cursor = cursor[part];
    } else {
      return undefined;
    }
  }
  return cursor;
}

function schemaIssues(
  error: z.ZodError,
  raw: unknown,
  prefix: string,
  identifier: string | undefined,
): Issue[] {
  return error.issues.map((issue) => ({
    code: valueAt(raw, issue.path) == null ? 'missing_field' : 'invalid_value',
    message: issue.message,
    path: prefix + formatJsonPath(issue.path).slice(1),
    ...(identifier !== undefined ? { identifier } : {}),
  }));
}

function rawIdentifier(value: unknown): string | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const candidate = value['identifier'] ?? value['sourcedId'];
  return typeof candidate === 'string' ? nonEmpty(candidate) : undefined;
}

function listField(input: JsonObject, field: string, issues: Issue[]): unknown[] {
  const value = input[field];
  if (value === undefined || value === null) {
    return [];
  }
  if (Array.isArray(value)) {
    return value;
  }
  issues.push({ code: 'invalid_value', message: `${field} must be a list`, path: `$.${field}` });
  return [];
}

/** Where a part of the built document came from, so its validation issues point into the package. */
interface Locator {
  identifier?: string;
  path: string;
  fields?: Readonly<Record<string, string>>;
  extension?: { path: string; fields: ReadonlySet<string> };
}

function locate(rest: string, locator: Locator): { path: string; identifier?: string } {
  const field = /^\.([A-Za-z]+)/.exec(rest)?.[1];
  let path = locator.path;
  if (field !== undefined) {
    const mapped = locator.fields?.[field];
    if (locator.extension?.fields.has(field) === true) {
      path = locator.extension.path + rest;
    } else if (mapped !== undefined) {
      path = mapped;
    }
  }
  return locator.identifier !== undefined ? { path, identifier: locator.identifier } : { path };
}

interface ItemEntry {
  item: CaseItem;
  index: number;
  extension: EvneItemExtension | undefined;
}

interface Placement {
  parent: string | null;
  sequence: number | undefined;
  associationIndex: number;
}

/** Issue codes this module checks in CASE terms, so the document-level duplicates are dropped. */
const TREE_ISSUE_CODES: ReadonlySet<string> = new Set([
  'duplicate_code',
  'unknown_parent',
  'cycle',
]);

/** Adds the structural issues of a draft that failed the schema check (and so was not checked further). */
export function withStructuralIssues(draft: FrameworkDocument, issues: readonly Issue[]): Issue[] {
  const seen = new Set(issues.map((issue) => `${issue.code} ${issue.path ?? ''}`));
  return [
    ...issues,
    ...findStructuralIssues(draft).filter(
      (issue) => !seen.has(`${issue.code} ${issue.path ?? ''}`),
    ),
  ];
}

function levelValue(level: CaseRubricCriterionLevel, index: number): number {
  if (level.score !== undefined && Number.isInteger(level.score)) {
    return level.score;
  }
  if (level.position !== undefined && Number.isInteger(level.position)) {
    return level.position;
  }
  return index + 1;
}

/** Merges a CASE text (one language) into the full text kept in the extension, if it was edited. */
function mergeText(
  full: LocalizedText | undefined,
  text: string | undefined,
  locale: Locale,
  primary: Locale,
): LocalizedText | undefined {
  if (text === undefined) {
    return full;
  }
  if (full === undefined) {
    return textIn(locale, text);
  }
  return resolveText(full, primary) === text ? full : { ...full, ...textIn(locale, text) };
}

/** The scale: Evne's extension on a rubric, else a criterion without CFItemURI, else the default. */
function readScale(
  rubrics: ReadonlyArray<{ rubric: CaseRubric; index: number }>,
  locale: Locale,
  issues: Issue[],
): {
  scale: Scale;
  locateScale: (rest: string) => { path: string; identifier?: string } | undefined;
} {
  const ownRubric = rubrics.find(({ rubric }) => rubric.extensions?.['evne'] !== undefined);
  if (ownRubric !== undefined) {
    const { rubric, index } = ownRubric;
    const path = `$.CFRubrics[${index}].extensions.evne`;
    const raw = rubric.extensions?.['evne'];
    const parsed = EvneRubricExtensionSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...schemaIssues(parsed.error, raw, path, rubric.identifier));
      return { scale: DEFAULT_SCALE, locateScale: () => undefined };
    }
    return {
      scale: parsed.data.scale,
      locateScale: (rest) => ({ path: `${path}.scale${rest}`, identifier: rubric.identifier }),
    };
  }
  for (const { rubric, index } of rubrics) {
    const criteria = rubric.CFRubricCriteria ?? [];
    const criterionIndex = criteria.findIndex((criterion) => criterion.CFItemURI === undefined);
    const criterion = criteria[criterionIndex];
    if (criterion === undefined) {
      continue;
    }
    const path = `$.CFRubrics[${index}].CFRubricCriteria[${criterionIndex}]`;
    const levels = (criterion.CFRubricCriterionLevels ?? [])
      .map((level, levelIndex) => ({ level, levelIndex, value: levelValue(level, levelIndex) }))
      .sort((a, b) => a.value - b.value || a.levelIndex - b.levelIndex);
    const scale: Scale = {
      levels: levels.map(({ level, value }) => {
        const quality = nonEmpty(level.quality);
        const description = nonEmpty(level.description);
        return {
          value,
          label: textIn(locale, quality ?? description ?? String(value)),
          ...(quality !== undefined && description !== undefined
            ? { descriptor: textIn(locale, description) }
            : {}),
        };
      }),
      notApplicable: DEFAULT_SCALE.notApplicable,
    };
    return {
      scale,
      locateScale: (rest) => {
        const levelIndex = /^\.levels\[(\d+)\]/.exec(rest)?.[1];
        const level = levelIndex === undefined ? undefined : levels[Number(levelIndex)];
        return level === undefined
          ? { path, identifier: criterion.identifier }
          : {
              path: `${path}.CFRubricCriterionLevels[${level.levelIndex}]`,
              identifier: level.level.identifier,
            };
      },
    };
  }
  return { scale: DEFAULT_SCALE, locateScale: () => undefined };
}

interface DocumentPart {
  document: CaseDocument | undefined;
  identifier: string | undefined;
  extension: EvneDocumentExtension | undefined;
}

function readDocument(input: JsonObject, issues: Issue[]): DocumentPart {
  const raw = input['CFDocument'];
  if (raw === undefined || raw === null) {
    issues.push({
      code: 'missing_document',
      message: 'The package has no CFDocument',
      path: '$.CFDocument',
    });
    return { document: undefined, identifier: undefined, extension: undefined };
  }
  const identifier = rawIdentifier(raw);
  const parsed = CaseDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    issues.push(...schemaIssues(parsed.error, raw, '$.CFDocument', identifier));
    return { document: undefined, identifier, extension: undefined };
  }
  const rawExtension = parsed.data.extensions?.['evne'];
  if (rawExtension === undefined) {
    return { document: parsed.data, identifier, extension: undefined };
  }
  const extension = EvneDocumentExtensionSchema.safeParse(rawExtension);
  if (!extension.success) {
    issues.push(
      ...schemaIssues(extension.error, rawExtension, '$.CFDocument.extensions.evne', identifier),
    );
  }
  return {
    document: parsed.data,
    identifier,
    extension: extension.success ? extension.data : undefined,
  };
}

interface ItemsPart {
  entries: ItemEntry[];
  byId: Map<string, ItemEntry>;
  /** Identifiers of every item in the input, valid or not, so children of a bad item stay quiet. */
  rawIds: Set<string>;
}

function readItems(input: JsonObject, documentId: string | undefined, issues: Issue[]): ItemsPart {
  const part: ItemsPart = { entries: [], byId: new Map(), rawIds: new Set() };
  listField(input, 'CFItems', issues).forEach((raw, index) => {
    const path = `$.CFItems[${index}]`;
    const identifier = rawIdentifier(raw);
    if (identifier !== undefined) {
      if (part.rawIds.has(identifier) || identifier === documentId) {
        issues.push({
          code: 'duplicate_identifier',
          message: `Identifier ${identifier} is used by more than one object`,
          path: `${path}.identifier`,
          identifier,
        });
        return;
      }
      part.rawIds.add(identifier);
    }
    const parsed = CaseItemSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...schemaIssues(parsed.error, raw, path, identifier));
      return;
    }
    let extension: EvneItemExtension | undefined;
    const rawExtension = parsed.data.extensions?.['evne'];
    if (rawExtension !== undefined) {
      const result = EvneItemExtensionSchema.safeParse(rawExtension);
      if (result.success) {
        extension = result.data;
      } else {
        issues.push(
          ...schemaIssues(result.error, rawExtension, `${path}.extensions.evne`, identifier),
        );
      }
    }
    const entry: ItemEntry = { item: parsed.data, index, extension };
    part.entries.push(entry);
    part.byId.set(parsed.data.identifier, entry);
  });
  return part;
}

/** Reads the hierarchy (`origin isChildOf destination`); other association types are not ours. */
function readPlacements(
  input: JsonObject,
  documentId: string | undefined,
  items: ItemsPart,
  issues: Issue[],
): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  listField(input, 'CFAssociations', issues).forEach((raw, index) => {
    if (!isRecord(raw) || raw['associationType'] !== 'isChildOf') {
      return;
    }
    const path = `$.CFAssociations[${index}]`;
    const parsed = CaseAssociationSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...schemaIssues(parsed.error, raw, path, rawIdentifier(raw)));
      return;
    }
    const association = parsed.data;
    const origin = association.originNodeURI.identifier;
    const destination = association.destinationNodeURI.identifier;
    if (!items.byId.has(origin)) {
      return; // about a node of another framework, or an item already reported as invalid
    }
    let parent: string | null;
    if (destination === documentId) {
      parent = null;
    } else if (items.rawIds.has(destination)) {
      parent = destination;
    } else {
      const targetType = nonEmpty(association.destinationNodeURI.targetType);
      if ((targetType !== undefined && targetType !== 'CASE') || documentId === undefined) {
        return; // points outside CASE, or we cannot tell the document from an unknown node
      }
      issues.push({
        code: 'unknown_parent',
        message: `Item ${origin} is a child of ${destination}, which is not in this package`,
        path: `${path}.destinationNodeURI.identifier`,
        identifier: origin,
        params: { association: association.identifier, parent: destination },
      });
      return;
    }
    const existing = placements.get(origin);
    if (existing === undefined) {
      placements.set(origin, {
        parent,
        sequence: association.sequenceNumber,
        associationIndex: index,
      });
    } else if (existing.parent !== parent) {
      issues.push({
        code: 'multiple_parents',
        message: `Item ${origin} is a child of more than one node`,
        path,
        identifier: origin,
        params: {
          association: association.identifier,
          first: existing.parent ?? documentId ?? '',
          second: parent ?? documentId ?? '',
        },
      });
    }
  });
  return placements;
}

/** Reports each isChildOf cycle once, at its earliest item, and cuts it there. */
function breakCycles(
  items: ItemsPart,
  placements: Map<string, Placement>,
  parentOf: (identifier: string) => string | null,
  issues: Issue[],
): void {
  const indexOf = (identifier: string): number => items.byId.get(identifier)?.index ?? 0;
  const state = new Map<string, 'open' | 'done'>();
  for (const entry of items.entries) {
    const trail: string[] = [];
    let cursor: string | null = entry.item.identifier;
    while (cursor !== null && !state.has(cursor)) {
      state.set(cursor, 'open');
      trail.push(cursor);
      cursor = parentOf(cursor);
    }
    if (cursor !== null && state.get(cursor) === 'open') {
      const members = trail.slice(trail.indexOf(cursor));
      const first = members.reduce((best, id) => (indexOf(id) < indexOf(best) ? id : best));
      const placement = placements.get(first);
      issues.push({
        code: 'cycle',
        message: `Item ${first} is its own ancestor (an isChildOf cycle of ${members.length} item(s))`,
        path:
          placement !== undefined
            ? `$.CFAssociations[${placement.associationIndex}]`
            : `$.CFItems[${indexOf(first)}]`,
        identifier: first,
        params: { items: members.join(', ') },
      });
      if (placement !== undefined) {
        placement.parent = null;
      }
    }
    for (const id of trail) {
      state.set(id, 'done');
    }
  }
}

interface PlacedItem {
  code: string;
  parentCode: string | null;
  depth: number;
}

interface Tree {
  children: Map<string | null, ItemEntry[]>;
  placed: Map<string, PlacedItem>;
  depthFirst: ItemEntry[];
}

/** Orders siblings (sequenceNumber, then input order) and gives every item its code. */
function layOutTree(
  items: ItemsPart,
  placements: ReadonlyMap<string, Placement>,
  parentOf: (identifier: string) => string | null,
  issues: Issue[],
): Tree {
  const children = new Map<string | null, ItemEntry[]>();
  for (const entry of items.entries) {
    const parent = parentOf(entry.item.identifier);
    const siblings = children.get(parent);
    if (siblings === undefined) {
      children.set(parent, [entry]);
    } else {
      siblings.push(entry);
    }
  }
  const sequenceOf = (entry: ItemEntry): number =>
    placements.get(entry.item.identifier)?.sequence ?? Number.POSITIVE_INFINITY;
  for (const siblings of children.values()) {
    siblings.sort((a, b) => sequenceOf(a) - sequenceOf(b) || a.index - b.index);
  }

  // Codes: humanCodingScheme, else derived from the position ("2", "2.3").
  const usedCodes = new Set<string>();
  for (const entry of items.entries) {
    const code = nonEmpty(entry.item.humanCodingScheme);
    if (code !== undefined && usedCodes.has(code)) {
      issues.push({
        code: 'duplicate_code',
        message: `humanCodingScheme "${code}" is used by more than one item`,
        path: `$.CFItems[${entry.index}].humanCodingScheme`,
        identifier: entry.item.identifier,
        params: { code },
      });
    }
    if (code !== undefined) {
      usedCodes.add(code);
    }
  }
  const deriveCode = (parentCode: string | null, position: number): string => {
    const base = parentCode === null ? String(position) : `${parentCode}.${position}`;
    let code = base;
    for (let suffix = 2; usedCodes.has(code); suffix += 1) {
      code = `${base}-${suffix}`;
    }
    usedCodes.add(code);
    return code;
  };

  const tree: Tree = { children, placed: new Map(), depthFirst: [] };
  const visit = (parent: string | null, parentCode: string | null, depth: number): void => {
    (children.get(parent) ?? []).forEach((entry, position) => {
      const code = nonEmpty(entry.item.humanCodingScheme) ?? deriveCode(parentCode, position + 1);
      tree.placed.set(entry.item.identifier, { code, parentCode, depth });
      tree.depthFirst.push(entry);
      visit(entry.item.identifier, code, depth + 1);
    });
  };
  visit(null, null, 1);
  return tree;
}

function readRubrics(
  input: JsonObject,
  issues: Issue[],
): Array<{ rubric: CaseRubric; index: number }> {
  const rubrics: Array<{ rubric: CaseRubric; index: number }> = [];
  listField(input, 'CFRubrics', issues).forEach((raw, index) => {
    const parsed = CaseRubricSchema.safeParse(raw);
    if (parsed.success) {
      rubrics.push({ rubric: parsed.data, index });
    } else {
      issues.push(...schemaIssues(parsed.error, raw, `$.CFRubrics[${index}]`, rawIdentifier(raw)));
    }
  });
  return rubrics;
}

/** Level descriptors of items without Evne's extension, from rubric criteria pointing at them. */
function readItemDescriptors(
  rubrics: ReadonlyArray<{ rubric: CaseRubric }>,
  items: ItemsPart,
  primary: Locale,
): Map<string, Record<string, LocalizedText>> {
  const out = new Map<string, Record<string, LocalizedText>>();
  for (const { rubric } of rubrics) {
    for (const criterion of rubric.CFRubricCriteria ?? []) {
      const itemId = criterion.CFItemURI?.identifier;
      const entry = itemId === undefined ? undefined : items.byId.get(itemId);
      if (itemId === undefined || entry === undefined || entry.extension !== undefined) {
        continue;
      }
      const locale = toLocale(entry.item.language) ?? primary;
      const descriptors = out.get(itemId) ?? {};
      (criterion.CFRubricCriterionLevels ?? []).forEach((level, levelIndex) => {
        const description = nonEmpty(level.description);
        if (description !== undefined) {
          descriptors[String(levelValue(level, levelIndex))] = textIn(locale, description);
        }
      });
      if (Object.keys(descriptors).length > 0) {
        out.set(itemId, descriptors);
      }
    }
  }
  return out;
}

function buildNode(
  entry: ItemEntry,
  place: PlacedItem,
  hasChildren: boolean,
  primary: Locale,
  descriptors: Record<string, LocalizedText> | undefined,
): FrameworkNodeInput {
  const { item, extension } = entry;
  const locale = toLocale(item.language) ?? primary;
  const name = mergeText(extension?.name, item.fullStatement, locale, primary);
  const description = mergeText(extension?.description, nonEmpty(item.notes), locale, primary);
  const kind =
    extension?.kind ??
    nodeKindFromLabel(item.CFItemType ?? item.CFItemTypeURI?.title) ??
    nodeKindForDepth(place.depth, hasChildren);
  const levelDescriptors = extension !== undefined ? extension.levelDescriptors : descriptors;
  return {
    code: place.code,
    parent: place.parentCode,
    kind,
    name: name ?? textIn(locale, item.fullStatement),
    ...(description !== undefined ? { description } : {}),
    ...(extension?.colour !== undefined ? { colour: extension.colour } : {}),
    ...(extension?.group !== undefined ? { group: extension.group } : {}),
    ...(extension?.hidden !== undefined ? { hidden: extension.hidden } : {}),
    ...(extension?.note !== undefined ? { note: extension.note } : {}),
    ...(levelDescriptors !== undefined ? { levelDescriptors } : {}),
  };
}

function itemLocator(entry: ItemEntry): Locator {
  const path = `$.CFItems[${entry.index}]`;
  return {
    identifier: entry.item.identifier,
    path,
    fields: {
      code: `${path}.humanCodingScheme`,
      name: `${path}.fullStatement`,
      description: `${path}.notes`,
    },
    ...(entry.extension !== undefined
      ? { extension: { path: `${path}.extensions.evne`, fields: ITEM_EXTENSION_FIELDS } }
      : {}),
  };
}

function documentLocator(part: DocumentPart): Locator {
  return {
    ...(part.identifier !== undefined ? { identifier: part.identifier } : {}),
    path: '$.CFDocument',
    fields: {
      name: '$.CFDocument.title',
      description: '$.CFDocument.description',
      publisher: '$.CFDocument.publisher',
      versionLabel: '$.CFDocument.version',
      language: '$.CFDocument.language',
      licence: '$.CFDocument.licenseURI.title',
      sources: '$.CFDocument.officialSourceURL',
    },
    ...(part.extension !== undefined
      ? { extension: { path: '$.CFDocument.extensions.evne', fields: DOCUMENT_EXTENSION_FIELDS } }
      : {}),
  };
}

function buildDocument(
  part: DocumentPart,
  primary: Locale,
  key: string | undefined,
  scale: Scale,
  nodes: FrameworkNodeInput[],
): FrameworkDocument {
  const { document, extension } = part;
  const isOwnExport = extension !== undefined;
  const titleLocale = toLocale(document?.language) ?? primary;
  const title = document?.title ?? 'Untitled framework';
  const sourceUrl = nonEmpty(document?.officialSourceURL);
  const foreignSources =
    sourceUrl !== undefined && z.url().safeParse(sourceUrl).success
      ? [{ title, url: sourceUrl }]
      : undefined;
  const description = mergeText(
    extension?.description,
    nonEmpty(document?.description),
    titleLocale,
    primary,
  );
  const publisher =
    nonEmpty(document?.publisher) ?? (isOwnExport ? undefined : nonEmpty(document?.creator));
  const versionLabel = nonEmpty(document?.version);
  const language = isOwnExport ? extension.language : toLocale(document?.language);
  const licence = isOwnExport ? extension.licence : nonEmpty(document?.licenseURI?.title);
  const sources = isOwnExport ? extension.sources : foreignSources;
  const completeness = extension?.completeness;
  return {
    format: FRAMEWORK_FORMAT,
    formatVersion: 1,
    key: key ?? extension?.key ?? slugify(title),
    name: mergeText(extension?.name, title, titleLocale, primary) ?? textIn(primary, title),
    ...(description !== undefined ? { description } : {}),
    ...(publisher !== undefined ? { publisher } : {}),
    ...(versionLabel !== undefined ? { versionLabel } : {}),
    ...(language !== undefined ? { language } : {}),
    ...(licence !== undefined ? { licence } : {}),
    ...(sources !== undefined ? { sources } : {}),
    ...(completeness !== undefined ? { completeness } : {}),
    scale,
    nodes,
  };
}

/**
 * Reads a CASE 1.1 package (Evne's own export or a foreign one) into a framework document,
 * reporting every problem located by CASE identifier and JSON path.
 */
export function caseToFramework(
  input: unknown,
  options: CaseToFrameworkOptions = {},
): Result<FrameworkDocument> {
  if (!isRecord(input)) {
    return {
      ok: false,
      issues: [
        { code: 'invalid_package', message: 'A CASE package must be a JSON object', path: '$' },
      ],
    };
  }
  const issues: Issue[] = [];
  const documentPart = readDocument(input, issues);
  const isOwnExport = documentPart.extension !== undefined;
  const primary: Locale = isOwnExport
    ? (documentPart.extension?.language ?? 'da')
    : (toLocale(documentPart.document?.language) ?? 'en');

  const items = readItems(input, documentPart.identifier, issues);
  const placements = readPlacements(input, documentPart.identifier, items, issues);
  const parentOf = (identifier: string): string | null => {
    const parent = placements.get(identifier)?.parent ?? null;
    return parent !== null && items.byId.has(parent) ? parent : null;
  };
  breakCycles(items, placements, parentOf, issues);
  const tree = layOutTree(items, placements, parentOf, issues);

  // Our own export keeps its node order (siblings re-sorted in place); a foreign one is depth-first.
  let ordered = tree.depthFirst;
  if (isOwnExport) {
    const queues = new Map([...tree.children].map(([parent, list]) => [parent, [...list]]));
    ordered = items.entries.flatMap(
      (entry) => queues.get(parentOf(entry.item.identifier))?.shift() ?? [],
    );
  }

  const rubrics = readRubrics(input, issues);
  const { scale, locateScale } = readScale(rubrics, primary, issues);
  const descriptors = readItemDescriptors(rubrics, items, primary);

  const nodes: FrameworkNodeInput[] = [];
  const nodeLocators: Locator[] = [];
  for (const entry of ordered) {
    const place = tree.placed.get(entry.item.identifier);
    if (place !== undefined) {
      const hasChildren = (tree.children.get(entry.item.identifier)?.length ?? 0) > 0;
      const itemDescriptors = descriptors.get(entry.item.identifier);
      nodes.push(buildNode(entry, place, hasChildren, primary, itemDescriptors));
      nodeLocators.push(itemLocator(entry));
    }
  }

  const draft = buildDocument(documentPart, primary, options.key, scale, nodes);
  const validation = validateFrameworkDocument(draft);
  if (validation.ok) {
    return issues.length > 0 ? { ok: false, issues } : validation;
  }
  // Point the document's issues back into the package; the tree checks were done in CASE terms.
  const locator = documentLocator(documentPart);
  for (const issue of withStructuralIssues(draft, validation.issues)) {
    if (TREE_ISSUE_CODES.has(issue.code)) {
      continue;
    }
    const path = issue.path ?? '$';
    const nodeMatch = /^\$\.nodes\[(\d+)\](.*)$/.exec(path);
    let location: { path: string; identifier?: string } | undefined;
    if (nodeMatch !== null) {
      const nodeLocator = nodeLocators[Number(nodeMatch[1])];
      location = nodeLocator === undefined ? undefined : locate(nodeMatch[2] ?? '', nodeLocator);
    } else if (path.startsWith('$.scale')) {
      location = locateScale(path.slice('$.scale'.length));
    } else if (!(path === '$.key' && options.key !== undefined)) {
      location = locate(path.slice(1), locator);
    }
    issues.push(location === undefined ? issue : { ...issue, ...location });
  }
  return { ok: false, issues };
}
