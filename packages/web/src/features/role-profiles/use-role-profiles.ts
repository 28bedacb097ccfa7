import {
  roleProfilesApi,
  type CreateRoleProfileInput,
  type LocalizedText,
  type ProfileRuleInput,
  type RoleProfile,
  type RoleProfileTarget,
} from '@evne/core';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';

export const roleProfileKeys = {
  all: ['role-profiles'] as const,
  list: () => [...roleProfileKeys.all, 'list'] as const,
  detail: (profileId: string) => [...roleProfileKeys.all, 'detail', profileId] as const,
};

export function useRoleProfiles() {
  return useQuery({
    queryKey: roleProfileKeys.list(),
    queryFn: async ({ signal }) => (await callApi(roleProfilesApi.list, { signal })).items,
  });
}

export function useRoleProfile(profileId: string | undefined) {
  return useQuery({
    queryKey: roleProfileKeys.detail(profileId ?? 'none'),
    queryFn: ({ signal }) =>
      callApi(roleProfilesApi.get, { params: { profileId: profileId ?? '' }, signal }),
    enabled: profileId !== undefined && profileId !== '',
  });
}

/** Every change answers with the whole profile: store it, and let the list (counts) refetch. */
function storeProfile(queryClient: QueryClient, profile: RoleProfile): void {
  queryClient.setQueryData(roleProfileKeys.detail(profile.id), profile);
  void queryClient.invalidateQueries({ queryKey: roleProfileKeys.list() });
}

/** Rules change who has a profile: people pages and their counts are stale. */
function refreshPeople(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['people'] });
}

export function useCreateRoleProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRoleProfileInput) => callApi(roleProfilesApi.create, { body: input }),
    onSuccess: (profile) => storeProfile(queryClient, profile),
  });
}

export function useUpdateRoleProfile(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: LocalizedText; description?: LocalizedText | null }) =>
      callApi(roleProfilesApi.update, { params: { profileId }, body: input }),
    onSuccess: (profile) => storeProfile(queryClient, profile),
  });
}

export function useDeleteRoleProfile(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(roleProfilesApi.remove, { params: { profileId } }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: roleProfileKeys.detail(profileId) });
      void queryClient.invalidateQueries({ queryKey: roleProfileKeys.list() });
      refreshPeople(queryClient);
    },
  });
}

export function useSetTargets(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (targets: RoleProfileTarget[]) =>
      callApi(roleProfilesApi.setTargets, { params: { profileId }, body: { targets } }),
    onSuccess: (profile) => storeProfile(queryClient, profile),
  });
}

export function useAddRule(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: ProfileRuleInput) =>
      callApi(roleProfilesApi.addRule, { params: { profileId }, body: rule }),
    onSuccess: (profile) => {
      storeProfile(queryClient, profile);
      refreshPeople(queryClient);
    },
  });
}

export function useRemoveRule(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) =>
      callApi(roleProfilesApi.removeRule, { params: { profileId, ruleId } }),
    onSuccess: (profile) => {
      storeProfile(queryClient, profile);
      refreshPeople(queryClient);
    },
  });
}

export function useCarryForward(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (frameworkVersionId: string) =>
      callApi(roleProfilesApi.carryForward, {
        params: { profileId },
        body: { frameworkVersionId },
      }),
    onSuccess: (result) => {
      storeProfile(queryClient, result.profile);
      refreshPeople(queryClient);
    },
  });
}
