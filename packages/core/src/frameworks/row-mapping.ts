import type { Issue, Result } from '../errors.js';
import { LOCALES, type Locale, type LocalizedText } from '../i18n.js';
import { nodeKindForDepth, nodeKindFromLabel, withStructuralIssues } from './case-mapping.js';
import { DEFAULT_SCALE } from './default-scale.js';
import {
  ColourSchema,
  FRAMEWORK_FORMAT,
  validateFrameworkDocument,
  type FrameworkDocument,
  type FrameworkNodeInput,
  type NodeGroup,
  type NodeKind,
  type Scale,
} from './framework-document.js';

/** The columns of the flat framework format that CSV and XLSX files hold, in order. */
export const FRAMEWORK_ROW_COLUMNS = [
  'code',
  'parent_code',
  'kind',
  'name_da',
  'name_nb',
  'name_en',
  'description_da',
  'description_nb',
  'description_en',
  'colour',
  'group',
  'hidden',
] as const;
export type FrameworkRowColumn = (typeof FRAMEWORK_ROW_COLUMNS)[number];

const COLUMN_NAMES: ReadonlySet<string> = new Set(FRAMEWORK_ROW_COLUMNS);

function isColumn(name: string): name is FrameworkRowColumn {
  return COLUMN_NAMES.has(name);
}

function cellsOf(node: FrameworkNodeInput): Record<FrameworkRowColumn, string> {
  return {
    code: node.code,
    parent_code: node.parent ?? '',
    kind: node.kind,
    name_da: node.name.da ?? '',
    name_nb: node.name.nb ?? '',
    name_en: node.name.en ?? '',
    description_da: node.description?.da ?? '',
    description_nb: node.description?.nb ?? '',
    description_en: node.description?.en ?? '',
    colour: node.colour ?? '',
    group: node.group ?? '',
    hidden: node.hidden === true ? 'true' : '',
  };
}

/**
 * Flattens a framework's nodes into rows (header first, then one row per node in document
 * order); notes, level descriptors and document-level fields are not part of the rows.
 */
export function frameworkToRows(doc: FrameworkDocument): string[][] {
  return [
    [...FRAMEWORK_ROW_COLUMNS],
    ...doc.nodes.map((node) => {
      const cells = cellsOf(node);
      return FRAMEWORK_ROW_COLUMNS.map((column) => cells[column]);
    }),
  ];
}

export interface RowsToFrameworkMeta {
  key: string;
  name: LocalizedText;
  /** Defaults to the default five-level scale. */
  scale?: Scale;
  language?: Locale;
  /** The file line of `rows[0]`; defaults to 1. */
  firstLine?: number;
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'ja', '1', 'x']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'nej', 'nei', '0']);

interface RowEntry {
  line: number;
  node: FrameworkNodeInput;
  /** False when the row has no kind and it must be derived from the tree. */
  hasKind: boolean;
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function headerName(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Depth of each code (1 = top level), stopping at unknown parents and cycles. */
function depthsOf(entries: readonly RowEntry[]): Map<string, number> {
  const parentOf = new Map<string, string | null>();
  for (const { node } of entries) {
    if (!parentOf.has(node.code)) {
      parentOf.set(node.code, node.parent);
    }
  }
  const depths = new Map<string, number>();
  for (const code of parentOf.keys()) {
    const seen = new Set<string>([code]);
    let cursor = parentOf.get(code) ?? null;
    while (cursor !== null && parentOf.has(cursor) && !seen.has(cursor)) {
      seen.add(cursor);
      cursor = parentOf.get(cursor) ?? null;
    }
    depths.set(code, seen.size);
  }
  return depths;
}

/**
 * Reads flat rows (from CSV or XLSX) into a framework document, reporting every problem with
 * its file line and column name.
 */
export function rowsToFramework(
  rows: readonly (readonly string[])[],
  meta: RowsToFrameworkMeta,
): Result<FrameworkDocument> {
  const firstLine = meta.firstLine ?? 1;
  const issues: Issue[] = [];
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  const header = rows[headerIndex];
  if (header === undefined) {
    return {
      ok: false,
      issues: [{ code: 'missing_header', message: 'The file has no header row', line: firstLine }],
    };
  }
  const headerLine = firstLine + headerIndex;

  const columnIndex = new Map<FrameworkRowColumn, number>();
  header.forEach((cell, index) => {
    const name = headerName(cell);
    if (name === '') {
      return;
    }
    if (!isColumn(name)) {
      issues.push({
        code: 'unknown_column',
        message: `Unknown column "${cell.trim()}"; the columns are ${FRAMEWORK_ROW_COLUMNS.join(', ')}`,
        line: headerLine,
        column: cell.replace(/^\uFEFF/, '').trim(),
      });
    } else if (columnIndex.has(name)) {
      issues.push({
        code: 'duplicate_column',
        message: `Column "${name}" appears more than once`,
        line: headerLine,
        column: name,
      });
    } else {
      columnIndex.set(name, index);
    }
  });
  const nameColumns = LOCALES.filter((locale) => columnIndex.has(`name_${locale}`));
  for (const required of ['code', 'parent_code'] as const) {
    if (!columnIndex.has(required)) {
      issues.push({
        code: 'missing_column',
        message: `The header needs a "${required}" column`,
        line: headerLine,
        column: required,
      });
    }
  }
  if (nameColumns.length === 0) {
    issues.push({
      code: 'missing_column',
      message: 'The header needs at least one of name_da, name_nb and name_en',
      line: headerLine,
      column: 'name_da',
    });
  }
  if (!columnIndex.has('code') || !columnIndex.has('parent_code') || nameColumns.length === 0) {
    return { ok: false, issues };
  }

  const entries: RowEntry[] = [];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const row = rows[index];
    if (row === undefined || isBlankRow(row)) {
      continue;
    }
    const line = firstLine + index;
    const cell = (column: FrameworkRowColumn): string => {
      const at = columnIndex.get(column);
      return at === undefined ? '' : (row[at] ?? '').trim();
    };
    const report = (code: string, column: FrameworkRowColumn, message: string): void => {
      issues.push({ code, message, line, column });
    };
    const localized = (prefix: 'name' | 'description'): LocalizedText | undefined => {
      const out: LocalizedText = {};
      for (const locale of LOCALES) {
        const text = cell(`${prefix}_${locale}`);
        if (text !== '') {
          out[locale] = text;
        }
      }
      return Object.keys(out).length > 0 ? out : undefined;
    };

    const code = cell('code');
    if (code === '') {
      report('missing_field', 'code', 'The code is empty');
    }
    const name = localized('name');
    if (name === undefined) {
      report('missing_field', `name_${nameColumns[0] ?? 'da'}`, 'The row has no name');
    }
    const description = localized('description');

    const kindText = cell('kind');
    const kind: NodeKind | undefined = nodeKindFromLabel(kindText);
    if (kindText !== '' && kind === undefined) {
      report('invalid_value', 'kind', `Kind "${kindText}" is not area, subcategory or competence`);
    }

    let colour: string | undefined;
    const colourText = cell('colour');
    if (colourText !== '') {
      const candidate = /^[0-9a-f]{6}$/i.test(colourText) ? `#${colourText}` : colourText;
      if (ColourSchema.safeParse(candidate).success) {
        colour = candidate;
      } else {
        report('invalid_value', 'colour', `Colour "${colourText}" is not like #1f6f8b`);
      }
    }

    let group: NodeGroup | undefined;
    const groupText = cell('group').toLowerCase();
    if (groupText === 'wheel' || groupText === 'foundational') {
      group = groupText;
    } else if (groupText !== '') {
      report('invalid_value', 'group', `Group "${cell('group')}" is not wheel or foundational`);
    }

    let hidden: true | undefined;
    const hiddenText = cell('hidden').toLowerCase();
    if (TRUE_WORDS.has(hiddenText)) {
      hidden = true;
    } else if (hiddenText !== '' && !FALSE_WORDS.has(hiddenText)) {
      report('invalid_value', 'hidden', `Hidden "${cell('hidden')}" is not true or false`);
    }

    if (code === '') {
      continue;
    }
    const parent = cell('parent_code');
    entries.push({
      line,
      hasKind: kind !== undefined,
      node: {
        code,
        parent: parent === '' ? null : parent,
        kind: kind ?? 'competence',
        // A stand-in keeps the tree checkable; the missing name is already reported.
        name: name ?? { en: code },
        ...(description !== undefined ? { description } : {}),
        ...(colour !== undefined ? { colour } : {}),
        ...(group !== undefined ? { group } : {}),
        ...(hidden !== undefined ? { hidden } : {}),
      },
    });
  }

  const depths = depthsOf(entries);
  const parents = new Set(entries.map(({ node }) => node.parent));
  const nodes = entries.map(({ node, hasKind }) =>
    hasKind
      ? node
      : { ...node, kind: nodeKindForDepth(depths.get(node.code) ?? 1, parents.has(node.code)) },
  );
  const draft: FrameworkDocument = {
    format: FRAMEWORK_FORMAT,
    formatVersion: 1,
    key: meta.key,
    name: meta.name,
    ...(meta.language !== undefined ? { language: meta.language } : {}),
    scale: meta.scale ?? DEFAULT_SCALE,
    nodes,
  };
  const validation = validateFrameworkDocument(draft);
  if (validation.ok) {
    return issues.length > 0 ? { ok: false, issues } : validation;
  }

  const firstLineOf = new Map<string, number>();
  for (const { node, line } of entries) {
    if (!firstLineOf.has(node.code)) {
      firstLineOf.set(node.code, line);
    }
  }
  for (const issue of withStructuralIssues(draft, validation.issues)) {
    const match = /^\$\.nodes\[(\d+)\](?:\.(\w+)(?:\.(\w+))?)?/.exec(issue.path ?? '');
    const entry = match === null ? undefined : entries[Number(match[1])];
    if (match === null || entry === undefined) {
      issues.push(issue); // about the document (key, name, scale), not a row
      continue;
    }
    const field = match[2] ?? 'code';
    const locale = LOCALES.find((candidate) => candidate === match[3]) ?? nameColumns[0] ?? 'da';
    const column = columnForField(field, locale);
    const message =
      issue.code === 'duplicate_code'
        ? `Code "${entry.node.code}" is used more than once (first on line ${firstLineOf.get(entry.node.code) ?? entry.line})`
        : issue.message;
    issues.push({
      code: issue.code,
      message,
      line: entry.line,
      column,
      ...(issue.params !== undefined ? { params: issue.params } : {}),
    });
  }
  return { ok: false, issues };
}

function columnForField(field: string, locale: Locale): FrameworkRowColumn {
  switch (field) {
    case 'parent':
      return 'parent_code';
    case 'name':
      return `name_${locale}`;
    case 'description':
      return `description_${locale}`;
    case 'kind':
    case 'colour':
    case 'group':
    case 'hidden':
      return field;
    default:
      return 'code';
  }
}
