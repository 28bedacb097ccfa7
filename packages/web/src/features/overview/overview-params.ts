import type { CampaignMode } from '@evne/core';

/** What the heatmap's cells show: the average level, or the share meeting their target. */
export type HeatMetric = 'average' | 'target';

/** The overview's state as it stands in the URL (`?unit=…&kind=…&level=…&show=…`). */
export interface OverviewParams {
  /** The unit whose subtree is shown; undefined for the caller's top unit. */
  unitId: string | undefined;
  kind: CampaignMode;
  /** The coverage level; undefined for the server's default. */
  level: number | undefined;
  heat: HeatMetric;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the state from the query string; anything malformed falls back to the default. */
export function readOverviewParams(search: URLSearchParams): OverviewParams {
  const unit = search.get('unit');
  const level = Number(search.get('level'));
  return {
    unitId: unit !== null && UUID.test(unit) ? unit : undefined,
    kind: search.get('kind') === 'manager' ? 'manager' : 'self',
    level: Number.isInteger(level) && level >= 1 && level <= 10 ? level : undefined,
    heat: search.get('show') === 'target' ? 'target' : 'average',
  };
}

/** The query string for a state, leaving out what is the default ("" when everything is). */
export function overviewSearch(params: OverviewParams): string {
  const search = new URLSearchParams();
  if (params.unitId !== undefined) {
    search.set('unit', params.unitId);
  }
  if (params.kind !== 'self') {
    search.set('kind', params.kind);
  }
  if (params.level !== undefined) {
    search.set('level', String(params.level));
  }
  if (params.heat !== 'average') {
    search.set('show', params.heat);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The path of an overview with the given state. */
export function overviewPath(campaignId: string, params: OverviewParams): string {
  return `/overview/${campaignId}${overviewSearch(params)}`;
}
