import type { SelectQueryBuilder } from 'kysely';
import type { Loan, LoanFilters, LoanSummary } from '../../../contracts/finance.ts';
import type { Db } from '../../db/database.ts';
import { dialectOf, searchTextMatches } from '../../db/dialect.ts';
import type { Database, LoanTable } from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';
import { toSearchTokens } from '../../platform/search-text.ts';
import { type AllocationComponent, DEFAULT_ALLOCATION_ORDER } from './loan-allocation.rules.ts';

export type LoanRow = LoanTable;

type Joined = Database & { f: Database['funds'] };
// The borrower joins under its own name: the search index is keyed to the table name.
type LoanQuery = SelectQueryBuilder<Joined, 'loans' | 'organizations' | 'f', object>;

const JOINED_COLUMNS = [
  'organizations.name as organization_name',
  'organizations.province_code as province_code',
  'organizations.commune_code as commune_code',
  'organizations.sector as sector',
  'f.name as fund_name',
] as const;

type JoinedRow = LoanRow & {
  organization_name: string;
  province_code: string;
  commune_code: string;
  sector: Loan['sector'];
  fund_name: string;
};

export function toLoan(row: JoinedRow): Loan {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    provinceCode: row.province_code,
    communeCode: row.commune_code,
    sector: row.sector,
    fundId: row.fund_id,
    fundName: row.fund_name,
    status: row.status,
    requestedAmount: row.requested_amount,
    termMonths: row.term_months,
    rateBp: row.rate_bp,
    frequency: row.frequency,
    principalMethod: row.principal_method,
    graceMonths: row.grace_months,
    purpose: row.purpose,
    collateral: row.collateral,
    documents: JSON.parse(row.documents) as string[],
    appliedOn: row.applied_on,
    appraisal:
      row.appraised_on && row.appraisal_findings && row.appraisal_recommendation
        ? {
            userId: row.appraiser_user_id,
            name: row.appraiser_name,
            on: row.appraised_on,
            findings: row.appraisal_findings,
            recommendation: row.appraisal_recommendation,
            recommendedAmount: row.appraisal_amount,
          }
        : null,
    decision:
      row.decided_on && row.decision_outcome && row.decision_number
        ? {
            userId: row.decider_user_id,
            name: row.decider_name,
            on: row.decided_on,
            outcome: row.decision_outcome,
            number: row.decision_number,
            approvedAmount: row.approved_amount,
            reason: row.decision_reason,
          }
        : null,
    contract:
      row.contract_number && row.contract_signed_on
        ? {
            number: row.contract_number,
            signedOn: row.contract_signed_on,
            overdueFactorPercent: row.overdue_factor_percent ?? 150,
            allocationOrder: row.allocation_order
              ? (JSON.parse(row.allocation_order) as AllocationComponent[])
              : [...DEFAULT_ALLOCATION_ORDER],
          }
        : null,
    disbursed: row.disbursed,
    firstDisbursedOn: row.first_disbursed_on,
    maturityOn: row.maturity_on,
    closedOn: row.closed_on,
    writeOff: row.written_off_on
      ? {
          on: row.written_off_on,
          principal: row.written_off_principal ?? 0,
          interest: row.written_off_interest ?? 0,
          reason: row.write_off_reason ?? '',
          decisionNumber: row.write_off_decision_number,
        }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function withinScope(query: LoanQuery, scope: ReadScope): LoanQuery {
  let scoped = query;
  if (scope.provinceCode) scoped = scoped.where('organizations.province_code', '=', scope.provinceCode);
  if (scope.organizationId) scoped = scoped.where('organizations.id', '=', scope.organizationId);
  return scoped;
}

export function createLoanRepository(db: Db) {
  const kind = dialectOf(db);
  const joined = (scope: ReadScope): LoanQuery =>
    withinScope(
      db
        .selectFrom('loans')
        .innerJoin('organizations', 'organizations.id', 'loans.organization_id')
        .innerJoin('funds as f', 'f.id', 'loans.fund_id') as unknown as LoanQuery,
      scope,
    );

  return {
    async findLoan(scope: ReadScope, id: string): Promise<Loan | undefined> {
      const row = await joined(scope).selectAll('loans').select(JOINED_COLUMNS).where('loans.id', '=', id).executeTakeFirst();
      return row && toLoan(row as JoinedRow);
    },

    /** Several loans in one query (a list page's), in no particular order; ones outside the scope are left out. */
    async findLoansByIds(scope: ReadScope, ids: string[]): Promise<Loan[]> {
      if (ids.length === 0) return [];
      const rows = await joined(scope).selectAll('loans').select(JOINED_COLUMNS).where('loans.id', 'in', ids).execute();
      return rows.map((row) => toLoan(row as JoinedRow));
    },

    async findLoans(scope: ReadScope, filters: LoanFilters): Promise<{ items: LoanSummary[]; total: number }> {
      let query = joined(scope);
      if (filters.status) query = query.where('loans.status', '=', filters.status);
      if (filters.fundId) query = query.where('loans.fund_id', '=', filters.fundId);
      if (filters.organizationId) query = query.where('loans.organization_id', '=', filters.organizationId);
      const tokens = toSearchTokens(filters.q);
      if (filters.q && tokens.length > 0) {
        const contract = `${filters.q.trim().toUpperCase()}%`;
        query = query.where((eb) =>
          eb.or([
            searchTextMatches(kind, 'organizations', tokens) as never,
            eb(eb.fn('upper', ['loans.contract_number']), 'like', contract),
          ]),
        );
      }
      const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll('loans')
        .select(JOINED_COLUMNS)
        .orderBy('loans.applied_on', 'desc')
        .orderBy('loans.id', 'desc')
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)
        .execute();
      const items = rows.map((row) => {
        const loan = toLoan(row as JoinedRow);
        return {
          id: loan.id,
          organizationId: loan.organizationId,
          organizationName: loan.organizationName,
          fundId: loan.fundId,
          fundName: loan.fundName,
          status: loan.status,
          requestedAmount: loan.requestedAmount,
          termMonths: loan.termMonths,
          rateBp: loan.rateBp,
          appliedOn: loan.appliedOn,
          disbursed: loan.disbursed,
          maturityOn: loan.maturityOn,
          version: loan.version,
          contractNumber: loan.contract?.number ?? null,
        };
      });
      return { items, total: Number(total) };
    },

    /** Loans that owed principal on `asOf` (disbursed by then, not closed or written off by then). */
    async findLoansOwingOn(scope: ReadScope, asOf: string, fundId?: string): Promise<(Loan & { communeName: string })[]> {
      let query = joined(scope)
        .innerJoin('communes as c', 'c.code', 'organizations.commune_code')
        .where('loans.status', 'in', ['disbursed', 'rescheduled', 'closed', 'written_off'])
        .where('loans.first_disbursed_on', '<=', asOf)
        .where((eb) => eb.or([eb('loans.closed_on', 'is', null), eb('loans.closed_on', '>', asOf)]))
        .where((eb) => eb.or([eb('loans.written_off_on', 'is', null), eb('loans.written_off_on', '>', asOf)]));
      if (fundId) query = query.where('loans.fund_id', '=', fundId);
      const rows = await query
        .selectAll('loans')
        .select([...JOINED_COLUMNS, 'c.name as commune_name'])
        .execute();
      return rows.map((row) => ({ ...toLoan(row as JoinedRow), communeName: (row as { commune_name: string }).commune_name }));
    },

    /** Principal written off by `asOf`. */
    async sumWrittenOff(scope: ReadScope, asOf: string, fundId?: string): Promise<number> {
      let query = joined(scope).where('loans.status', '=', 'written_off').where('loans.written_off_on', '<=', asOf);
      if (fundId) query = query.where('loans.fund_id', '=', fundId);
      const row = await query.select((eb) => eb.fn.sum<number>('loans.written_off_principal').as('total')).executeTakeFirst();
      return Number(row?.total ?? 0);
    },

    async insertLoan(row: LoanRow): Promise<void> {
      await db.insertInto('loans').values(row).execute();
    },

    async updateLoan(id: string, version: number, changes: Partial<LoanRow>): Promise<boolean> {
      const result = await db
        .updateTable('loans')
        .set({ ...changes, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async isContractNumberTaken(contractNumber: string): Promise<boolean> {
      const row = await db.selectFrom('loans').select('id').where('contract_number', '=', contractNumber).executeTakeFirst();
      return Boolean(row);
    },
  };
}

export type LoanRepository = ReturnType<typeof createLoanRepository>;
