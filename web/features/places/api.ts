import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Commune, Province } from '../../../contracts/places.ts';
import { apiRequest } from '../../lib/api-client.ts';

export const placeKeys = {
  provinces: ['places', 'provinces'] as const,
  communeSearch: (q: string, provinceCode: string | undefined) => ['places', 'communes', { q, provinceCode }] as const,
  communesByCode: (codes: string[]) => ['places', 'communes', { codes }] as const,
};

export const provincesQuery = queryOptions({
  queryKey: placeKeys.provinces,
  queryFn: ({ signal }) => apiRequest<Province[]>('/provinces', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useProvinces() {
  return useQuery(provincesQuery);
}

export function useCommuneSearch(q: string, provinceCode: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: placeKeys.communeSearch(q, provinceCode),
    queryFn: ({ signal }) => apiRequest<Commune[]>('/communes', { query: { q, provinceCode, limit: 30 }, signal }),
    enabled,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Names for commune codes (a filter read from the URL, codes in the history). */
export function useCommunesByCode(codes: string[]) {
  const sorted = [...new Set(codes)].sort();
  return useQuery({
    queryKey: placeKeys.communesByCode(sorted),
    queryFn: ({ signal }) => apiRequest<Commune[]>('/communes', { query: { code: sorted.join(','), limit: sorted.length }, signal }),
    enabled: sorted.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
