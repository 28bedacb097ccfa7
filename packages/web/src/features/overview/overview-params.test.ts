import { describe, expect, it } from 'vitest';
import { overviewPath, overviewSearch, readOverviewParams } from './overview-params';

const UNIT = '3b67944e-386b-41f3-af30-7cc34a2748f2';

describe('readOverviewParams', () => {
  it('reads the unit, rater kind, coverage level and heatmap measure', () => {
    expect(
      readOverviewParams(new URLSearchParams(`unit=${UNIT}&kind=manager&level=4&show=target`)),
    ).toEqual({ unitId: UNIT, kind: 'manager', level: 4, heat: 'target' });
  });

  it('falls back to the defaults for missing or malformed values', () => {
    expect(readOverviewParams(new URLSearchParams(''))).toEqual({
      unitId: undefined,
      kind: 'self',
      level: undefined,
      heat: 'average',
    });
    expect(readOverviewParams(new URLSearchParams('unit=nope&kind=boss&level=2.5&show=x'))).toEqual(
      { unitId: undefined, kind: 'self', level: undefined, heat: 'average' },
    );
    expect(readOverviewParams(new URLSearchParams('level=11')).level).toBeUndefined();
    expect(readOverviewParams(new URLSearchParams('level=0')).level).toBeUndefined();
  });
});

describe('overviewSearch', () => {
  it('leaves the defaults out and round-trips the rest', () => {
    expect(
      overviewSearch({ unitId: undefined, kind: 'self', level: undefined, heat: 'average' }),
    ).toBe('');
    const params = { unitId: UNIT, kind: 'manager', level: 2, heat: 'target' } as const;
    const search = overviewSearch(params);
    expect(search).toBe(`?unit=${UNIT}&kind=manager&level=2&show=target`);
    expect(readOverviewParams(new URLSearchParams(search))).toEqual(params);
  });

  it('builds the page path of a campaign', () => {
    expect(
      overviewPath('c1', { unitId: UNIT, kind: 'self', level: undefined, heat: 'average' }),
    ).toBe(`/overview/c1?unit=${UNIT}`);
  });
});
