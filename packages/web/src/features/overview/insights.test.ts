import { describe, expect, it } from 'vitest';
import { competenceNames, coverageFlags, interestRanking, namedGaps } from './insights';
import { hiddenFigure, IDS, shownFigure, testOverview } from './overview-fixture';

describe('competenceNames', () => {
  it('names every competence with its area', () => {
    const names = competenceNames(testOverview().areas);
    expect(names.size).toBe(3);
    expect(names.get(IDS.c2)).toEqual({
      nodeId: IDS.c2,
      code: 'A1.2',
      name: 'Security',
      areaName: 'Data',
    });
  });
});

describe('namedGaps', () => {
  it('keeps the order of the gaps and leaves unknown competences out', () => {
    const overview = testOverview();
    const gaps = namedGaps(overview.topGaps, competenceNames(overview.areas));
    expect(gaps.map((gap) => [gap.code, gap.totalShortfall])).toEqual([['A1.2', 12]]);
  });
});

describe('interestRanking', () => {
  it('ranks the shown competences by how many want to develop them', () => {
    const { ranked, hidden } = interestRanking(testOverview().competences);
    expect(ranked).toEqual([
      { nodeId: IDS.c2, count: 9 },
      { nodeId: IDS.c1, count: 2 },
    ]);
    expect(hidden).toBe(1);
  });

  it('keeps the framework order on ties', () => {
    const { ranked } = interestRanking([
      shownFigure('b', { wantsToDevelop: 3 }),
      shownFigure('a', { wantsToDevelop: 3 }),
      shownFigure('c', { wantsToDevelop: 0 }),
      hiddenFigure('d', 'fewer_than_k'),
    ]);
    expect(ranked.map((item) => item.nodeId)).toEqual(['b', 'a', 'c']);
  });
});

describe('coverageFlags', () => {
  it('lists shown competences held by nobody or by one person', () => {
    expect(
      coverageFlags([
        shownFigure('a', { coverageFlag: 'none', holders: 0 }),
        shownFigure('b', { coverageFlag: 'one', holders: 1 }),
        shownFigure('c'),
        hiddenFigure('d', 'suppressed'),
      ]),
    ).toEqual({ none: ['a'], one: ['b'] });
  });
});
