import { z } from 'zod';
import { bankReferralStatuses, banks } from '../../../contracts/finance.ts';
import type { BankReferralQuery } from './api.ts';

/** The referral list's filters as they live in the URL; anything unreadable is dropped. */
const schema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  status: z.enum(bankReferralStatuses).optional().catch(undefined),
  bank: z.enum(banks).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type BankReferralSearch = z.output<typeof schema>;

export function parseBankReferralSearch(search: Record<string, unknown>): BankReferralSearch {
  const parsed = schema.parse(search);
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as BankReferralSearch;
}

export const BANK_REFERRAL_PAGE_SIZE = 25;

export function toBankReferralQuery(search: BankReferralSearch): BankReferralQuery {
  return { ...search, page: search.page ?? 1, pageSize: BANK_REFERRAL_PAGE_SIZE };
}
