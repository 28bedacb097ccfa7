import {
  organisationApi,
  type CreateImportInput,
  type CreateOrgUnitInput,
  type ImportJob,
  type OrgUnitDetail,
  type PeopleQuery,
  type PersonDetail,
  type UpdateOrgUnitInput,
  type UpdatePersonInput,
} from '@evne/core';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { callApi } from '../../lib/api-client';

/** The people filters the list sends; page size and defaults as the contract has them. */
export type PeopleFilter = Partial<Omit<PeopleQuery, 'pageSize'>>;

export const PEOPLE_PAGE_SIZE = 50;

export const organisationKeys = {
  units: ['org-units'] as const,
  unitList: () => [...organisationKeys.units, 'list'] as const,
  unit: (unitId: string) => [...organisationKeys.units, 'detail', unitId] as const,
  people: ['people'] as const,
  peopleList: (filter: PeopleFilter, pageSize: number) =>
    [...organisationKeys.people, 'list', filter, pageSize] as const,
  person: (personId: string) => [...organisationKeys.people, 'detail', personId] as const,
  import: (importId: string) => ['org-imports', importId] as const,
};

export function useUnits() {
  return useQuery({
    queryKey: organisationKeys.unitList(),
    queryFn: async ({ signal }) => (await callApi(organisationApi.listUnits, { signal })).items,
  });
}

export function useUnit(unitId: string) {
  return useQuery({
    queryKey: organisationKeys.unit(unitId),
    queryFn: ({ signal }) => callApi(organisationApi.getUnit, { params: { unitId }, signal }),
  });
}

/** One page of people from the server (never the whole organisation). */
export function usePeople(
  filter: PeopleFilter,
  options: { pageSize?: number; enabled?: boolean } = {},
) {
  const pageSize = options.pageSize ?? PEOPLE_PAGE_SIZE;
  return useQuery({
    queryKey: organisationKeys.peopleList(filter, pageSize),
    queryFn: ({ signal }) =>
      callApi(organisationApi.listPeople, {
        query: { includeSubunits: 'true', status: 'active', page: 1, ...filter, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function usePerson(personId: string) {
  return useQuery({
    queryKey: organisationKeys.person(personId),
    queryFn: ({ signal }) => callApi(organisationApi.getPerson, { params: { personId }, signal }),
  });
}

function storeUnit(queryClient: QueryClient, detail: OrgUnitDetail): void {
  queryClient.setQueryData(organisationKeys.unit(detail.unit.id), detail);
  void queryClient.invalidateQueries({ queryKey: organisationKeys.units });
  void queryClient.invalidateQueries({ queryKey: organisationKeys.people });
}

function storePerson(queryClient: QueryClient, person: PersonDetail): void {
  queryClient.setQueryData(organisationKeys.person(person.id), person);
  void queryClient.invalidateQueries({ queryKey: [...organisationKeys.people, 'list'] });
  void queryClient.invalidateQueries({ queryKey: organisationKeys.units });
  void queryClient.invalidateQueries({ queryKey: ['role-profiles'] });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrgUnitInput) => callApi(organisationApi.createUnit, { body: input }),
    onSuccess: (detail) => storeUnit(queryClient, detail),
  });
}

export function useUpdateUnit(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateOrgUnitInput) =>
      callApi(organisationApi.updateUnit, { params: { unitId }, body: input }),
    onSuccess: (detail) => storeUnit(queryClient, detail),
  });
}

export function useUpdatePerson(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePersonInput) =>
      callApi(organisationApi.updatePerson, { params: { personId }, body: input }),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}

export function useAssignProfile(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) =>
      callApi(organisationApi.assignProfile, { params: { personId }, body: { profileId } }),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}

export function useUnassignProfile(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) =>
      callApi(organisationApi.unassignProfile, { params: { personId, profileId } }),
    onSuccess: (person) => storePerson(queryClient, person),
  });
}

// ---------------------------------------------------------------- imports

const POLL_MS = 500;

/** An import job; polled every half second while it is being applied. */
export function useImportJob(importId: string | null) {
  return useQuery({
    queryKey: organisationKeys.import(importId ?? 'none'),
    queryFn: ({ signal }) =>
      callApi(organisationApi.getImport, { params: { importId: importId ?? '' }, signal }),
    enabled: importId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'applying' ? POLL_MS : false),
    // The job lives in the server's memory; refetching on focus is harmless but not needed.
    refetchOnWindowFocus: false,
    retry: false,
  });
}

function storeJob(queryClient: QueryClient, job: ImportJob): void {
  queryClient.setQueryData(organisationKeys.import(job.id), job);
}

export function useCreateImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateImportInput) =>
      callApi(organisationApi.createImport, { body: input }),
    onSuccess: (job) => storeJob(queryClient, job),
  });
}

export function useReplanImport(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { mapping: Record<string, string>; isFullImport: boolean }) =>
      callApi(organisationApi.replanImport, { params: { importId }, body: input }),
    onSuccess: (job) => storeJob(queryClient, job),
  });
}

export function useApplyImport(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(organisationApi.applyImport, { params: { importId } }),
    onSuccess: (job) => storeJob(queryClient, job),
  });
}

/** After an applied import the tree, people and profile counts are stale. */
export function refreshAfterImport(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: organisationKeys.units });
  void queryClient.invalidateQueries({ queryKey: organisationKeys.people });
  void queryClient.invalidateQueries({ queryKey: ['role-profiles'] });
}
