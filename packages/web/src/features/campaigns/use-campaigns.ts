import {
  campaignsApi,
  type Campaign,
  type CampaignSettings,
  type UpdateCampaignInput,
} from '@evne/core';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { callApi, callApiText } from '../../lib/api-client';

export const OUTBOX_PAGE_SIZE = 25;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  detail: (campaignId: string) => [...campaignKeys.all, 'detail', campaignId] as const,
  status: (campaignId: string) => [...campaignKeys.all, 'status', campaignId] as const,
  outbox: ['outbox'] as const,
  outboxPage: (campaignId: string | undefined, page: number) =>
    [...campaignKeys.outbox, campaignId ?? 'all', page] as const,
};

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list(),
    queryFn: async ({ signal }) => (await callApi(campaignsApi.listCampaigns, { signal })).items,
  });
}

export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: campaignKeys.detail(campaignId),
    queryFn: ({ signal }) => callApi(campaignsApi.getCampaign, { params: { campaignId }, signal }),
    enabled: campaignId !== '',
  });
}

/** Invited, started and submitted per unit subtree (counts below k are null). */
export function useCampaignStatus(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.status(campaignId),
    queryFn: ({ signal }) =>
      callApi(campaignsApi.campaignStatus, { params: { campaignId }, signal }),
    enabled,
  });
}

/** One page of the outbox, newest first, optionally for one campaign. */
export function useOutbox(campaignId: string | undefined, page: number) {
  return useQuery({
    queryKey: campaignKeys.outboxPage(campaignId, page),
    queryFn: ({ signal }) =>
      callApi(campaignsApi.listOutbox, {
        query: {
          page,
          pageSize: OUTBOX_PAGE_SIZE,
          ...(campaignId !== undefined ? { campaignId } : {}),
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A changed campaign replaces the cached one; the list, status and outbox are stale. */
function storeCampaign(queryClient: QueryClient, campaign: Campaign): void {
  queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
  void queryClient.invalidateQueries({ queryKey: campaignKeys.list() });
  void queryClient.invalidateQueries({ queryKey: campaignKeys.status(campaign.id) });
}

function refreshAfterMail(queryClient: QueryClient, campaignId: string): void {
  void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
  void queryClient.invalidateQueries({ queryKey: campaignKeys.list() });
  void queryClient.invalidateQueries({ queryKey: campaignKeys.status(campaignId) });
  void queryClient.invalidateQueries({ queryKey: campaignKeys.outbox });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignSettings) => callApi(campaignsApi.createCampaign, { body: input }),
    onSuccess: (campaign) => storeCampaign(queryClient, campaign),
  });
}

export function useUpdateCampaign(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCampaignInput) =>
      callApi(campaignsApi.updateCampaign, { params: { campaignId }, body: input }),
    onSuccess: (campaign) => storeCampaign(queryClient, campaign),
  });
}

export function useScheduleCampaign(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(campaignsApi.scheduleCampaign, { params: { campaignId } }),
    onSuccess: (campaign) => storeCampaign(queryClient, campaign),
  });
}

export function useCloseCampaign(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(campaignsApi.closeCampaign, { params: { campaignId } }),
    onSuccess: (campaign) => storeCampaign(queryClient, campaign),
  });
}

export function useSendInvitations(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(campaignsApi.sendInvitations, { params: { campaignId } }),
    onSettled: () => refreshAfterMail(queryClient, campaignId),
  });
}

export function useSendReminders(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(campaignsApi.sendReminders, { params: { campaignId } }),
    onSettled: () => refreshAfterMail(queryClient, campaignId),
  });
}

/** New links for every invitation not yet started, as the CSV the server made. */
export interface ExportedLinks {
  csv: string;
  /** Invitations whose earlier link stopped working. */
  rotatedLinks: number;
}

async function exportLinks(campaignId: string): Promise<ExportedLinks> {
  const { text, headers } = await callApiText(campaignsApi.exportLinks, {
    params: { campaignId },
  });
  const rotated = Number(headers.get('x-evne-rotated-links') ?? '0');
  return { csv: text, rotatedLinks: Number.isFinite(rotated) ? rotated : 0 };
}

export function useExportLinks(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => exportLinks(campaignId),
    onSettled: () => refreshAfterMail(queryClient, campaignId),
  });
}
