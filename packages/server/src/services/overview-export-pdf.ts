import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CampaignOverview, Locale } from '@evne/core';
import PDFDocument from 'pdfkit';
import {
  averageColour,
  competenceRows,
  hiddenText,
  respondentsText,
  unitLine,
  HIDDEN_COLOUR,
  type CellColour,
  type CompetenceRow,
} from './overview-export-tables.js';
import type { ExportFormat, ExportTexts } from './overview-export-texts.js';

/**
 * The overview as a PDF report for top management: title block, the wheel drawn with vector
 * paths, figures per competence, the heatmap as tables, the largest gaps, coverage and the
 * anonymity rule. Made from the overview only; hidden figures read "< k".
 */

const require = createRequire(import.meta.url);

/** DejaVu Sans, embedded (subset) so that æ, ø, å and every other Latin letter print. */
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
function fonts(): { regular: Buffer; bold: Buffer } {
  fontFiles ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontFiles;
}

const REGULAR = 'regular';
const BOLD = 'bold';
const INK = '#111827';
const MUTED = '#4b5563';
const RULE = '#e5e7eb';
const HEADER_FILL = '#f3f4f6';
const EMPTY_FILL = '#f7f7f8';
const MARGIN = 48;
const FOOTER_SPACE = 28;
/** Area colours when the framework gives none. */
const AREA_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7'];

type Doc = PDFKit.PDFDocument;

interface Context {
  doc: Doc;
  texts: ExportTexts;
  format: ExportFormat;
  k: number;
  lowest: number;
  highest: number;
}

const left = (doc: Doc): number => doc.page.margins.left;
const contentWidth = (doc: Doc): number =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

/** Moves to a new page unless `height` points still fit on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) {
    doc.addPage();
  }
}

function heading(context: Context, title: string, lead?: string): void {
  const { doc } = context;
  doc.font(BOLD).fontSize(13);
  const leadHeight =
    lead === undefined ? 0 : doc.font(REGULAR).fontSize(9).heightOfString(lead, textBox(doc)) + 4;
  ensureSpace(doc, 60 + leadHeight);
  doc.y += 8;
  doc.font(BOLD).fontSize(13).fillColor(INK).text(title, left(doc), doc.y, textBox(doc));
  doc.y += 3;
  if (lead !== undefined) {
    paragraph(context, lead, { size: 9, colour: MUTED });
  }
  doc.y += 4;
}

const textBox = (doc: Doc): PDFKit.Mixins.TextOptions => ({ width: contentWidth(doc) });

function paragraph(
  context: Context,
  value: string,
  options: { size?: number; colour?: string; bold?: boolean } = {},
): void {
  const { doc } = context;
  doc.font(options.bold === true ? BOLD : REGULAR).fontSize(options.size ?? 10);
  ensureSpace(doc, doc.heightOfString(value, textBox(doc)));
  doc.fillColor(options.colour ?? INK).text(value, left(doc), doc.y, textBox(doc));
}

/** The colour of an average, of a shown figure without one, or of a hidden figure. */
function figureColour(context: Context, hidden: boolean, average: number | null): CellColour {
  if (hidden) {
    return HIDDEN_COLOUR;
  }
  return average === null
    ? { fill: EMPTY_FILL, text: INK }
    : averageColour(average, context.lowest, context.highest);
}

// ---------------------------------------------------------------------------------------------
// Tables

interface PdfColumn {
  title: string;
  width: number;
  align: 'left' | 'right' | 'center';
}

interface PdfCell {
  text: string;
  /** A second, smaller line. */
  sub?: string;
  colour?: CellColour;
  bold?: boolean;
}

const PAD = 3;
const CELL_SIZE = 8;
const SUB_SIZE = 6.5;

function cellHeight(doc: Doc, cell: PdfCell, width: number): number {
  const inner = { width: width - 2 * PAD };
  let height = doc
    .font(cell.bold === true ? BOLD : REGULAR)
    .fontSize(CELL_SIZE)
    .heightOfString(cell.text || ' ', inner);
  if (cell.sub !== undefined) {
    height += 1 + doc.font(REGULAR).fontSize(SUB_SIZE).heightOfString(cell.sub, inner);
  }
  return height + 2 * PAD;
}

function drawCell(
  doc: Doc,
  cell: PdfCell,
  column: PdfColumn,
  x: number,
  y: number,
  height: number,
): void {
  if (cell.colour !== undefined) {
    doc.rect(x, y, column.width, height).fill(cell.colour.fill);
  }
  const inner = { width: column.width - 2 * PAD, align: column.align };
  doc
    .font(cell.bold === true ? BOLD : REGULAR)
    .fontSize(CELL_SIZE)
    .fillColor(cell.colour?.text ?? INK)
    .text(cell.text, x + PAD, y + PAD, inner);
  if (cell.sub !== undefined) {
    doc
      .font(REGULAR)
      .fontSize(SUB_SIZE)
      .fillColor(cell.colour?.text ?? MUTED)
      .text(cell.sub, x + PAD, doc.y + 1, inner);
  }
}

/** A table with its header row repeated on every page it runs onto. */
function drawTable(context: Context, columns: PdfColumn[], rows: PdfCell[][]): void {
  const { doc } = context;
  const x0 = left(doc);
  const header = (): void => {
    const cells = columns.map((column) => ({ text: column.title, bold: true }));
    const height = Math.max(
      ...cells.map((cell, at) => cellHeight(doc, cell, columns[at]?.width ?? 0)),
    );
    ensureSpace(doc, height + 20);
    const y = doc.y;
    const width = columns.reduce((total, column) => total + column.width, 0);
    doc.rect(x0, y, width, height).fill(HEADER_FILL);
    let x = x0;
    columns.forEach((column, at) => {
      drawCell(doc, cells[at] ?? { text: '' }, column, x, y, height);
      x += column.width;
    });
    doc.y = y + height;
  };
  header();
  for (const row of rows) {
    const height = Math.max(
      ...row.map((cell, at) => cellHeight(doc, cell, columns[at]?.width ?? 0)),
    );
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = x0;
    columns.forEach((column, at) => {
      drawCell(doc, row[at] ?? { text: '' }, column, x, y, height);
      x += column.width;
    });
    const width = x - x0;
    doc
      .moveTo(x0, y + height)
      .lineTo(x0 + width, y + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + height;
  }
  doc.x = x0;
  doc.y += 6;
}

// ---------------------------------------------------------------------------------------------
// The wheel

const f2 = (value: number): string => value.toFixed(2);

/** An annular sector as an SVG path, clockwise from `from` to `to` (radians, 0 = right). */
function sectorPath(
  cx: number,
  cy: number,
  inner: number,
  outer: number,
  from: number,
  to: number,
): string {
  const point = (radius: number, angle: number) =>
    `${f2(cx + radius * Math.cos(angle))} ${f2(cy + radius * Math.sin(angle))}`;
  const large = to - from > Math.PI ? 1 : 0;
  return [
    `M ${point(outer, from)}`,
    `A ${f2(outer)} ${f2(outer)} 0 ${large} 1 ${point(outer, to)}`,
    `L ${point(inner, to)}`,
    `A ${f2(inner)} ${f2(inner)} 0 ${large} 0 ${point(inner, from)}`,
    'Z',
  ].join(' ');
}

function sector(
  doc: Doc,
  geometry: { cx: number; cy: number; inner: number; outer: number },
  from: number,
  to: number,
  fill: string,
): void {
  const { cx, cy, inner, outer } = geometry;
  // A full turn is two halves: an arc cannot end where it starts.
  const parts =
    to - from >= 2 * Math.PI - 1e-6
      ? [
          [from, from + Math.PI],
          [from + Math.PI, to],
        ]
      : [[from, to]];
  for (const [start = 0, end = 0] of parts) {
    doc
      .path(sectorPath(cx, cy, inner, outer, start, end))
      .lineWidth(0.75)
      .fillAndStroke(fill, '#ffffff');
  }
}

/** A label centred on a point of the wheel, when it fits in `room` points. */
function centredLabel(
  doc: Doc,
  value: string,
  x: number,
  y: number,
  room: number,
  colour: string,
  size: number,
): void {
  doc.font(REGULAR).fontSize(size);
  const width = doc.widthOfString(value);
  if (width + 2 > room) {
    return;
  }
  doc.fillColor(colour).text(value, x - width / 2, y - size * 0.6, { lineBreak: false });
}

function areaColour(colour: string | null, at: number): string {
  return colour !== null && /^#[0-9a-fA-F]{6}$/.test(colour)
    ? colour
    : (AREA_PALETTE[at % AREA_PALETTE.length] ?? '#888888');
}

function drawWheel(context: Context, overview: CampaignOverview, rows: CompetenceRow[]): void {
  const { doc, format, k } = context;
  const outerBand = 136;
  const labelRoom = 22;
  ensureSpace(doc, 2 * (outerBand + labelRoom) + 10);
  const cx = doc.page.width / 2;
  const cy = doc.y + outerBand + labelRoom;
  const count = Math.max(rows.length, 1);
  const step = (2 * Math.PI) / count;
  const start = -Math.PI / 2;
  const areaRing = { cx, cy, inner: 34, outer: 62 };
  const competenceRing = { cx, cy, inner: 64, outer: 128 };
  const band = { cx, cy, inner: 130, outer: outerBand };

  // Competences: one sector each, coloured by its average level.
  rows.forEach((row, at) => {
    const from = start + at * step;
    const to = from + step;
    const hidden = row.figure === undefined || row.figure.status !== 'shown';
    const average = hidden ? null : (row.figure?.average ?? null);
    const colour = figureColour(context, hidden, average);
    sector(doc, competenceRing, from, to, colour.fill);
    const middle = (from + to) / 2;
    const radius = (competenceRing.inner + competenceRing.outer) / 2;
    const label = hidden ? hiddenText(k) : average === null ? '' : format.average(average);
    if (label !== '') {
      centredLabel(
        doc,
        label,
        cx + radius * Math.cos(middle),
        cy + radius * Math.sin(middle),
        Math.min(radius * step, 60),
        colour.text,
        7,
      );
    }
    // The code outside the wheel.
    doc.font(REGULAR).fontSize(7);
    const code = row.competence.code;
    const width = doc.widthOfString(code);
    const lx = cx + (outerBand + 4) * Math.cos(middle);
    const ly = cy + (outerBand + 4) * Math.sin(middle);
    const cos = Math.cos(middle);
    const sin = Math.sin(middle);
    const x = cos > 0.15 ? lx : cos < -0.15 ? lx - width : lx - width / 2;
    const y = sin > 0.15 ? ly : sin < -0.15 ? ly - 8 : ly - 4;
    doc.fillColor(MUTED).text(code, x, y, { lineBreak: false });
  });

  // Areas: the inner ring by the area's average, the outer band in the area's own colour.
  let at = 0;
  overview.areas.forEach((area, index) => {
    const size = area.competences.length;
    if (size === 0) {
      return;
    }
    const from = start + at * step;
    const to = from + size * step;
    at += size;
    const colour = figureColour(context, false, area.average);
    sector(doc, areaRing, from, to, colour.fill);
    sector(doc, band, from, to, areaColour(area.colour, index));
    if (area.average !== null) {
      const middle = (from + to) / 2;
      const radius = (areaRing.inner + areaRing.outer) / 2;
      centredLabel(
        doc,
        format.average(area.average),
        cx + radius * Math.cos(middle),
        cy + radius * Math.sin(middle),
        Math.min(radius * (to - from), 60),
        colour.text,
        7.5,
      );
    }
  });
  doc.x = left(doc);
  doc.y = cy + outerBand + labelRoom + 6;
}

function drawLegend(context: Context, overview: CampaignOverview): void {
  const { doc, texts, k } = context;
  const x0 = left(doc);
  const maxX = x0 + contentWidth(doc);
  const swatch = 9;
  ensureSpace(doc, 40);
  doc.font(BOLD).fontSize(8).fillColor(INK).text(texts.legend, x0, doc.y);
  doc.y += 2;
  let x = x0;
  let y = doc.y;
  const item = (fill: string, label: string): void => {
    doc.font(REGULAR).fontSize(7.5);
    const width = swatch + 4 + doc.widthOfString(label) + 12;
    if (x + width > maxX) {
      x = x0;
      y += 13;
    }
    doc.rect(x, y, swatch, swatch).fill(fill);
    doc.fillColor(INK).text(label, x + swatch + 4, y + 1, { lineBreak: false });
    x += width;
  };
  for (const level of overview.scale) {
    item(
      averageColour(level.value, context.lowest, context.highest).fill,
      `${level.value} ${level.label}`,
    );
  }
  item(HIDDEN_COLOUR.fill, texts.hiddenLegend(k));
  doc.x = x0;
  doc.y = y + 18;
  // The areas and their colours on the outer band.
  overview.areas.forEach((area, index) => {
    doc.font(REGULAR).fontSize(7.5);
    const label = `${area.name}${
      area.average === null
        ? ''
        : ` – ${texts.average.toLowerCase()} ${context.format.average(area.average)}`
    }`;
    const height = doc.heightOfString(label, { width: contentWidth(doc) - swatch - 4 });
    ensureSpace(doc, height + 2);
    const top = doc.y;
    doc.rect(x0, top + 1, swatch, swatch).fill(areaColour(area.colour, index));
    doc
      .fillColor(INK)
      .text(label, x0 + swatch + 4, top + 1, { width: contentWidth(doc) - swatch - 4 });
    doc.y = Math.max(doc.y, top + swatch + 2) + 1;
  });
  doc.x = x0;
}

// ---------------------------------------------------------------------------------------------
// Sections

function titleBlock(context: Context, overview: CampaignOverview, generatedAt: Date): void {
  const { doc, texts, format, k } = context;
  const x0 = left(doc);
  doc.font(BOLD).fontSize(22).fillColor(INK).text(texts.title, x0, doc.y, textBox(doc));
  doc.font(BOLD).fontSize(15).text(overview.campaign.name, textBox(doc));
  doc.y += 8;
  const lines: [string, string][] = [
    [texts.unit, unitLine(overview)],
    [texts.kind, texts.kinds[overview.kind]],
    [texts.respondents, respondentsText(overview, texts)],
    [texts.coverageLevel, String(overview.coverageLevel)],
    [texts.status, texts.statuses[overview.campaign.status]],
    [texts.generated, format.date(generatedAt)],
  ];
  const labelWidth = 120;
  for (const [label, value] of lines) {
    const top = doc.y;
    doc.font(BOLD).fontSize(9.5).fillColor(MUTED).text(label, x0, top, { width: labelWidth });
    doc
      .font(REGULAR)
      .fontSize(9.5)
      .fillColor(INK)
      .text(value, x0 + labelWidth, top, { width: contentWidth(doc) - labelWidth });
    doc.y = Math.max(doc.y, top + 12) + 2;
  }
  // The anonymity rule, in a box.
  doc.y += 6;
  const rule = texts.rule(k);
  const inner = contentWidth(doc) - 16;
  doc.font(REGULAR).fontSize(9);
  const ruleHeight = doc.heightOfString(rule, { width: inner });
  const boxHeight = ruleHeight + 30;
  const top = doc.y;
  doc.rect(x0, top, contentWidth(doc), boxHeight).fill('#eef2f7');
  doc.rect(x0, top, 3, boxHeight).fill('#225ea8');
  doc
    .font(BOLD)
    .fontSize(9.5)
    .fillColor(INK)
    .text(texts.ruleHeading, x0 + 10, top + 7, { width: inner });
  doc
    .font(REGULAR)
    .fontSize(9)
    .text(rule, x0 + 10, doc.y + 2, { width: inner });
  doc.x = x0;
  doc.y = top + boxHeight + 6;
}

function competenceSection(context: Context, overview: CampaignOverview): void {
  const { doc, texts, format, k } = context;
  heading(context, texts.competencesHeading, texts.competencesLead);
  const width = contentWidth(doc);
  const numbers = 62;
  const columns: PdfColumn[] = [
    { title: texts.code, width: 42, align: 'left' },
    { title: texts.competence, width: width - 42 - 5 * numbers, align: 'left' },
    { title: texts.average, width: numbers, align: 'right' },
    { title: texts.rated, width: numbers, align: 'right' },
    { title: texts.meetingTarget, width: numbers, align: 'right' },
    { title: texts.holders(overview.coverageLevel), width: numbers, align: 'right' },
    { title: texts.wants, width: numbers, align: 'right' },
  ];
  const hidden: PdfCell = { text: hiddenText(k), colour: HIDDEN_COLOUR };
  const figures = new Map(overview.competences.map((figure) => [figure.nodeId, figure]));
  const rows: PdfCell[][] = [];
  for (const area of overview.areas) {
    rows.push([
      { text: area.code, bold: true },
      {
        text: area.name,
        bold: true,
        ...(area.average === null
          ? {}
          : { sub: `${texts.average}: ${format.average(area.average)}` }),
      },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: '' },
    ]);
    for (const competence of area.competences) {
      const figure = figures.get(competence.id);
      const names: PdfCell[] = [{ text: competence.code }, { text: competence.name }];
      if (figure === undefined || figure.status !== 'shown') {
        rows.push([...names, hidden, hidden, hidden, hidden, hidden]);
        continue;
      }
      const value = (number: number | null, as: (value: number) => string): PdfCell => ({
        text: number === null ? '' : as(number),
      });
      rows.push([
        ...names,
        {
          text: figure.average === null ? '' : format.average(figure.average),
          colour: figureColour(context, false, figure.average),
        },
        value(figure.rated, format.count),
        value(figure.meetingTargetShare, format.share),
        value(figure.holders, format.count),
        value(figure.wantsToDevelop, format.count),
      ]);
    }
  }
  drawTable(context, columns, rows);
}

function heatmapSection(context: Context, overview: CampaignOverview, rows: CompetenceRow[]): void {
  const { doc, texts, format, k } = context;
  heading(
    context,
    texts.heatmapHeading(overview.unit.name),
    `${texts.heatmapLead} ${texts.hiddenLegend(k)}`,
  );
  if (overview.children.length === 0) {
    paragraph(context, texts.heatmapLeaf(overview.unit.name), { size: 9 });
    return;
  }
  const groupLabel = (group: CampaignOverview['respondents']): string =>
    group.status === 'shown' && group.count !== null
      ? texts.respondentsCount(group.count)
      : `${texts.respondents}: ${hiddenText(k)}`;
  const cell = (hidden: boolean, average: number | null): PdfCell => {
    const colour = figureColour(context, hidden, average);
    return {
      text: hidden ? hiddenText(k) : average === null ? '' : format.average(average),
      colour,
    };
  };
  const unitWidth = 140;
  const minimum = 31;
  const room = contentWidth(doc) - unitWidth;
  const perChunk = Math.max(1, Math.floor(room / minimum));
  for (let from = 0; from < rows.length; from += perChunk) {
    const chunk = rows.slice(from, from + perChunk);
    const width = Math.min(48, room / chunk.length);
    const columns: PdfColumn[] = [
      { title: texts.unit, width: unitWidth, align: 'left' },
      ...chunk.map((row) => ({ title: row.competence.code, width, align: 'center' as const })),
    ];
    const table: PdfCell[][] = [
      [
        {
          text: texts.heatmapTotal(overview.unit.name),
          sub: groupLabel(overview.respondents),
          bold: true,
        },
        ...chunk.map((row) =>
          cell(
            row.figure === undefined || row.figure.status !== 'shown',
            row.figure?.status === 'shown' ? row.figure.average : null,
          ),
        ),
      ],
      ...overview.children.map((child) => {
        const cells = new Map(child.cells.map((entry) => [entry.nodeId, entry]));
        return [
          { text: child.unit.name, sub: groupLabel(child.respondents) },
          ...chunk.map((row) => {
            const entry = cells.get(row.competence.id);
            const hidden = entry === undefined || entry.status !== 'shown';
            return cell(hidden, hidden ? null : (entry?.average ?? null));
          }),
        ];
      }),
    ];
    drawTable(context, columns, table);
  }
}

function gapsSection(context: Context, overview: CampaignOverview): void {
  const { doc, texts, format } = context;
  heading(context, texts.gapsHeading, texts.gapsLead);
  if (overview.topGaps.length === 0) {
    paragraph(context, texts.gapsEmpty, { size: 9 });
    return;
  }
  const names = new Map(
    overview.areas.flatMap((area) =>
      area.competences.map((competence) => [competence.id, competence] as const),
    ),
  );
  const figures = new Map(overview.competences.map((figure) => [figure.nodeId, figure]));
  const width = contentWidth(doc);
  const columns: PdfColumn[] = [
    { title: '#', width: 22, align: 'right' },
    { title: texts.competence, width: width - 22 - 3 * 90, align: 'left' },
    { title: texts.totalShortfall, width: 90, align: 'right' },
    { title: texts.meetingTarget, width: 90, align: 'right' },
    { title: texts.averageShortfall, width: 90, align: 'right' },
  ];
  const rows = overview.topGaps.map((gap, at): PdfCell[] => {
    const competence = names.get(gap.nodeId);
    const figure = figures.get(gap.nodeId);
    return [
      { text: String(at + 1) },
      { text: competence === undefined ? '' : `${competence.code} ${competence.name}` },
      { text: texts.levelsMissing(gap.totalShortfall) },
      {
        text:
          figure?.meetingTargetShare === null || figure?.meetingTargetShare === undefined
            ? ''
            : format.share(figure.meetingTargetShare),
      },
      {
        text:
          figure?.averageShortfall === null || figure?.averageShortfall === undefined
            ? ''
            : format.average(figure.averageShortfall),
      },
    ];
  });
  drawTable(context, columns, rows);
}

function coverageSection(
  context: Context,
  overview: CampaignOverview,
  rows: CompetenceRow[],
): void {
  const { texts, format } = context;
  heading(context, texts.coverageHeading);
  const { coverage } = overview;
  if (coverage.covered === null || coverage.share === null) {
    paragraph(context, texts.coverageAllHidden, { size: 9.5 });
    return;
  }
  paragraph(
    context,
    texts.coverageSummary(
      coverage.covered,
      coverage.shown,
      overview.coverageLevel,
      format.share(coverage.share),
    ),
    { size: 9.5 },
  );
  context.doc.y += 4;
  const flagged = (flag: 'none' | 'one') =>
    rows
      .filter((row) => row.figure?.status === 'shown' && row.figure.coverageFlag === flag)
      .map((row) => `${row.competence.code} ${row.competence.name}`);
  const none = flagged('none');
  const one = flagged('one');
  if (none.length === 0 && one.length === 0) {
    paragraph(context, texts.coverageNoFlags, { size: 9 });
    return;
  }
  const { doc } = context;
  for (const [title, items] of [
    [texts.coverageNone, none],
    [texts.coverageOne, one],
  ] as const) {
    if (items.length > 0) {
      const list = items.join('; ');
      // The title stays with the start of its list.
      const titleHeight = doc.font(BOLD).fontSize(9).heightOfString(title, textBox(doc));
      const listHeight = doc.font(REGULAR).fontSize(9).heightOfString(list, textBox(doc));
      ensureSpace(doc, titleHeight + Math.min(listHeight, 40));
      paragraph(context, title, { size: 9, bold: true });
      paragraph(context, list, { size: 9 });
      doc.y += 4;
    }
  }
}

/** Footers: what the report is about, and the page number. */
function footers(context: Context, overview: CampaignOverview): void {
  const { doc, texts } = context;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 8;
    const width = contentWidth(doc);
    doc
      .moveTo(left(doc), y - 6)
      .lineTo(left(doc) + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc
      .font(REGULAR)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(`${overview.campaign.name} · ${overview.unit.name}`, left(doc), y, {
        width: width - 90,
        lineBreak: false,
        ellipsis: true,
      });
    doc.text(texts.page(index - range.start + 1, range.count), left(doc) + width - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = savedBottom;
  }
}

export async function overviewPdf(
  overview: CampaignOverview,
  options: {
    texts: ExportTexts;
    format: ExportFormat;
    locale: Locale;
    generatedAt: Date;
  },
): Promise<Buffer> {
  const { texts, format, generatedAt } = options;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    compress: true,
    lang: options.locale,
    displayTitle: true,
    info: {
      Title: `${texts.title}: ${overview.campaign.name}, ${overview.unit.name}`,
      Author: 'Evne',
      Subject: texts.rule(overview.threshold),
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { regular, bold } = fonts();
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  doc.font(REGULAR);

  const levels = overview.scale.map((level) => level.value);
  const context: Context = {
    doc,
    texts,
    format,
    k: overview.threshold,
    lowest: levels.length > 0 ? Math.min(...levels) : 1,
    highest: levels.length > 0 ? Math.max(...levels) : 5,
  };
  const rows = competenceRows(overview);

  titleBlock(context, overview, generatedAt);
  heading(context, texts.wheelHeading, texts.wheelLead);
  drawWheel(context, overview, rows);
  drawLegend(context, overview);
  doc.addPage();
  competenceSection(context, overview);
  heatmapSection(context, overview, rows);
  gapsSection(context, overview);
  coverageSection(context, overview, rows);
  footers(context, overview);
  doc.end();
  return finished;
}
