import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntry } from '../../../contracts/common.ts';
import type {
  OrganizationPage,
  ArchiveOrganization,
  CreateOrganization,
  DuplicatePair,
  MergeOrganization,
  Organization,
  OrganizationListQuery,
  OrganizationStats,
  UpdateOrganization,
} from '../../../contracts/organizations.ts';
import { apiRequest, type QueryValue } from '../../lib/api-client.ts';

export const organizationKeys = {
  all: ['organizations'] as const,
  list: (query: OrganizationListQuery) => ['organizations', 'list', query] as const,
  stats: (provinceCode: string | undefined) => ['organizations', 'stats', { provinceCode }] as const,
  detail: (id: string) => ['organizations', 'detail', id] as const,
  history: (id: string) => ['organizations', 'history', id] as const,
  duplicates: (provinceCode: string | undefined) => ['organizations', 'duplicates', { provinceCode }] as const,
};

export function useOrganizationList(query: OrganizationListQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: organizationKeys.list(query),
    queryFn: ({ signal }) => apiRequest<OrganizationPage>('/organizations', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizationStats(provinceCode?: string) {
  return useQuery({
    queryKey: organizationKeys.stats(provinceCode),
    queryFn: ({ signal }) => apiRequest<OrganizationStats>('/organizations/stats', { query: { provinceCode }, signal }),
  });
}

export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Organization>(`/organizations/${encodeURIComponent(id)}`, { signal }),
  });

export function useOrganization(id: string, enabled = true) {
  return useQuery({ ...organizationQuery(id), enabled: enabled && id !== '' });
}

export function useOrganizationHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: organizationKeys.history(id),
    queryFn: ({ signal }) => apiRequest<{ items: AuditEntry[] }>(`/organizations/${encodeURIComponent(id)}/history`, { signal }),
    enabled,
  });
}

/** After any change: the record is fresh from the answer; lists, stats and history are refetched. */
function useStoreSavedOrganization() {
  const queryClient = useQueryClient();
  return (organization: Organization) => {
    queryClient.setQueryData(organizationKeys.detail(organization.id), organization);
    void queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === organizationKeys.all[0] && query.queryKey[1] !== 'detail',
    });
  };
}

export function useCreateOrganization() {
  const storeSaved = useStoreSavedOrganization();
  return useMutation({
    mutationFn: (input: CreateOrganization) => apiRequest<Organization>('/organizations', { method: 'POST', body: input }),
    onSuccess: storeSaved,
  });
}

export function useUpdateOrganization(id: string) {
  const storeSaved = useStoreSavedOrganization();
  return useMutation({
    mutationFn: (input: UpdateOrganization) =>
      apiRequest<Organization>(`/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: storeSaved,
  });
}

export function useArchiveOrganization(id: string) {
  const storeSaved = useStoreSavedOrganization();
  return useMutation({
    mutationFn: (input: ArchiveOrganization) =>
      apiRequest<Organization>(`/organizations/${encodeURIComponent(id)}/archive`, { method: 'POST', body: input }),
    onSuccess: storeSaved,
  });
}

export function useDuplicatePairs(provinceCode?: string) {
  return useQuery({
    queryKey: organizationKeys.duplicates(provinceCode),
    queryFn: ({ signal }) => apiRequest<{ items: DuplicatePair[] }>('/organizations/duplicates', { query: { provinceCode }, signal }),
  });
}

/** Folds `duplicateId` into `survivorId`: the survivor comes back, the duplicate is archived. */
export function useMergeOrganizations() {
  const storeSaved = useStoreSavedOrganization();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, ...input }: MergeOrganization & { survivorId: string }) =>
      apiRequest<Organization>(`/organizations/${encodeURIComponent(survivorId)}/merge`, { method: 'POST', body: input }),
    onSuccess: (organization, input) => {
      storeSaved(organization);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.detail(input.duplicateId) });
      // Its people and figures moved too.
      void queryClient.invalidateQueries({ queryKey: ['annual-reports'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}
