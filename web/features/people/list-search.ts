import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../../contracts/common.ts';
import { type PersonListQuery, positionSchema } from '../../../contracts/people.ts';

const urlBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The people list's filters as they live in the URL; anything unreadable is dropped. */
const personListSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  position: positionSchema.optional().catch(undefined),
  current: z.union([z.boolean(), urlBoolean]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().catch(undefined),
});

export type PersonListSearch = z.output<typeof personListSearchSchema>;

export function parsePersonListSearch(search: Record<string, unknown>): PersonListSearch {
  const parsed = personListSearchSchema.parse(search);
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined && value !== '')) as PersonListSearch;
}

export function toPersonListQuery(search: PersonListSearch): PersonListQuery {
  return { ...search, current: search.current === undefined ? undefined : search.current ? 'true' : 'false' };
}

/** The same filters for the Excel export: every page. */
export function toPersonExportQuery(search: PersonListSearch) {
  const { page: _page, pageSize: _pageSize, ...filters } = toPersonListQuery(search);
  return filters;
}
