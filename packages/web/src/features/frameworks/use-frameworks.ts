import {
  frameworksApi,
  type AdaptFrameworkInput,
  type CreateNodeInput,
  type FrameworkSummary,
  type FrameworkVersion,
  type ImportFrameworkInput,
  type UpdateNodeInput,
  type UpdateVersionInput,
} from '@evne/core';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';

export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: () => [...frameworkKeys.all, 'list'] as const,
  detail: (frameworkId: string) => [...frameworkKeys.all, 'detail', frameworkId] as const,
  version: (versionId: string) => ['framework-versions', versionId] as const,
};

export function useFrameworks() {
  return useQuery({
    queryKey: frameworkKeys.list(),
    queryFn: async ({ signal }) => (await callApi(frameworksApi.list, { signal })).items,
  });
}

export function useFramework(frameworkId: string) {
  return useQuery({
    queryKey: frameworkKeys.detail(frameworkId),
    queryFn: ({ signal }) => callApi(frameworksApi.get, { params: { frameworkId }, signal }),
  });
}

export function useFrameworkVersion(versionId: string | undefined) {
  return useQuery({
    queryKey: frameworkKeys.version(versionId ?? 'none'),
    queryFn: ({ signal }) =>
      callApi(frameworksApi.getVersion, { params: { versionId: versionId ?? '' }, signal }),
    enabled: versionId !== undefined,
  });
}

/** The version a framework page shows by default: the latest published one, else the newest. */
export function defaultVersionId(framework: FrameworkSummary): string | undefined {
  const published = framework.versions.filter((version) => version.status === 'published');
  return (published.at(-1) ?? framework.versions.at(-1))?.id;
}

export function draftOf(framework: FrameworkSummary): string | undefined {
  return framework.versions.find((version) => version.status === 'draft')?.id;
}

/** Every change answers with the whole version: store it, and let summaries (figures) refetch. */
function storeVersion(queryClient: QueryClient, version: FrameworkVersion): void {
  queryClient.setQueryData(frameworkKeys.version(version.id), version);
  void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
}

export function useAdaptFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ frameworkId, input }: { frameworkId: string; input: AdaptFrameworkInput }) =>
      callApi(frameworksApi.adapt, { params: { frameworkId }, body: input }),
    onSuccess: (summary) => {
      queryClient.setQueryData(frameworkKeys.detail(summary.id), summary);
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportFrameworkInput) => callApi(frameworksApi.import, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: frameworkKeys.all }),
  });
}

export function useCreateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (frameworkId: string) =>
      callApi(frameworksApi.createDraft, { params: { frameworkId } }),
    onSuccess: (version) => storeVersion(queryClient, version),
  });
}

export type VersionChange =
  | { type: 'updateVersion'; input: UpdateVersionInput }
  | { type: 'createNode'; input: CreateNodeInput }
  | { type: 'updateNode'; nodeId: string; input: UpdateNodeInput }
  | { type: 'deleteNode'; nodeId: string }
  | { type: 'publish' };

function applyChange(versionId: string, change: VersionChange): Promise<FrameworkVersion> {
  switch (change.type) {
    case 'updateVersion':
      return callApi(frameworksApi.updateVersion, { params: { versionId }, body: change.input });
    case 'createNode':
      return callApi(frameworksApi.createNode, { params: { versionId }, body: change.input });
    case 'updateNode':
      return callApi(frameworksApi.updateNode, {
        params: { versionId, nodeId: change.nodeId },
        body: change.input,
      });
    case 'deleteNode':
      return callApi(frameworksApi.deleteNode, { params: { versionId, nodeId: change.nodeId } });
    case 'publish':
      return callApi(frameworksApi.publish, { params: { versionId } });
  }
}

/** One mutation for every edit of a draft; the answer replaces the cached version. */
export function useChangeVersion(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: VersionChange) => applyChange(versionId, change),
    onSuccess: (version) => storeVersion(queryClient, version),
  });
}

export function useDeleteDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      callApi(frameworksApi.deleteDraft, { params: { versionId } }),
    onSuccess: (_result, versionId) => {
      queryClient.removeQueries({ queryKey: frameworkKeys.version(versionId) });
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}
