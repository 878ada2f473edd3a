import type { BankReferral, BankReferralCounts, BankReferralExportFilters } from '../../../contracts/finance.ts';
import type { Db } from '../../db/database.ts';
import type { BankReferralTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';

export type BankReferralRow = BankReferralTable;

const toBankReferral = (row: BankReferralRow & { organization_name: string }): BankReferral => ({
  id: row.id,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  bank: row.bank,
  bankBranch: row.bank_branch,
  purpose: row.purpose,
  amountRequested: row.amount_requested,
  amountGranted: row.amount_granted,
  status: row.status,
  referredOn: row.referred_on,
  decidedOn: row.decided_on,
  notes: row.notes,
  updatedAt: row.updated_at,
  version: row.version,
});

export function createBankReferralRepository(db: Db) {
  const scoped = (scope: ReadScope) => {
    let query = db.selectFrom('bank_referrals as b').innerJoin('organizations as o', 'o.id', 'b.organization_id');
    if (scope.provinceCode) query = query.where('o.province_code', '=', scope.provinceCode);
    if (scope.organizationId) query = query.where('o.id', '=', scope.organizationId);
    return query;
  };

  const filtered = (scope: ReadScope, filters: BankReferralExportFilters) => {
    let query = scoped(scope);
    if (filters.organizationId) query = query.where('b.organization_id', '=', filters.organizationId);
    if (filters.bank) query = query.where('b.bank', '=', filters.bank);
    if (filters.status) query = query.where('b.status', '=', filters.status);
    if (filters.year)
      query = query.where('b.referred_on', '>=', `${filters.year}-01-01`).where('b.referred_on', '<=', `${filters.year}-12-31`);
    return query;
  };

  return {
    async findReferrals(
      scope: ReadScope,
      filters: BankReferralExportFilters & { page: number; pageSize: number },
    ): Promise<{ items: BankReferral[]; total: number }> {
      const query = filtered(scope, filters);
      const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll('b')
        .select('o.name as organization_name')
        .orderBy('b.referred_on', 'desc')
        .orderBy('b.id', 'desc')
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)
        .execute();
      return { items: rows.map(toBankReferral), total: Number(total) };
    },

    /** Every referral the filters select, newest first as in the list, a batch at a time (keyset paging). */
    async *streamReferrals(scope: ReadScope, filters: BankReferralExportFilters, batchSize = 1000): AsyncGenerator<BankReferral[]> {
      let after: { referredOn: string; id: string } | undefined;
      for (;;) {
        let query = filtered(scope, filters);
        if (after) {
          const last = after;
          query = query.where((eb) => eb(eb.refTuple('b.referred_on', 'b.id'), '<', eb.tuple(last.referredOn, last.id)));
        }
        const rows = await query
          .selectAll('b')
          .select('o.name as organization_name')
          .orderBy('b.referred_on', 'desc')
          .orderBy('b.id', 'desc')
          .limit(batchSize)
          .execute();
        if (rows.length === 0) return;
        yield rows.map(toBankReferral);
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { referredOn: last.referred_on, id: last.id };
      }
    },

    async findReferral(scope: ReadScope, id: string): Promise<(BankReferral & { provinceCode: string }) | undefined> {
      const row = await scoped(scope)
        .selectAll('b')
        .select(['o.name as organization_name', 'o.province_code as province_code'])
        .where('b.id', '=', id)
        .executeTakeFirst();
      return row && { ...toBankReferral(row), provinceCode: row.province_code };
    },

    async insertReferral(row: BankReferralRow): Promise<void> {
      await db.insertInto('bank_referrals').values(row).execute();
    },

    async updateReferral(id: string, version: number, changes: Partial<BankReferralRow>): Promise<boolean> {
      const result = await db
        .updateTable('bank_referrals')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Referrals per year of referral: how many, with what result, how much asked and granted. */
    async countByYear(scope: ReadScope): Promise<BankReferralCounts> {
      // Grouped by day in SQL (no per-database year function), then by year here.
      const rows = await scoped(scope)
        .select((eb) => [
          'b.referred_on',
          'b.status',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number>('b.amount_requested').as('requested'),
          eb.fn.sum<number>(eb.fn.coalesce('b.amount_granted', eb.val(0))).as('granted'),
        ])
        .groupBy(['b.referred_on', 'b.status'])
        .execute();
      const years = new Map<number, BankReferralCounts['years'][number]>();
      for (const row of rows) {
        const year = Number(String(row.referred_on).slice(0, 4));
        const bucket = years.get(year) ?? { year, referred: 0, approved: 0, rejected: 0, pending: 0, amountRequested: 0, amountGranted: 0 };
        const count = Number(row.count);
        bucket.referred += count;
        if (row.status === 'approved') bucket.approved += count;
        else if (row.status === 'rejected') bucket.rejected += count;
        else if (row.status === 'referred') bucket.pending += count;
        bucket.amountRequested += Number(row.requested);
        bucket.amountGranted += Number(row.granted);
        years.set(year, bucket);
      }
      return { years: [...years.values()].sort((a, b) => a.year - b.year) };
    },
  };
}
