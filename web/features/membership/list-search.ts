import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../../contracts/common.ts';
import { type MembershipListQuery, membershipCategorySchema, membershipSortKeys } from '../../../contracts/membership.ts';
import { organizationKindSchema } from '../../../contracts/organizations.ts';
import { communeCodeSchema } from '../../../contracts/places.ts';
import type { QueryValue } from '../../lib/api-client.ts';

export const memberStates = ['current', 'left'] as const;

/** The members list's filters as they live in the URL; anything unreadable is dropped. */
const schema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  category: membershipCategorySchema.optional().catch(undefined),
  state: z.enum(memberStates).optional().catch(undefined),
  joinedYear: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  kind: organizationKindSchema.optional().catch(undefined),
  communeCode: communeCodeSchema.optional().catch(undefined),
  sort: z.enum(membershipSortKeys).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().catch(undefined),
});

export type MemberListSearch = z.output<typeof schema>;

export function parseMemberListSearch(search: Record<string, unknown>): MemberListSearch {
  const parsed = schema.parse(search);
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined && value !== '')) as MemberListSearch;
}

export function toMembershipListQuery(search: MemberListSearch): MembershipListQuery {
  const { state, ...rest } = search;
  return { ...rest, isCurrent: state === undefined ? undefined : state === 'current' ? 'true' : 'false' };
}

/** The filters without paging and order: what the Excel export takes. */
export function toMembershipExportQuery(search: MemberListSearch): Record<string, QueryValue> {
  const { page: _page, pageSize: _pageSize, sort: _sort, ...filters } = toMembershipListQuery(search);
  return filters as Record<string, QueryValue>;
}
