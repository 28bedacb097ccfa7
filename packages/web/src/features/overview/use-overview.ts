import { overviewApi, type CampaignMode, type Locale } from '@evne/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';

export const overviewKeys = {
  all: ['overview'] as const,
  campaigns: (locale: Locale) => [...overviewKeys.all, 'campaigns', locale] as const,
  overview: (input: OverviewInput) =>
    [
      ...overviewKeys.all,
      'detail',
      input.campaignId,
      input.unitId ?? 'top',
      input.kind,
      input.coverageLevel ?? 'default',
      input.locale,
    ] as const,
};

/** Campaigns that have opened, newest first, to choose an overview from. */
export function useOverviewCampaigns(locale: Locale) {
  return useQuery({
    queryKey: overviewKeys.campaigns(locale),
    queryFn: async ({ signal }) =>
      (await callApi(overviewApi.listCampaigns, { query: { locale }, signal })).items,
  });
}

export interface OverviewInput {
  campaignId: string;
  unitId: string | undefined;
  kind: CampaignMode;
  coverageLevel: number | undefined;
  locale: Locale;
}

/** The overview of a unit and its children; the previous one stays on screen while the next loads. */
export function useOverview(input: OverviewInput) {
  return useQuery({
    queryKey: overviewKeys.overview(input),
    queryFn: ({ signal }) =>
      callApi(overviewApi.overview, {
        params: { campaignId: input.campaignId },
        query: {
          kind: input.kind,
          locale: input.locale,
          ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
          ...(input.coverageLevel !== undefined ? { coverageLevel: input.coverageLevel } : {}),
        },
        signal,
      }),
    enabled: input.campaignId !== '',
    placeholderData: keepPreviousData,
  });
}
