import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnnualReport, BandDistribution, ClassificationRubric, SaveAnnualReport } from '../../../contracts/annual-reports.ts';
import { apiRequest } from '../../lib/api-client.ts';

export const annualReportKeys = {
  all: ['annual-reports'] as const,
  ofOrganization: (organizationId: string) => ['annual-reports', 'organization', organizationId] as const,
  bands: (year: number, provinceCode: string | undefined) => ['annual-reports', 'bands', { year, provinceCode }] as const,
  rubrics: ['annual-reports', 'rubrics'] as const,
};

export const annualReportsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: annualReportKeys.ofOrganization(organizationId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: AnnualReport[] }>(`/organizations/${encodeURIComponent(organizationId)}/annual-reports`, { signal }),
  });

/** An organisation's yearly figures, oldest year first. */
export function useAnnualReports(organizationId: string) {
  return useQuery(annualReportsQuery(organizationId));
}

export function useClassificationRubrics() {
  return useQuery({
    queryKey: annualReportKeys.rubrics,
    queryFn: ({ signal }) => apiRequest<ClassificationRubric[]>('/classification-rubrics', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useBandDistribution(year: number, provinceCode?: string) {
  return useQuery({
    queryKey: annualReportKeys.bands(year, provinceCode),
    queryFn: ({ signal }) => apiRequest<BandDistribution>('/annual-reports/bands', { query: { year, provinceCode }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Enters or changes one year (PUT is idempotent per year; `version` names the record read). */
export function useSaveAnnualReport(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: SaveAnnualReport }) =>
      apiRequest<AnnualReport>(`/organizations/${encodeURIComponent(organizationId)}/annual-reports/${year}`, { method: 'PUT', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: annualReportKeys.all });
      // The list's figure filters and the record's history change with it.
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
}
