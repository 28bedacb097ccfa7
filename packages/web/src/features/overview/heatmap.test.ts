import { describe, expect, it } from 'vitest';
import { averageColour, EMPTY_COLOUR, HIDDEN_COLOUR, scaleColour } from './colour-scale';
import { heatColumns, heatmapRows, scaleBounds } from './heatmap';
import { IDS, testOverview } from './overview-fixture';

describe('heatColumns', () => {
  it('gives the competences in framework order under their areas, leaving empty areas out', () => {
    const { groups, columns } = heatColumns(testOverview().areas);
    expect(groups).toEqual([{ id: IDS.area, code: 'A1', name: 'Data', span: 3 }]);
    expect(columns.map((column) => column.code)).toEqual(['A1.1', 'A1.2', 'A1.3']);
    expect(columns[1]).toEqual({ nodeId: IDS.c2, code: 'A1.2', name: 'Security' });
  });
});

describe('scaleBounds', () => {
  it('reads the lowest and highest level, 1–5 without a scale', () => {
    expect(
      scaleBounds([
        { value: 0, label: '' },
        { value: 4, label: '' },
      ]),
    ).toEqual({
      lowest: 0,
      highest: 4,
    });
    expect(scaleBounds([])).toEqual({ lowest: 1, highest: 5 });
  });
});

describe('heatmapRows', () => {
  it('puts the unit itself first, then its children, one cell per column', () => {
    const rows = heatmapRows(testOverview(), 'average', 'da');
    expect(rows.map((row) => [row.unit.name, row.isTotal, row.cells.length])).toEqual([
      ['Kommune', true, 3],
      ['Big unit', false, 3],
      ['Small team', false, 3],
    ]);
    expect(rows[0]?.unit).toEqual({
      id: IDS.root,
      code: 'ROOT',
      name: 'Kommune',
      hasChildren: true,
    });
  });

  it('prints averages on the colour of their level', () => {
    const [total, big] = heatmapRows(testOverview(), 'average', 'da');
    expect(total?.cells[0]).toEqual({
      nodeId: IDS.c1,
      text: { kind: 'value', text: '1,0' },
      colour: averageColour(1, 1, 5),
    });
    expect(big?.cells[0]?.text).toEqual({ kind: 'value', text: '3,0' });
    expect(big?.cells[0]?.colour).toEqual(averageColour(3, 1, 5));
  });

  it('shows the share meeting their target as a percentage when asked', () => {
    const [, big] = heatmapRows(testOverview(), 'target', 'en');
    expect(big?.cells[0]?.text).toEqual({ kind: 'value', text: '25%' });
    expect(big?.cells[0]?.colour).toEqual(scaleColour(0.25));
  });

  it('marks hidden cells as hidden, grey, with k, and a missing cell as hidden too', () => {
    const [total, big, small] = heatmapRows(testOverview(), 'average', 'da');
    expect(total?.cells[2]).toEqual({
      nodeId: IDS.c3,
      text: { kind: 'hidden', status: 'suppressed', k: 5 },
      colour: HIDDEN_COLOUR,
    });
    expect(big?.cells[2]?.text).toEqual({ kind: 'hidden', status: 'suppressed', k: 5 });
    expect(small?.cells[0]?.text).toEqual({ kind: 'hidden', status: 'fewer_than_k', k: 5 });
    expect(small?.cells[1]?.text.kind).toBe('hidden');
    expect(small?.cells[1]?.colour).toEqual(HIDDEN_COLOUR);
    expect(small?.respondents).toEqual({ status: 'fewer_than_k', count: null });
  });

  it('keeps a shown cell without a value empty rather than 0', () => {
    const [, big] = heatmapRows(testOverview(), 'average', 'da');
    expect(big?.cells[1]).toEqual({
      nodeId: IDS.c2,
      text: { kind: 'empty' },
      colour: EMPTY_COLOUR,
    });
  });
});
