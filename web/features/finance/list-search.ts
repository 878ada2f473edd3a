import { z } from 'zod';
import { loanStatuses, type LoanListQuery } from '../../../contracts/finance.ts';

/** The loan list's filters as they live in the URL; anything unreadable is dropped. */
const schema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(loanStatuses).optional().catch(undefined),
  fundId: z.string().uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type LoanListSearch = z.output<typeof schema>;

export function parseLoanListSearch(search: Record<string, unknown>): LoanListSearch {
  const parsed = schema.parse(search);
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined && value !== '')) as LoanListSearch;
}

export const LOAN_PAGE_SIZE = 25;

export function toLoanListQuery(search: LoanListSearch): LoanListQuery {
  return { ...search, page: search.page ?? 1, pageSize: LOAN_PAGE_SIZE };
}

/** `?organizationId=` opens the application form for that borrower. */
const createSchema = z.object({ organizationId: z.string().uuid().optional().catch(undefined) });

export function parseLoanCreateSearch(search: Record<string, unknown>): z.output<typeof createSchema> {
  return createSchema.parse(search);
}
