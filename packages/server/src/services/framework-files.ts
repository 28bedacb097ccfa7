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
import { stringify } from 'csv-stringify/sync';
import { parseCsvRows, parseXlsxRows } from '../adapters/tabular-files.js';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';

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
