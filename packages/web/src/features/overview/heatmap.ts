import type { CampaignOverview, Locale } from '@evne/core';
import {
  averageColour,
  EMPTY_COLOUR,
  HIDDEN_COLOUR,
  scaleColour,
  type CellColour,
} from './colour-scale';
import { figureText, formatDecimal, formatShare, type FigureText } from './figures';
import type { HeatMetric } from './overview-params';

type Overview = CampaignOverview;
type OverviewUnit = Overview['children'][number]['unit'];

/** One competence column, in the framework's order. */
export interface HeatColumn {
  nodeId: string;
  code: string;
  name: string;
}

/** An area over its competences' columns. */
export interface HeatGroup {
  id: string;
  code: string;
  name: string;
  span: number;
}

export interface HeatCell {
  nodeId: string;
  text: FigureText;
  colour: CellColour;
}

export interface HeatRow {
  unit: OverviewUnit;
  respondents: Overview['respondents'];
  cells: HeatCell[];
  /** The unit itself (its whole subtree), above its children. */
  isTotal: boolean;
}

/** The column headers: areas (with at least one competence) and their competences. */
export function heatColumns(areas: Overview['areas']): {
  groups: HeatGroup[];
  columns: HeatColumn[];
} {
  const withCompetences = areas.filter((area) => area.competences.length > 0);
  return {
    groups: withCompetences.map((area) => ({
      id: area.id,
      code: area.code,
      name: area.name,
      span: area.competences.length,
    })),
    columns: withCompetences.flatMap((area) =>
      area.competences.map((competence) => ({
        nodeId: competence.id,
        code: competence.code,
        name: competence.name,
      })),
    ),
  };
}

/** The lowest and highest level of the scale (1–5 when it is empty). */
export function scaleBounds(scale: Overview['scale']): { lowest: number; highest: number } {
  const values = scale.map((level) => level.value);
  return values.length === 0
    ? { lowest: 1, highest: 5 }
    : { lowest: Math.min(...values), highest: Math.max(...values) };
}

interface CellFigure {
  nodeId: string;
  status: Overview['respondents']['status'];
  average: number | null;
  meetingTargetShare: number | null;
}

/**
 * The heatmap's rows: the unit itself first, then each child, with one cell per column (a
 * competence missing from a row's figures counts as hidden, never as 0).
 */
export function heatmapRows(overview: Overview, metric: HeatMetric, locale: Locale): HeatRow[] {
  const { columns } = heatColumns(overview.areas);
  const { lowest, highest } = scaleBounds(overview.scale);
  const k = overview.threshold;

  const cell = (figure: CellFigure | undefined, nodeId: string): HeatCell => {
    if (!figure) {
      return { nodeId, text: { kind: 'hidden', status: 'suppressed', k }, colour: HIDDEN_COLOUR };
    }
    const value = metric === 'average' ? figure.average : figure.meetingTargetShare;
    const text = figureText(figure.status, value, k, (number) =>
      metric === 'average' ? formatDecimal(number, locale) : formatShare(number, locale),
    );
    const colour =
      text.kind === 'hidden'
        ? HIDDEN_COLOUR
        : value === null
          ? EMPTY_COLOUR
          : metric === 'average'
            ? averageColour(value, lowest, highest)
            : scaleColour(value);
    return { nodeId, text, colour };
  };

  const row = (
    unit: OverviewUnit,
    respondents: Overview['respondents'],
    figures: readonly CellFigure[],
    isTotal: boolean,
  ): HeatRow => {
    const byNode = new Map(figures.map((figure) => [figure.nodeId, figure]));
    return {
      unit,
      respondents,
      isTotal,
      cells: columns.map((column) => cell(byNode.get(column.nodeId), column.nodeId)),
    };
  };

  const { id, code, name, hasChildren } = overview.unit;
  const unit = { id, code, name, hasChildren };
  return [
    row(unit, overview.respondents, overview.competences, true),
    ...overview.children.map((child) => row(child.unit, child.respondents, child.cells, false)),
  ];
}
