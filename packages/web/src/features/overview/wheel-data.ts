import type { CampaignOverview, CompetenceFigure, Locale } from '@evne/core';
import type { SunburstDatum } from '../../components/sunburst-chart';
import { averageColour, EMPTY_COLOUR, HIDDEN_COLOUR, type CellColour } from './colour-scale';
import { figureText, formatDecimal, type FigureText } from './figures';
import { scaleBounds } from './heatmap';

type Overview = CampaignOverview;
type Area = Overview['areas'][number];
type Competence = Area['competences'][number];

/** The words the wheel needs, in the reader's language. */
export interface WheelTexts {
  /** The short form of a figure in a label: the number, "< 5", "hidden" or "–". */
  short: (text: FigureText) => string;
  competenceTooltip: (competence: Competence, figure: CompetenceFigure | undefined) => string;
  areaTooltip: (area: Area, text: FigureText) => string;
}

function colourOf(text: FigureText, value: number | null, lowest: number, highest: number) {
  if (text.kind === 'hidden') {
    return HIDDEN_COLOUR;
  }
  return value === null ? EMPTY_COLOUR : averageColour(value, lowest, highest);
}

function segment(
  id: string,
  name: string,
  value: number,
  colour: CellColour,
  tooltip: string,
  children: SunburstDatum[],
): SunburstDatum {
  return { id, name, value, colour: colour.fill, labelColour: colour.text, tooltip, children };
}

/**
 * The wheel's segments: areas, each painted by the average of its shown competences, around
 * its competences, each painted by its average level and labelled with its code and figure.
 */
export function wheelData(overview: Overview, locale: Locale, texts: WheelTexts): SunburstDatum[] {
  const { lowest, highest } = scaleBounds(overview.scale);
  const figures = new Map(overview.competences.map((figure) => [figure.nodeId, figure]));
  const areas = overview.areas.filter((area) => area.competences.length > 0);
  const format = (value: number) => formatDecimal(value, locale);
  const share = 1000 / Math.max(areas.length, 1);
  return areas.map((area) => {
    const areaText: FigureText =
      area.average === null ? { kind: 'empty' } : { kind: 'value', text: format(area.average) };
    const children = area.competences.map((competence) => {
      const figure = figures.get(competence.id);
      const text = figure
        ? figureText(figure.status, figure.average, overview.threshold, format)
        : ({ kind: 'hidden', status: 'suppressed', k: overview.threshold } as const);
      return segment(
        competence.id,
        `${competence.code}: ${texts.short(text)}`,
        share / area.competences.length,
        colourOf(text, figure?.average ?? null, lowest, highest),
        texts.competenceTooltip(competence, figure),
        [],
      );
    });
    const areaColour =
      area.average === null ? HIDDEN_COLOUR : averageColour(area.average, lowest, highest);
    const areaName = areaText.kind === 'value' ? `${area.name}\n${areaText.text}` : area.name;
    return segment(
      area.id,
      areaName,
      share,
      areaColour,
      texts.areaTooltip(area, areaText),
      children,
    );
  });
}
