import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../contracts/common.ts';
import type {
  CreatePosition,
  ErasePerson,
  OrganizationPosition,
  Person,
  PersonListQuery,
  PersonSummary,
  UpdatePerson,
  UpdatePosition,
} from '../../../contracts/people.ts';
import { apiRequest, type QueryValue } from '../../lib/api-client.ts';

export const personKeys = {
  all: ['people'] as const,
  list: (query: PersonListQuery) => ['people', 'list', query] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  positionsOf: (organizationId: string) => ['people', 'positions', organizationId] as const,
};

export function usePeople(query: PersonListQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: personKeys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<PersonSummary>>('/people', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: personKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Person>(`/people/${encodeURIComponent(id)}`, { signal }),
  });

export function usePerson(id: string) {
  return useQuery(personQuery(id));
}

export const organizationPositionsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: personKeys.positionsOf(organizationId),
    queryFn: ({ signal }) =>
      apiRequest<{ items: OrganizationPosition[] }>(`/organizations/${encodeURIComponent(organizationId)}/positions`, { signal }),
  });

/** Who holds or held a position in the organisation, current positions first. */
export function useOrganizationPositions(organizationId: string) {
  return useQuery(organizationPositionsQuery(organizationId));
}

/** People and positions are seen from both sides (the person, the organisation): refresh both. */
function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: personKeys.all });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (input: UpdatePerson) => apiRequest<Person>(`/people/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      refresh();
    },
  });
}

export function useErasePerson(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (input: ErasePerson) => apiRequest<Person>(`/people/${encodeURIComponent(id)}/erase`, { method: 'POST', body: input }),
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      refresh();
      // Organisation histories named the person.
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'history'] });
    },
  });
}

export function useCreatePosition(organizationId: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (input: CreatePosition) =>
      apiRequest<OrganizationPosition>(`/organizations/${encodeURIComponent(organizationId)}/positions`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdatePosition() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdatePosition & { id: string }) =>
      apiRequest<OrganizationPosition>(`/positions/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
  });
}
