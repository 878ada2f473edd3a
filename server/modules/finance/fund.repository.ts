import type { Fund, FundRules } from '../../../contracts/finance.ts';
import type { Db } from '../../db/database.ts';
import type { FundRulesTable, FundTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';

export type FundRow = FundTable;
export type FundBalances = Pick<Fund, 'lentOut' | 'writtenOff' | 'committed'>;

export function toFundRules(row: FundRulesTable): FundRules {
  return {
    id: row.id,
    appliesFrom: row.applies_from,
    lendingRateBp: row.lending_rate_bp,
    maxAmount: row.max_amount,
    maxTermMonths: row.max_term_months,
    overdueFactorPercent: row.overdue_factor_percent,
    debtGroupMinDays: JSON.parse(row.debt_group_min_days) as FundRules['debtGroupMinDays'],
    restructuredMinGroup: row.restructured_min_group,
    provisionBp: JSON.parse(row.provision_bp) as FundRules['provisionBp'],
    allocationOrder: JSON.parse(row.allocation_order) as FundRules['allocationOrder'],
    createdAt: row.created_at,
  };
}

export function toFundRulesRow(
  fundId: string,
  id: string,
  rules: Omit<FundRules, 'id' | 'createdAt'>,
  createdBy: string | null,
  at: string,
) {
  return {
    id,
    fund_id: fundId,
    applies_from: rules.appliesFrom,
    lending_rate_bp: rules.lendingRateBp,
    max_amount: rules.maxAmount,
    max_term_months: rules.maxTermMonths,
    overdue_factor_percent: rules.overdueFactorPercent,
    debt_group_min_days: JSON.stringify(rules.debtGroupMinDays),
    restructured_min_group: rules.restructuredMinGroup,
    provision_bp: JSON.stringify(rules.provisionBp),
    allocation_order: JSON.stringify(rules.allocationOrder),
    created_by: createdBy,
    created_at: at,
  } satisfies FundRulesTable;
}

const ACTIVE = ['disbursed', 'rescheduled'] as const;

export function createFundRepository(db: Db) {
  return {
    /** The funds a scope sees: the central fund and those of its province. */
    async findFunds(scope: ReadScope): Promise<FundRow[]> {
      let query = db.selectFrom('funds').selectAll().orderBy('province_code').orderBy('name');
      if (scope.provinceCode) {
        const provinceCode = scope.provinceCode;
        query = query.where((eb) => eb.or([eb('province_code', 'is', null), eb('province_code', '=', provinceCode)]));
      }
      return query.execute();
    },

    async findFund(scope: ReadScope, id: string): Promise<FundRow | undefined> {
      const fund = await db.selectFrom('funds').selectAll().where('id', '=', id).executeTakeFirst();
      if (fund && scope.provinceCode && fund.province_code !== null && fund.province_code !== scope.provinceCode) return undefined;
      return fund;
    },

    async insertFund(row: FundRow): Promise<void> {
      await db.insertInto('funds').values(row).execute();
    },

    async updateFund(id: string, version: number, changes: Partial<FundRow>): Promise<boolean> {
      const result = await db
        .updateTable('funds')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Takes the fund's row lock (PostgreSQL) so two disbursements cannot both spend the last of it. */
    async lockFund(id: string): Promise<void> {
      await db
        .updateTable('funds')
        .set((eb) => ({ version: eb.ref('version') }))
        .where('id', '=', id)
        .execute();
    },

    async findRules(fundIds: string[]): Promise<FundRulesTable[]> {
      if (fundIds.length === 0) return [];
      return db.selectFrom('fund_rules').selectAll().where('fund_id', 'in', fundIds).orderBy('applies_from').execute();
    },

    async insertRules(row: FundRulesTable): Promise<void> {
      await db.insertInto('fund_rules').values(row).execute();
    },

    /**
     * Lent out (disbursed less principal repaid, active loans), written off, and approved but not
     * yet disbursed, per fund. Allocations hold only repayments that stand (not reversed).
     */
    async findBalances(fundIds: string[]): Promise<Map<string, FundBalances>> {
      const balances = new Map<string, FundBalances>(fundIds.map((id) => [id, { lentOut: 0, writtenOff: 0, committed: 0 }]));
      if (fundIds.length === 0) return balances;
      const disbursed = await db
        .selectFrom('loans')
        .select((eb) => [
          'fund_id',
          eb.fn.sum<number>(eb.case().when('status', 'in', ACTIVE).then(eb.ref('disbursed')).else(0).end()).as('active_disbursed'),
          eb.fn
            .sum<number>(eb.case().when('status', '=', 'written_off').then(eb.ref('written_off_principal')).else(0).end())
            .as('written_off'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when('status', 'in', ['approved', ...ACTIVE])
                .then(eb(eb.fn.coalesce('approved_amount', eb.val(0)), '-', eb.ref('disbursed')))
                .else(0)
                .end(),
            )
            .as('committed'),
        ])
        .where('fund_id', 'in', fundIds)
        .groupBy('fund_id')
        .execute();
      const repaid = await db
        .selectFrom('loan_allocations as a')
        .innerJoin('loans as l', 'l.id', 'a.loan_id')
        .select((eb) => ['l.fund_id', eb.fn.sum<number>('a.amount').as('principal')])
        .where('l.fund_id', 'in', fundIds)
        .where('l.status', 'in', ACTIVE)
        .where('a.component', '=', 'principal')
        .groupBy('l.fund_id')
        .execute();
      const repaidOf = new Map(repaid.map((row) => [row.fund_id, Number(row.principal)]));
      for (const row of disbursed) {
        balances.set(row.fund_id, {
          lentOut: Number(row.active_disbursed ?? 0) - (repaidOf.get(row.fund_id) ?? 0),
          writtenOff: Number(row.written_off ?? 0),
          committed: Math.max(0, Number(row.committed ?? 0)),
        });
      }
      return balances;
    },
  };
}

export type FundRepository = ReturnType<typeof createFundRepository>;
