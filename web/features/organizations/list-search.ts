import { z } from 'zod';
import { classificationBandSchema, MAX_REPORT_YEAR, MIN_REPORT_YEAR } from '../../../contracts/annual-reports.ts';
import { MAX_PAGE_SIZE } from '../../../contracts/common.ts';
import {
  type OrganizationListQuery,
  organizationKindSchema,
  organizationSortKeys,
  organizationStatusSchema,
  sectorSchema,
} from '../../../contracts/organizations.ts';
import { communeCodeSchema, provinceCodeSchema } from '../../../contracts/places.ts';
import type { QueryValue } from '../../lib/api-client.ts';

export const PAGE_SIZES = [20, 50, 100, 200] as const;

const urlBoolean = z.enum(['true', 'false']).transform((value) => value === 'true');

/** The list's filters as they live in the URL; anything unreadable is dropped, never an error page. */
const organizationListSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: organizationKindSchema.optional().catch(undefined),
  status: organizationStatusSchema.optional().catch(undefined),
  sector: sectorSchema.optional().catch(undefined),
  provinceCode: provinceCodeSchema.optional().catch(undefined),
  communeCode: communeCodeSchema.optional().catch(undefined),
  isNewModel: z.union([z.boolean(), urlBoolean]).optional().catch(undefined),
  foundedWithSupport: z.union([z.boolean(), urlBoolean]).optional().catch(undefined),
  foundedYear: z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR).optional().catch(undefined),
  archived: z.union([z.boolean(), urlBoolean]).optional().catch(undefined),
  sort: z.enum(organizationSortKeys).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().catch(undefined),
  figuresYear: z.coerce.number().int().min(MIN_REPORT_YEAR).max(MAX_REPORT_YEAR).optional().catch(undefined),
  /** Only `false` is offered: "no figures entered for the year". */
  hasFigures: z
    .union([z.literal(false), z.literal('false').transform(() => false as const)])
    .optional()
    .catch(undefined),
  revenueMin: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  revenueMax: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  band: classificationBandSchema.optional().catch(undefined),
});

export type OrganizationListSearch = z.output<typeof organizationListSearchSchema>;

/** The filters about one year's figures; without a year they mean nothing (the API refuses them). */
export const FIGURE_FILTER_KEYS = ['hasFigures', 'revenueMin', 'revenueMax', 'band'] as const;

export function parseOrganizationListSearch(search: Record<string, unknown>): OrganizationListSearch {
  const parsed = organizationListSearchSchema.parse(search);
  if (parsed.figuresYear === undefined) for (const key of FIGURE_FILTER_KEYS) delete parsed[key];
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined && value !== '')) as OrganizationListSearch;
}

export function toOrganizationListQuery(search: OrganizationListSearch): OrganizationListQuery {
  return {
    ...search,
    isNewModel: search.isNewModel === undefined ? undefined : search.isNewModel ? 'true' : 'false',
    foundedWithSupport: search.foundedWithSupport === undefined ? undefined : search.foundedWithSupport ? 'true' : 'false',
    archived: search.archived ? 'true' : undefined,
    hasFigures: search.hasFigures === false ? 'false' : undefined,
  };
}

/** The filters of the list without paging and order: what the Excel export takes. */
export function toOrganizationExportQuery(search: OrganizationListSearch): Record<string, QueryValue> {
  const { page: _page, pageSize: _pageSize, sort: _sort, ...filters } = toOrganizationListQuery(search);
  return filters as Record<string, QueryValue>;
}
