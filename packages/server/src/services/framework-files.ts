import {
  caseToFramework,
  frameworkToCase,
  frameworkToRows,
  parseFrameworkJson,
  parseJsonText,
  rowsToFramework,
  type FrameworkDocument,
  type ImportFrameworkInput,
  type Issue,
  type Result,
} from '@evne/core';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';

/** Decodes a text file as UTF-8 (with or without BOM), falling back to Windows-1252 (Danish Excel). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Picks `;` or `,` by which occurs more often outside quotes on the first line. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = { ',': 0, ';': 0, '\t': 0 };
  for (const char of unquoted) {
    if (char === ',' || char === ';' || char === '\t') {
      counts[char] += 1;
    }
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) {
    return ';';
  }
  if (counts['\t'] > counts[',']) {
    return '\t';
  }
  return ',';
}

export function parseCsvRows(text: string): Result<string[][]> {
  try {
    const rows = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { ok: true, value: rows };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line =
      error && typeof error === 'object' && 'lines' in error ? Number(error.lines) : undefined;
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_csv',
          message: `The file is not valid CSV: ${message}`,
          ...(line ? { line } : {}),
        },
      ],
    };
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'object') {
    return String(value);
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('text' in value && typeof value.text === 'string') {
    return value.text;
  }
  if ('result' in value) {
    const result = value.result;
    return result === undefined || result === null || typeof result === 'object'
      ? ''
      : String(result);
  }
  return '';
}

export async function parseXlsxRows(bytes: Buffer): Promise<Result<string[][]>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_xlsx',
          message: `The file is not a readable XLSX workbook: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    return { ok: false, issues: [{ code: 'invalid_xlsx', message: 'The workbook has no sheet' }] };
  }
  const rows: string[][] = [];
  for (let index = 1; index <= sheet.rowCount; index += 1) {
    const row = sheet.getRow(index);
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 1); column += 1) {
      cells.push(cellText(row.getCell(column).value).trim());
    }
    rows.push(cells);
  }
  return { ok: true, value: rows };
}

function nameFromFile(fileName: string | undefined): { key: string; name: { en: string } } {
  const base = (fileName ?? 'imported-framework').replace(/\.[^.]+$/, '');
  const key =
    base
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'imported-framework';
  return { key: key.length >= 2 ? key : `${key}-framework`, name: { en: base } };
}

/** Turns an uploaded file into a validated framework document, or every problem with its place. */
export async function parseFrameworkFile(
  input: ImportFrameworkInput,
): Promise<Result<FrameworkDocument>> {
  const fallback = nameFromFile(input.fileName);
  const meta = { key: input.key ?? fallback.key, name: input.name ?? fallback.name };
  switch (input.format) {
    case 'json':
      return parseFrameworkJson(input.content);
    case 'case': {
      const parsed = parseJsonText(input.content);
      return parsed.ok
        ? caseToFramework(parsed.value, input.key ? { key: input.key } : {})
        : parsed;
    }
    case 'csv': {
      const rows = parseCsvRows(
        input.content.charCodeAt(0) === 0xfeff ? input.content.slice(1) : input.content,
      );
      return rows.ok ? rowsToFramework(rows.value, meta) : rows;
    }
    case 'xlsx': {
      const rows = await parseXlsxRows(Buffer.from(input.content, 'base64'));
      return rows.ok ? rowsToFramework(rows.value, meta) : rows;
    }
  }
}

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: Buffer | string;
}

/** Deterministic lowercase RFC-4122 (version 5 style) identifier for a CASE object. */
export function caseIdentifier(namespace: string, key: string): string {
  const hex = createHash('sha1').update(`${namespace}:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ['8', '9', 'a', 'b'][parseInt(hex[16] ?? '0', 16) % 4] ?? '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export async function exportFrameworkFile(
  document: FrameworkDocument,
  format: 'json' | 'case' | 'csv' | 'xlsx',
  options: { versionId: string; baseUri: string; now: Date; versionNumber: number },
): Promise<ExportFile> {
  const base = `${document.key}-v${options.versionNumber}`;
  switch (format) {
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        fileName: `${base}.json`,
        body: `${JSON.stringify(document, null, 2)}\n`,
      };
    case 'case': {
      const casePackage = frameworkToCase(document, {
        baseUri: options.baseUri,
        now: options.now.toISOString(),
        identifierFor: (key) => caseIdentifier(options.versionId, key),
      });
      return {
        contentType: 'application/json; charset=utf-8',
        fileName: `${base}.case.json`,
        body: `${JSON.stringify(casePackage, null, 2)}\n`,
      };
    }
    case 'csv':
      // Semicolons and a BOM: what Danish and Norwegian Excel open correctly with a double click.
      return {
        contentType: 'text/csv; charset=utf-8',
        fileName: `${base}.csv`,
        body: `\ufeff${stringify(frameworkToRows(document), { delimiter: ';', record_delimiter: '\r\n' })}`,
      };
    case 'xlsx': {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(document.key.slice(0, 31));
      for (const row of frameworkToRows(document)) {
        sheet.addRow(row);
      }
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${base}.xlsx`,
        body: buffer,
      };
    }
  }
}

export function importIssuesMessage(issues: readonly Issue[]): string {
  return `The file was not imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} found`;
}
