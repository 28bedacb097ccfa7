import { describe, expect, it } from 'vitest';
import { averageColour, HIDDEN_COLOUR } from './colour-scale';
import type { FigureText } from './figures';
import { IDS, testOverview } from './overview-fixture';
import { wheelData, type WheelTexts } from './wheel-data';

const texts: WheelTexts = {
  short: (text: FigureText) =>
    text.kind === 'value' ? text.text : text.kind === 'hidden' ? `hidden:${text.status}` : '–',
  competenceTooltip: (competence, figure) => `${competence.code} ${figure?.status ?? 'none'}`,
  areaTooltip: (area, text) => `${area.code} ${text.kind}`,
};

describe('wheelData', () => {
  it('has one segment per area with competences, around its competences', () => {
    const data = wheelData(testOverview(), 'da', texts);
    expect(data.map((item) => item.id)).toEqual([IDS.area]);
    expect(data[0]?.children.map((item) => item.id)).toEqual([IDS.c1, IDS.c2, IDS.c3]);
    expect(data[0]?.value).toBe(1000);
    expect(data[0]?.children[0]?.value).toBeCloseTo(1000 / 3);
  });

  it('labels and paints each competence by its figure', () => {
    const [area] = wheelData(testOverview(), 'da', texts);
    expect(area?.name).toBe('Data\n2,5');
    expect(area?.colour).toBe(averageColour(2.5, 1, 5).fill);
    const [low, high, hidden] = area?.children ?? [];
    expect(low?.name).toBe('A1.1: 1,0');
    expect(low?.colour).toBe(averageColour(1, 1, 5).fill);
    expect(low?.labelColour).toBe(averageColour(1, 1, 5).text);
    expect(high?.colour).toBe(averageColour(5, 1, 5).fill);
    expect(hidden?.name).toBe('A1.3: hidden:suppressed');
    expect(hidden?.colour).toBe(HIDDEN_COLOUR.fill);
    expect(hidden?.tooltip).toBe('A1.3 suppressed');
  });

  it('paints an area without a shown average grey and leaves its number out', () => {
    const overview = testOverview();
    const first = overview.areas[0];
    if (first) {
      first.average = null;
    }
    const [area] = wheelData(overview, 'da', texts);
    expect(area?.name).toBe('Data');
    expect(area?.colour).toBe(HIDDEN_COLOUR.fill);
    expect(area?.tooltip).toBe('A1 empty');
  });
});
