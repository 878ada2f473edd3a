import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessDues,
  CreateMembership,
  Dues,
  DuesBehind,
  DuesBehindQuery,
  DuesListQuery,
  Membership,
  MembershipListQuery,
  MembershipStats,
  OrganizationMemberships,
  SaveDues,
  UpdateMembership,
} from '../../../contracts/membership.ts';
import type { Page } from '../../../contracts/common.ts';
import { apiRequest, isApiError, type QueryValue } from '../../lib/api-client.ts';

export const membershipKeys = {
  all: ['membership'] as const,
  list: (query: MembershipListQuery) => ['membership', 'list', query] as const,
  stats: (year?: number) => ['membership', 'stats', { year }] as const,
  dues: (query: DuesListQuery) => ['membership', 'dues', query] as const,
  behind: (query: DuesBehindQuery) => ['membership', 'behind', query] as const,
  ofOrganization: (organizationId: string) => ['membership', 'organization', organizationId] as const,
};

export function useMembershipList(query: MembershipListQuery) {
  return useQuery({
    queryKey: membershipKeys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Membership>>('/memberships', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Member counts and development; the dues figures are of `year` (this year when left out). */
export function useMembershipStats(year?: number) {
  return useQuery({
    queryKey: membershipKeys.stats(year),
    queryFn: ({ signal }) => apiRequest<MembershipStats>('/memberships/stats', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDuesList(query: DuesListQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: membershipKeys.dues(query),
    queryFn: ({ signal }) => apiRequest<Page<Dues>>('/membership-dues', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDuesBehind(query: DuesBehindQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: membershipKeys.behind(query),
    queryFn: ({ signal }) => apiRequest<DuesBehind>('/membership-dues/behind', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrganizationMemberships(organizationId: string, enabled = true) {
  return useQuery({
    enabled: enabled && organizationId !== '',
    queryKey: membershipKeys.ofOrganization(organizationId),
    queryFn: ({ signal }) =>
      apiRequest<OrganizationMemberships>(`/organizations/${encodeURIComponent(organizationId)}/memberships`, { signal }),
  });
}

/** Any change to a membership or its dues shows in every list, count and tab of the module. */
function useRefreshMembership() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: membershipKeys.all });
}

export function useCreateMembership() {
  const refresh = useRefreshMembership();
  return useMutation({
    mutationFn: (input: CreateMembership) => apiRequest<Membership>('/memberships', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateMembership() {
  const refresh = useRefreshMembership();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateMembership & { id: string }) =>
      apiRequest<Membership>(`/memberships/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
    // Someone else saved first: load their version, so the form shows it and the next save goes on top.
    onError: (error) => {
      if (isApiError(error, 409) && error.problem.code === 'version_conflict') refresh();
    },
  });
}

export function useSaveDues() {
  const refresh = useRefreshMembership();
  return useMutation({
    mutationFn: ({ membershipId, year, ...input }: SaveDues & { membershipId: string; year: number }) =>
      apiRequest<Dues>(`/memberships/${encodeURIComponent(membershipId)}/dues/${year}`, { method: 'PUT', body: input }),
    onSuccess: refresh,
  });
}

export function useAssessDues() {
  const refresh = useRefreshMembership();
  return useMutation({
    mutationFn: (input: AssessDues) =>
      apiRequest<{ year: number; created: number; alreadySet: number }>('/membership-dues/assess', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}
