import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdvisoryActivity,
  AdvisoryAttachment,
  AdvisoryBoard,
  AdvisoryBoardQuery,
  AdvisoryCase,
  AdvisoryCaseListQuery,
  AdvisoryCaseSummary,
  AdvisoryOfficer,
  AdvisoryStats,
  AdvisoryStatsQuery,
  CreateAdvisoryActivity,
  CreateAdvisoryCase,
  FoundedStats,
  FoundedStatsQuery,
  MoveAdvisoryStage,
  RegisterAdvisoryCase,
  UpdateAdvisoryActivity,
  UpdateAdvisoryCase,
} from '../../../contracts/advisory.ts';
import type { AuditEntry, Page } from '../../../contracts/common.ts';
import { apiRequest, isApiError, type QueryValue } from '../../lib/api-client.ts';

export const advisoryKeys = {
  all: ['advisory'] as const,
  list: (query: AdvisoryCaseListQuery) => ['advisory', 'list', query] as const,
  board: (query: AdvisoryBoardQuery) => ['advisory', 'board', query] as const,
  detail: (id: string) => ['advisory', 'case', id] as const,
  history: (id: string) => ['advisory', 'history', id] as const,
  officers: ['advisory', 'officers'] as const,
  stats: (query: AdvisoryStatsQuery) => ['advisory', 'stats', query] as const,
  founded: (query: FoundedStatsQuery) => ['advisory', 'founded', query] as const,
};

const path = (id: string) => `/advisory-cases/${encodeURIComponent(id)}`;

export function useCaseList(query: AdvisoryCaseListQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: advisoryKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest<Page<AdvisoryCaseSummary>>('/advisory-cases', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseBoard(query: AdvisoryBoardQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: advisoryKeys.board(query),
    queryFn: ({ signal }) => apiRequest<AdvisoryBoard>('/advisory-cases/board', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string, enabled = true) {
  return useQuery({ enabled, queryKey: advisoryKeys.detail(id), queryFn: ({ signal }) => apiRequest<AdvisoryCase>(path(id), { signal }) });
}

export function useCaseHistory(id: string) {
  return useQuery({
    queryKey: advisoryKeys.history(id),
    queryFn: ({ signal }) => apiRequest<{ items: AuditEntry[] }>(`${path(id)}/history`, { signal }),
  });
}

/** Whom a case may be assigned to (only the Alliance's own people may ask). */
export function useOfficers(enabled = true) {
  return useQuery({
    enabled,
    queryKey: advisoryKeys.officers,
    queryFn: ({ signal }) => apiRequest<{ items: AdvisoryOfficer[] }>('/advisory-officers', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCaseStats(query: AdvisoryStatsQuery) {
  return useQuery({
    queryKey: advisoryKeys.stats(query),
    queryFn: ({ signal }) => apiRequest<AdvisoryStats>('/advisory-cases/stats', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFoundedStats(query: FoundedStatsQuery) {
  return useQuery({
    queryKey: advisoryKeys.founded(query),
    queryFn: ({ signal }) =>
      apiRequest<FoundedStats>('/advisory-cases/founded-stats', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Any change to a case shows in every list, board, count and tab of the module (and the registry, after registration). */
function useRefreshAdvisory() {
  const queryClient = useQueryClient();
  return (options: { withRegistry?: boolean } = {}) => {
    void queryClient.invalidateQueries({ queryKey: advisoryKeys.all });
    if (options.withRegistry) void queryClient.invalidateQueries({ queryKey: ['organizations'] });
  };
}

/** Someone else saved first: load their version, so the page shows it and the next save goes on top. */
function refreshOnConflict(refresh: () => void) {
  return (error: unknown) => {
    if (isApiError(error, 409) && error.problem.code === 'version_conflict') refresh();
  };
}

export function useCreateCase() {
  const refresh = useRefreshAdvisory();
  return useMutation({
    mutationFn: (input: CreateAdvisoryCase) => apiRequest<AdvisoryCase>('/advisory-cases', { method: 'POST', body: input }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateCase(id: string) {
  const refresh = useRefreshAdvisory();
  return useMutation({
    mutationFn: (input: UpdateAdvisoryCase) => apiRequest<AdvisoryCase>(path(id), { method: 'PATCH', body: input }),
    onSuccess: () => refresh(),
    onError: refreshOnConflict(() => refresh()),
  });
}

export function useMoveStage(id: string) {
  const refresh = useRefreshAdvisory();
  return useMutation({
    mutationFn: (input: MoveAdvisoryStage) => apiRequest<AdvisoryCase>(`${path(id)}/stage`, { method: 'POST', body: input }),
    onSuccess: () => refresh(),
    onError: refreshOnConflict(() => refresh()),
  });
}

export function useRegisterCase(id: string) {
  const refresh = useRefreshAdvisory();
  return useMutation({
    mutationFn: (input: RegisterAdvisoryCase) => apiRequest<AdvisoryCase>(`${path(id)}/register`, { method: 'POST', body: input }),
    onSuccess: () => refresh({ withRegistry: true }),
    onError: refreshOnConflict(() => refresh()),
  });
}

export function useSaveActivity(caseId: string) {
  const refresh = useRefreshAdvisory();
  return useMutation({
    mutationFn: (input: { id?: string; create?: CreateAdvisoryActivity; update?: UpdateAdvisoryActivity }) =>
      input.id && input.update
        ? apiRequest<AdvisoryActivity>(`/advisory-activities/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: input.update })
        : apiRequest<AdvisoryActivity>(`${path(caseId)}/activities`, { method: 'POST', body: input.create }),
    onSuccess: () => refresh(),
    onError: refreshOnConflict(() => refresh()),
  });
}

export function useUploadAttachment(caseId: string) {
  const refresh = useRefreshAdvisory();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiRequest<AdvisoryAttachment>(`${path(caseId)}/attachments`, { method: 'POST', body: form });
    },
    onSuccess: () => refresh(),
  });
}

export function useRemoveAttachment() {
  const refresh = useRefreshAdvisory();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/advisory-attachments/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}
