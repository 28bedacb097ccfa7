import type { Result } from '@evne/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** Reading what HR systems and Excel write: CSV in any of the usual encodings, and XLSX. */

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
