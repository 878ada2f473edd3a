import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common.ts';
import type { Import, ImportEntity, ImportListItem, ImportRow, ImportRowAction } from '../../../contracts/imports.ts';
import { apiRequest } from '../../lib/api-client.ts';

export const importKeys = {
  all: ['imports'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  rows: (id: string, filter: ImportRowFilter) => ['imports', 'rows', id, filter] as const,
};

export type ImportRowFilter = { action?: ImportRowAction; hasWarnings?: boolean; page: number; status: Import['status'] };

const isUnderWay = (status: Import['status'] | undefined) => status === 'previewing' || status === 'committing';

/** The import, asked again every second while its job runs, so the progress bar moves. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Import>(`/imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (isUnderWay(query.state.data?.status) ? 1000 : false),
    // A finished preview or commit does not change behind the user's back.
    staleTime: 0,
  });
}

export function useImportRows(id: string, filter: ImportRowFilter, enabled: boolean) {
  const { status: _status, ...query } = filter;
  return useQuery({
    enabled,
    queryKey: importKeys.rows(id, filter),
    queryFn: ({ signal }) =>
      apiRequest<Page<ImportRow>>(`/imports/${encodeURIComponent(id)}/rows`, { query: { ...query, pageSize: 50 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Earlier imports, newest first (the server decides whose). */
export function useImportList(query: { entity?: ImportEntity; status?: Import['status']; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['imports', 'list', query],
    queryFn: ({ signal }) => apiRequest<Page<ImportListItem>>('/imports', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The empty list to fill in Excel for each kind of import. */
export const templatePaths: Record<ImportEntity, string> = {
  organizations: '/organizations/template',
  people: '/people/template',
};

/** Uploads the file (multipart, field "file"; optional "entity" and "year") and starts the preview. */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entity, file, year }: { entity: ImportEntity; file: File; year: number | null }) => {
      const form = new FormData();
      form.append('entity', entity);
      if (year !== null && entity === 'organizations') form.append('year', String(year));
      form.append('file', file, file.name);
      return apiRequest<Import>('/imports', { method: 'POST', body: form });
    },
    onSuccess: (started) => queryClient.setQueryData(importKeys.detail(started.id), started),
  });
}

export function useChooseCommune(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rowNumber, communeCode }: { rowNumber: number; communeCode: string }) =>
      apiRequest<ImportRow>(`/imports/${encodeURIComponent(id)}/rows/${rowNumber}/commune`, { method: 'PUT', body: { communeCode } }),
    // The row's action and the summary's counts change with the choice.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useCommitImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; skipRowsWithErrors: boolean }) =>
      apiRequest<Import>(`/imports/${encodeURIComponent(id)}/commit`, { method: 'POST', body: input }),
    onSuccess: (started) => queryClient.setQueryData(importKeys.detail(started.id), started),
  });
}
