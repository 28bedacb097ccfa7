import type { CampaignOverview } from '@evne/core';
import ExcelJS from 'exceljs';
import {
  averageColour,
  competenceTable,
  coverageRows,
  gapsTable,
  heatmapTable,
  hiddenText,
  respondentsText,
  unitLine,
  HIDDEN_COLOUR,
  type ExportCell,
  type ExportTable,
  type NumberFormat,
} from './overview-export-tables.js';
import type { ExportFormat, ExportTexts } from './overview-export-texts.js';

/** The overview as an Excel workbook: Overview, Competences, Heatmap, Gaps and coverage. */

const NUMBER_FORMATS: Record<NumberFormat, string> = {
  count: '0',
  average: '0.00',
  share: '0%',
};

const COLUMN_WIDTHS: Record<NumberFormat, number> = { count: 12, average: 12, share: 12 };

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function cellValue(cell: ExportCell, k: number): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'hidden':
      return hiddenText(k);
    case 'empty':
      return null;
    case 'number':
      return cell.value;
    case 'text':
      return cell.text;
  }
}

function writeCell(target: ExcelJS.Cell, cell: ExportCell, k: number): void {
  target.value = cellValue(cell, k);
  if (cell.kind === 'number') {
    target.numFmt = NUMBER_FORMATS[cell.format];
  }
  if (cell.kind === 'hidden') {
    target.alignment = { horizontal: 'right' };
  }
}

/** A table from row 1: bold, wrapped header row, frozen with the first `frozenColumns`. */
function writeTable(
  sheet: ExcelJS.Worksheet,
  table: ExportTable,
  options: { k: number; frozenColumns: number; widths: (number | undefined)[] },
): void {
  const header = sheet.getRow(1);
  table.columns.forEach((column, at) => {
    header.getCell(at + 1).value = column.title;
    sheet.getColumn(at + 1).width =
      options.widths[at] ?? (column.format ? COLUMN_WIDTHS[column.format] : 24);
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = 48;
  table.rows.forEach((cells, rowAt) => {
    const row = sheet.getRow(rowAt + 2);
    cells.forEach((cell, at) => writeCell(row.getCell(at + 1), cell, options.k));
  });
  sheet.views = [{ state: 'frozen', xSplit: options.frozenColumns, ySplit: 1 }];
}

/** A note under a table, after one empty row. */
function writeNote(sheet: ExcelJS.Worksheet, note: string): void {
  const row = sheet.getRow(sheet.rowCount + 2);
  row.getCell(1).value = note;
  row.font = { italic: true };
}

export async function overviewXlsx(
  overview: CampaignOverview,
  options: { texts: ExportTexts; format: ExportFormat; generatedAt: Date },
): Promise<Buffer> {
  const { texts, format, generatedAt } = options;
  const k = overview.threshold;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Evne';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = `${texts.title}: ${overview.campaign.name}, ${overview.unit.name}`;

  const summary = workbook.addWorksheet(texts.sheets.overview);
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 90;
  const title = summary.getRow(1);
  title.getCell(1).value = texts.title;
  title.font = { bold: true, size: 14 };
  const respondents: ExcelJS.CellValue =
    overview.respondents.status === 'shown' && overview.respondents.count !== null
      ? overview.respondents.count
      : respondentsText(overview, texts);
  const lines: [string, ExcelJS.CellValue][] = [
    [texts.campaign, overview.campaign.name],
    [texts.unit, unitLine(overview)],
    [texts.unitCode, overview.unit.code],
    [texts.kind, texts.kinds[overview.kind]],
    [texts.respondents, respondents],
    [texts.coverageLevel, overview.coverageLevel],
    [texts.threshold, k],
    [texts.ruleHeading, texts.rule(k)],
    [texts.status, texts.statuses[overview.campaign.status]],
    [texts.generated, format.date(generatedAt)],
  ];
  lines.forEach(([label, value], at) => {
    const row = summary.getRow(at + 3);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    row.getCell(1).alignment = { vertical: 'top' };
  });

  const competences = workbook.addWorksheet(texts.sheets.competences);
  writeTable(competences, competenceTable(overview, texts), {
    k,
    frozenColumns: 3,
    widths: [28, 8, 44],
  });
  writeNote(competences, texts.hiddenLegend(k));

  const heatmap = workbook.addWorksheet(texts.sheets.heatmap);
  const heat = heatmapTable(overview, texts);
  writeTable(heatmap, heat, {
    k,
    frozenColumns: 2,
    widths: [32, 12, ...heat.columns.slice(2).map(() => 9)],
  });
  const levels = overview.scale.map((level) => level.value);
  const lowest = Math.min(...levels);
  const highest = Math.max(...levels);
  heat.rows.forEach((cells, rowAt) => {
    cells.slice(2).forEach((cell, at) => {
      const colour =
        cell.kind === 'number'
          ? averageColour(cell.value, lowest, highest)
          : cell.kind === 'hidden'
            ? HIDDEN_COLOUR
            : null;
      if (colour !== null) {
        const target = heatmap.getRow(rowAt + 2).getCell(at + 3);
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour.fill) } };
        target.font = { color: { argb: argb(colour.text) } };
        target.alignment = { horizontal: 'center' };
      }
    });
  });
  heatmap.getRow(2).font = { bold: true };
  writeNote(
    heatmap,
    overview.children.length === 0
      ? texts.heatmapLeaf(overview.unit.name)
      : `${texts.heatmapLead} ${texts.hiddenLegend(k)}`,
  );

  const gaps = workbook.addWorksheet(texts.sheets.gaps);
  writeTable(gaps, gapsTable(overview, texts), {
    k,
    frozenColumns: 0,
    widths: [10, 28, 8, 44],
  });
  writeNote(gaps, texts.gapsLead);
  const coverageStart = gaps.rowCount + 2;
  gaps.getRow(coverageStart).getCell(1).value = texts.coverageHeading;
  gaps.getRow(coverageStart).font = { bold: true };
  coverageRows(overview, texts).forEach(([label, value], at) => {
    const row = gaps.getRow(coverageStart + 1 + at);
    if (label) {
      writeCell(row.getCell(2), label, k);
    }
    if (value) {
      writeCell(row.getCell(3), value, k);
    }
  });
  writeNote(gaps, texts.hiddenLegend(k));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
