import { describe, expect, it } from 'vitest';
import { parseBankReferralSearch, toBankReferralQuery } from './bank-referral-search.ts';
import { firstOfNextMonth } from './fund-rules-form.tsx';
import { parsePortfolioSearch } from './portfolio-search.ts';

describe('the finance pages’ addresses', () => {
  it('keeps a real date and fund for the portfolio and drops what it cannot read', () => {
    const fundId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(parsePortfolioSearch({ asOf: '2025-06-30', fundId })).toEqual({ asOf: '2025-06-30', fundId });
    expect(parsePortfolioSearch({ asOf: '2025-02-30', fundId: 'quỹ' })).toEqual({});
    expect(parsePortfolioSearch({ asOf: '30/06/2025' })).toEqual({});
  });

  it('reads the referral filters and pages from the address', () => {
    expect(parseBankReferralSearch({ year: '2025', status: 'approved', bank: 'vbsp', page: '2' })).toEqual({
      year: 2025,
      status: 'approved',
      bank: 'vbsp',
      page: 2,
    });
    expect(parseBankReferralSearch({ year: 'năm nay', status: 'granted', bank: 'acb', page: '0' })).toEqual({});
    expect(toBankReferralQuery({ year: 2024 })).toEqual({ year: 2024, page: 1, pageSize: 25 });
  });

  it('starts a fund’s next rules on the first of the next month, across the year end', () => {
    expect(firstOfNextMonth('2026-11-29')).toBe('2026-12-01');
    expect(firstOfNextMonth('2026-12-31')).toBe('2027-01-01');
  });
});
