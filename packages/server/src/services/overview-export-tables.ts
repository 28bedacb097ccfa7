import type { CampaignOverview, CompetenceFigure } from '@evne/core';
import { stringify } from 'csv-stringify/sync';
import type { ExportFormat, ExportTexts } from './overview-export-texts.js';

/**
 * The tables of an overview export, made from the overview the screen shows and from nothing
 * else: a figure the overview hides is a `hidden` cell (written "< k"), never a number.
 */

export type NumberFormat = 'count' | 'average' | 'share';

export type ExportCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; format: NumberFormat }
  | { kind: 'hidden' }
  | { kind: 'empty' };

export interface ExportColumn {
  title: string;
  /** The format of the column's numbers; absent for text columns. */
  format?: NumberFormat;
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportCell[][];
}

const column = (title: string, format?: NumberFormat): ExportColumn =>
  format === undefined ? { title } : { title, format };

const HIDDEN: ExportCell = { kind: 'hidden' };
const EMPTY: ExportCell = { kind: 'empty' };

export const text = (value: string): ExportCell => ({ kind: 'text', text: value });

const number = (value: number | null, format: NumberFormat): ExportCell =>
  value === null ? EMPTY : { kind: 'number', value, format };

/** How a hidden figure reads in every export. */
export const hiddenText = (k: number): string => `< ${k}`;

export interface CompetenceRow {
  area: CampaignOverview['areas'][number];
  competence: CampaignOverview['areas'][number]['competences'][number];
  /** Absent only if the overview has no figure for it, which is treated as hidden. */
  figure: CompetenceFigure | undefined;
}

/** The competences in the framework's order, each with its figure. */
export function competenceRows(overview: CampaignOverview): CompetenceRow[] {
  const figures = new Map(overview.competences.map((figure) => [figure.nodeId, figure]));
  return overview.areas.flatMap((area) =>
    area.competences.map((competence) => ({
      area,
      competence,
      figure: figures.get(competence.id),
    })),
  );
}

/** A figure's shown value, or null when the overview hides the figure. */
function shown(figure: CompetenceFigure | undefined): CompetenceFigure | null {
  return figure !== undefined && figure.status === 'shown' ? figure : null;
}

function flagText(flag: CompetenceFigure['coverageFlag'], texts: ExportTexts): string | null {
  return flag === 'none' ? texts.flagNone : flag === 'one' ? texts.flagOne : null;
}

/** The figures per competence: the table of the CSV and of the "Competences" sheet. */
export function competenceTable(overview: CampaignOverview, texts: ExportTexts): ExportTable {
  const columns = [
    column(texts.area),
    column(texts.code),
    column(texts.competence),
    column(texts.average, 'average'),
    column(texts.rated, 'count'),
    column(texts.notApplicable, 'count'),
    ...overview.scale.map((level) =>
      column(texts.peopleAtLevel(level.value, level.label), 'count'),
    ),
    column(texts.withTarget, 'count'),
    column(texts.meetingTarget, 'share'),
    column(texts.averageShortfall, 'average'),
    column(texts.totalShortfall, 'count'),
    column(texts.holders(overview.coverageLevel), 'count'),
    column(texts.flag),
    column(texts.wants, 'count'),
  ];
  const figureColumns = columns.length - 3;
  const rows = competenceRows(overview).map(({ area, competence, figure }) => {
    const names = [text(area.name), text(competence.code), text(competence.name)];
    const visible = shown(figure);
    if (visible === null) {
      return [...names, ...Array.from({ length: figureColumns }, () => HIDDEN)];
    }
    const perLevel = new Map((visible.distribution ?? []).map((entry) => [entry.level, entry]));
    const flag = flagText(visible.coverageFlag, texts);
    return [
      ...names,
      number(visible.average, 'average'),
      number(visible.rated, 'count'),
      number(visible.notApplicable, 'count'),
      ...overview.scale.map((level) => number(perLevel.get(level.value)?.count ?? 0, 'count')),
      number(visible.withTarget, 'count'),
      number(visible.meetingTargetShare, 'share'),
      number(visible.averageShortfall, 'average'),
      number(visible.totalShortfall, 'count'),
      number(visible.holders, 'count'),
      flag === null ? EMPTY : text(flag),
      number(visible.wantsToDevelop, 'count'),
    ];
  });
  return { columns, rows };
}

/** Respondents of a group: a count when shown, else hidden. */
function respondentsCell(group: CampaignOverview['respondents']): ExportCell {
  return group.status === 'shown' ? number(group.count, 'count') : HIDDEN;
}

/**
 * The heatmap: the unit in all, then each child unit (its subtree), by competence, average
 * level.
 */
export function heatmapTable(overview: CampaignOverview, texts: ExportTexts): ExportTable {
  const order = competenceRows(overview);
  const columns = [
    column(texts.unit),
    column(texts.respondents, 'count'),
    ...order.map((row) => column(row.competence.code, 'average')),
  ];
  const total = [
    text(texts.heatmapTotal(overview.unit.name)),
    respondentsCell(overview.respondents),
    ...order.map(({ figure }) => {
      const visible = shown(figure);
      return visible === null ? HIDDEN : number(visible.average, 'average');
    }),
  ];
  const children = overview.children.map((child) => {
    const cells = new Map(child.cells.map((cell) => [cell.nodeId, cell]));
    return [
      text(child.unit.name),
      respondentsCell(child.respondents),
      ...order.map(({ competence }) => {
        const cell = cells.get(competence.id);
        return cell === undefined || cell.status !== 'shown'
          ? HIDDEN
          : number(cell.average, 'average');
      }),
    ];
  });
  return { columns, rows: [total, ...children] };
}

/** Every competence, the largest gaps first, with its coverage. */
export function gapsTable(overview: CampaignOverview, texts: ExportTexts): ExportTable {
  const columns = [
    column(texts.gapsRank, 'count'),
    column(texts.area),
    column(texts.code),
    column(texts.competence),
    column(texts.totalShortfall, 'count'),
    column(texts.withTarget, 'count'),
    column(texts.meetingTarget, 'share'),
    column(texts.averageShortfall, 'average'),
    column(texts.holders(overview.coverageLevel), 'count'),
    column(texts.flag),
  ];
  const rank = new Map(overview.topGaps.map((gap, at) => [gap.nodeId, at + 1]));
  const rows = competenceRows(overview)
    .map((row, at) => ({ row, at, visible: shown(row.figure) }))
    .sort((a, b) => {
      const rankA = rank.get(a.row.competence.id) ?? Infinity;
      const rankB = rank.get(b.row.competence.id) ?? Infinity;
      if (rankA !== rankB) {
        return rankA - rankB;
      }
      if ((a.visible === null) !== (b.visible === null)) {
        return a.visible === null ? 1 : -1;
      }
      return (b.visible?.totalShortfall ?? 0) - (a.visible?.totalShortfall ?? 0) || a.at - b.at;
    })
    .map(({ row, visible }) => {
      const place = rank.get(row.competence.id);
      const names = [
        place === undefined ? EMPTY : number(place, 'count'),
        text(row.area.name),
        text(row.competence.code),
        text(row.competence.name),
      ];
      if (visible === null) {
        return [...names, ...Array.from({ length: columns.length - names.length }, () => HIDDEN)];
      }
      const flag = flagText(visible.coverageFlag, texts);
      return [
        ...names,
        number(visible.totalShortfall, 'count'),
        number(visible.withTarget, 'count'),
        number(visible.meetingTargetShare, 'share'),
        number(visible.averageShortfall, 'average'),
        number(visible.holders, 'count'),
        flag === null ? EMPTY : text(flag),
      ];
    });
  return { columns, rows };
}

/** The coverage summary as label and value. */
export function coverageRows(overview: CampaignOverview, texts: ExportTexts): ExportCell[][] {
  const { coverage } = overview;
  return [
    [text(texts.covered), coverage.covered === null ? HIDDEN : number(coverage.covered, 'count')],
    [text(texts.shownCompetences), number(coverage.shown, 'count')],
    [text(texts.totalCompetences), number(coverage.total, 'count')],
    [text(texts.coverageShare), coverage.share === null ? HIDDEN : number(coverage.share, 'share')],
  ];
}

/** The people behind the unit's figures, in words. */
export function respondentsText(overview: CampaignOverview, texts: ExportTexts): string {
  const { respondents, threshold } = overview;
  if (respondents.status === 'shown' && respondents.count !== null) {
    return texts.respondentsCount(respondents.count);
  }
  return respondents.status === 'fewer_than_k'
    ? texts.respondentsFewer(threshold)
    : texts.respondentsSuppressed;
}

/** The unit with the path above it, as one line. */
export function unitLine(overview: CampaignOverview): string {
  return [...overview.unit.path.map((step) => step.name), overview.unit.name].join(' › ');
}

/** A cell as CSV text: numbers with the language's decimal sign, hidden figures as "< k". */
function csvText(cell: ExportCell, k: number, format: ExportFormat): string {
  switch (cell.kind) {
    case 'hidden':
      return hiddenText(k);
    case 'empty':
      return '';
    case 'number':
      return format.plain(cell.format === 'share' ? Math.round(cell.value * 100) : cell.value);
    case 'text':
      // Never read as a formula by a spreadsheet.
      return /^[=+\-@\t\r]/.test(cell.text) ? `'${cell.text}` : cell.text;
  }
}

/**
 * A table as CSV: semicolon-separated, UTF-8 with a BOM (what Danish and Norwegian Excel open
 * with a double click); shares as whole percentages.
 */
export function tableCsv(table: ExportTable, options: { k: number; format: ExportFormat }): string {
  const header = table.columns.map((entry) =>
    entry.format === 'share' ? `${entry.title} (%)` : entry.title,
  );
  const rows = table.rows.map((row) => row.map((cell) => csvText(cell, options.k, options.format)));
  return `\ufeff${stringify([header, ...rows], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/** A fill and a text colour that reads on it. */
export interface CellColour {
  fill: string;
  text: string;
}

/** Light yellow-green to dark blue, low to high: the screen's scale, light to dark in greyscale. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0xed, 0xf8, 0xb1],
  [0xc7, 0xe9, 0xb4],
  [0x7f, 0xcd, 0xbb],
  [0x41, 0xb6, 0xc4],
  [0x1d, 0x91, 0xc0],
  [0x22, 0x5e, 0xa8],
  [0x0c, 0x2c, 0x84],
];

/** Hidden figures: neutral grey, never a colour of the scale. */
export const HIDDEN_COLOUR: CellColour = { fill: '#e4e7eb', text: '#111827' };

const hex = (rgb: readonly number[]): string =>
  `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

function luminance(rgb: readonly number[]): number {
  const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The colour of an average level on a scale from `lowest` to `highest`. */
export function averageColour(value: number, lowest: number, highest: number): CellColour {
  const position = highest > lowest ? (value - lowest) / (highest - lowest) : 1;
  const at = Math.min(1, Math.max(0, Number.isFinite(position) ? position : 0));
  const scaled = at * (STOPS.length - 1);
  const index = Math.min(Math.floor(scaled), STOPS.length - 2);
  const from = STOPS[index] ?? [255, 255, 255];
  const to = STOPS[index + 1] ?? from;
  const amount = scaled - index;
  const rgb = from.map((channel, c) => channel + ((to[c] ?? channel) - channel) * amount);
  // Dark text where it reads better than white (contrast against #111827 and white).
  const l = luminance(rgb);
  const onDark = (l + 0.05) / (luminance([0x11, 0x18, 0x27]) + 0.05);
  const onWhite = 1.05 / (l + 0.05);
  return { fill: hex(rgb), text: onDark >= onWhite ? '#111827' : '#ffffff' };
}
