import type { CampaignOverview, CompetenceFigure } from '@evne/core';

type Overview = CampaignOverview;

/** A competence's code and name with its area, for lists outside the area tables. */
export interface CompetenceName {
  nodeId: string;
  code: string;
  name: string;
  areaName: string;
}

export function competenceNames(areas: Overview['areas']): Map<string, CompetenceName> {
  return new Map(
    areas.flatMap((area) =>
      area.competences.map((competence) => [
        competence.id,
        {
          nodeId: competence.id,
          code: competence.code,
          name: competence.name,
          areaName: area.name,
        },
      ]),
    ),
  );
}

/** The largest gaps with their names (gaps of competences not in the framework are left out). */
export function namedGaps(
  gaps: Overview['topGaps'],
  names: ReadonlyMap<string, CompetenceName>,
): (CompetenceName & { totalShortfall: number })[] {
  return gaps.flatMap((gap) => {
    const name = names.get(gap.nodeId);
    return name ? [{ ...name, totalShortfall: gap.totalShortfall }] : [];
  });
}

/**
 * The competences people would like to develop, most wanted first (ties in the framework's
 * order), and how many competences are not shown.
 */
export function interestRanking(competences: readonly CompetenceFigure[]): {
  ranked: { nodeId: string; count: number }[];
  hidden: number;
} {
  const ranked = competences
    .map((figure, index) => ({ figure, index }))
    .filter(({ figure }) => figure.status === 'shown' && figure.wantsToDevelop !== null)
    .sort(
      (a, b) =>
        (b.figure.wantsToDevelop ?? 0) - (a.figure.wantsToDevelop ?? 0) || a.index - b.index,
    )
    .map(({ figure }) => ({ nodeId: figure.nodeId, count: figure.wantsToDevelop ?? 0 }));
  return {
    ranked,
    hidden: competences.filter((figure) => figure.status !== 'shown').length,
  };
}

/** The shown competences held (at the coverage level) by nobody, and by one person only. */
export function coverageFlags(competences: readonly CompetenceFigure[]): {
  none: string[];
  one: string[];
} {
  const shown = competences.filter((figure) => figure.status === 'shown');
  return {
    none: shown.filter((figure) => figure.coverageFlag === 'none').map((figure) => figure.nodeId),
    one: shown.filter((figure) => figure.coverageFlag === 'one').map((figure) => figure.nodeId),
  };
}
