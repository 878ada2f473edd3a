import { z } from 'zod';
import {
  type AdvisoryBoardQuery,
  type AdvisoryCaseListQuery,
  advisoryCaseSortKeys,
  advisoryKindSchema,
  advisoryStageSchema,
} from '../../../contracts/advisory.ts';
import { MAX_PAGE_SIZE } from '../../../contracts/common.ts';
import { communeCodeSchema, provinceCodeSchema } from '../../../contracts/places.ts';
import type { QueryValue } from '../../lib/api-client.ts';

export const caseViews = ['list', 'board'] as const;
export const caseStates = ['open', 'closed', 'overdue'] as const;

/** The cases list's filters as they live in the URL; anything unreadable is dropped. */
const schema = z.object({
  view: z.enum(caseViews).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  kind: advisoryKindSchema.optional().catch(undefined),
  stage: advisoryStageSchema.optional().catch(undefined),
  state: z.enum(caseStates).optional().catch(undefined),
  officerId: z.uuid().optional().catch(undefined),
  provinceCode: provinceCodeSchema.optional().catch(undefined),
  communeCode: communeCodeSchema.optional().catch(undefined),
  sort: z.enum(advisoryCaseSortKeys).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().catch(undefined),
});

export type AdvisoryListSearch = z.output<typeof schema>;

export function parseAdvisoryListSearch(search: Record<string, unknown>): AdvisoryListSearch {
  const parsed = schema.parse(search);
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined && value !== '')) as AdvisoryListSearch;
}

function filtersOf(search: AdvisoryListSearch) {
  return {
    q: search.q,
    kind: search.kind,
    officerId: search.officerId,
    provinceCode: search.provinceCode,
    communeCode: search.communeCode,
    overdue: search.state === 'overdue' ? 'true' : undefined,
    isOpen: search.state === 'open' ? 'true' : search.state === 'closed' ? 'false' : undefined,
  } as const;
}

export function toCaseListQuery(search: AdvisoryListSearch): AdvisoryCaseListQuery {
  return { ...filtersOf(search), stage: search.stage, sort: search.sort, page: search.page, pageSize: search.pageSize };
}

/** The board's columns are the stages: it takes every filter but the stage. */
export function toCaseBoardQuery(search: AdvisoryListSearch): AdvisoryBoardQuery {
  return { ...filtersOf(search), limit: 30 };
}

/** The filters without paging: what the Excel export takes. */
export function toCaseExportQuery(search: AdvisoryListSearch): Record<string, QueryValue> {
  const { page: _page, pageSize: _pageSize, ...query } = toCaseListQuery(search);
  return query as Record<string, QueryValue>;
}

/** Opening a case from an organisation's page names it. */
const createSchema = z.object({ organizationId: z.uuid().optional().catch(undefined) });

export function parseAdvisoryCreateSearch(search: Record<string, unknown>): z.output<typeof createSchema> {
  return createSchema.parse(search);
}
