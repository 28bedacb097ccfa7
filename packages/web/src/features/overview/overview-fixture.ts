import type { CampaignOverview, CompetenceFigure } from '@evne/core';

/** Ids for the test overview: a unit with two children, one area of three competences. */
export const IDS = {
  campaign: '00000000-0000-4000-8000-000000000001',
  root: '00000000-0000-4000-8000-000000000010',
  big: '00000000-0000-4000-8000-000000000011',
  small: '00000000-0000-4000-8000-000000000012',
  area: '00000000-0000-4000-8000-000000000100',
  area2: '00000000-0000-4000-8000-000000000200',
  c1: '00000000-0000-4000-8000-000000000101',
  c2: '00000000-0000-4000-8000-000000000102',
  c3: '00000000-0000-4000-8000-000000000103',
} as const;

export function shownFigure(
  nodeId: string,
  overrides: Partial<CompetenceFigure> = {},
): CompetenceFigure {
  return {
    nodeId,
    status: 'shown',
    rated: 10,
    notApplicable: 1,
    average: 3,
    distribution: [1, 2, 3, 4, 5].map((level) => ({ level, count: 2 })),
    withTarget: 8,
    meetingTargetShare: 0.5,
    averageShortfall: 0.6,
    totalShortfall: 5,
    holders: 6,
    coverageFlag: null,
    wantsToDevelop: 4,
    ...overrides,
  };
}

export function hiddenFigure(
  nodeId: string,
  status: 'fewer_than_k' | 'suppressed',
): CompetenceFigure {
  return {
    nodeId,
    status,
    rated: null,
    notApplicable: null,
    average: null,
    distribution: null,
    withTarget: null,
    meetingTargetShare: null,
    averageShortfall: null,
    totalShortfall: null,
    holders: null,
    coverageFlag: null,
    wantsToDevelop: null,
  };
}

export function testOverview(): CampaignOverview {
  return {
    campaign: {
      id: IDS.campaign,
      name: 'Test',
      anonymity: 'confidential',
      status: 'closed',
      modes: ['self', 'manager'],
    },
    threshold: 5,
    kind: 'self',
    coverageLevel: 3,
    unit: { id: IDS.root, code: 'ROOT', name: 'Kommune', hasChildren: true, path: [] },
    respondents: { status: 'shown', count: 20 },
    scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: `L${value}` })),
    areas: [
      {
        id: IDS.area,
        code: 'A1',
        name: 'Data',
        colour: '#1f5f8b',
        average: 2.5,
        competences: [
          { id: IDS.c1, code: 'A1.1', name: 'Use of data' },
          { id: IDS.c2, code: 'A1.2', name: 'Security' },
          { id: IDS.c3, code: 'A1.3', name: 'Ethics' },
        ],
      },
      { id: IDS.area2, code: 'A2', name: 'Empty', colour: null, average: null, competences: [] },
    ],
    competences: [
      shownFigure(IDS.c1, { average: 1, wantsToDevelop: 2, coverageFlag: 'one', holders: 1 }),
      shownFigure(IDS.c2, { average: 5, wantsToDevelop: 9, meetingTargetShare: null }),
      hiddenFigure(IDS.c3, 'suppressed'),
    ],
    coverage: { covered: 2, shown: 2, total: 3, share: 1 },
    topGaps: [
      { nodeId: IDS.c2, totalShortfall: 12 },
      { nodeId: '00000000-0000-4000-8000-00000000ffff', totalShortfall: 3 },
    ],
    selfVsManager: [{ nodeId: IDS.c1, self: 1, manager: 1.5, difference: -0.5 }],
    children: [
      {
        unit: { id: IDS.big, code: 'BIG', name: 'Big unit', hasChildren: true },
        respondents: { status: 'shown', count: 15 },
        cells: [
          { nodeId: IDS.c1, status: 'shown', average: 3, meetingTargetShare: 0.25 },
          { nodeId: IDS.c2, status: 'shown', average: null, meetingTargetShare: null },
          { nodeId: IDS.c3, status: 'suppressed', average: null, meetingTargetShare: null },
        ],
      },
      {
        unit: { id: IDS.small, code: 'SMALL', name: 'Small team', hasChildren: false },
        respondents: { status: 'fewer_than_k', count: null },
        cells: [
          { nodeId: IDS.c1, status: 'fewer_than_k', average: null, meetingTargetShare: null },
        ],
      },
    ],
  };
}
