import type { Db } from '../../db/database.ts';
import type {
  LoanAllocationTable,
  LoanDisbursementTable,
  LoanRepaymentTable,
  LoanScheduleLineTable,
  LoanScheduleVersionTable,
} from '../../db/schema.ts';
import type { ReadScope } from '../../platform/access.ts';

export type DisbursementRow = LoanDisbursementTable;
export type RepaymentRow = LoanRepaymentTable;
export type AllocationRow = LoanAllocationTable;
export type ScheduleVersionRow = LoanScheduleVersionTable & { lines: LoanScheduleLineTable[] };

/** Everything that happened to a loan's money, oldest first. */
export type LoanEvents = {
  disbursements: DisbursementRow[];
  versions: ScheduleVersionRow[];
  repayments: RepaymentRow[];
  allocations: AllocationRow[];
};

const CHUNK = 500;

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) rows.push(...(await read(ids.slice(start, start + CHUNK))));
  return rows;
}

const emptyEvents = (): LoanEvents => ({ disbursements: [], versions: [], repayments: [], allocations: [] });

export function createLoanLedgerRepository(db: Db) {
  /** The events of many loans at once (the portfolio replays each of them). */
  async function findEvents(loanIds: string[]): Promise<Map<string, LoanEvents>> {
    const events = new Map(loanIds.map((id) => [id, emptyEvents()]));
    if (loanIds.length === 0) return events;
    const disbursements = await inChunks(loanIds, (chunk) =>
      db.selectFrom('loan_disbursements').selectAll().where('loan_id', 'in', chunk).orderBy('disbursed_on').orderBy('created_at').execute(),
    );
    const versions = await inChunks(loanIds, (chunk) =>
      db.selectFrom('loan_schedule_versions').selectAll().where('loan_id', 'in', chunk).orderBy('number').execute(),
    );
    const lines = await inChunks(
      versions.map((version) => version.id),
      (chunk) => db.selectFrom('loan_schedule_lines').selectAll().where('version_id', 'in', chunk).orderBy('number').execute(),
    );
    const repayments = await inChunks(loanIds, (chunk) =>
      db
        .selectFrom('loan_repayments')
        .selectAll()
        .where('loan_id', 'in', chunk)
        .orderBy('paid_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    );
    const allocations = await inChunks(loanIds, (chunk) =>
      db.selectFrom('loan_allocations').selectAll().where('loan_id', 'in', chunk).execute(),
    );
    const linesOf = new Map<string, LoanScheduleLineTable[]>();
    for (const line of lines) linesOf.set(line.version_id, [...(linesOf.get(line.version_id) ?? []), line]);
    for (const row of disbursements) events.get(row.loan_id)?.disbursements.push(row);
    for (const row of versions) events.get(row.loan_id)?.versions.push({ ...row, lines: linesOf.get(row.id) ?? [] });
    for (const row of repayments) events.get(row.loan_id)?.repayments.push(row);
    for (const row of allocations) events.get(row.loan_id)?.allocations.push(row);
    return events;
  }

  return {
    findEvents,

    async findEventsOf(loanId: string): Promise<LoanEvents> {
      return (await findEvents([loanId])).get(loanId) ?? emptyEvents();
    },

    async insertDisbursement(row: DisbursementRow): Promise<void> {
      await db.insertInto('loan_disbursements').values(row).execute();
    },

    async insertScheduleVersion(version: LoanScheduleVersionTable, lines: LoanScheduleLineTable[]): Promise<void> {
      await db.insertInto('loan_schedule_versions').values(version).execute();
      for (let start = 0; start < lines.length; start += 200) {
        await db
          .insertInto('loan_schedule_lines')
          .values(lines.slice(start, start + 200))
          .execute();
      }
    },

    async insertRepayment(row: RepaymentRow): Promise<void> {
      await db.insertInto('loan_repayments').values(row).execute();
    },

    /** Marks a repayment reversed; false when it already was (someone reversed it first). */
    async reverseRepayment(
      id: string,
      changes: Pick<RepaymentRow, 'reversed_at' | 'reversed_by' | 'reversed_by_name' | 'reversal_reason'>,
    ) {
      const result = await db
        .updateTable('loan_repayments')
        .set(changes)
        .where('id', '=', id)
        .where('reversed_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Allocations are what the latest replay made of the loan's standing repayments: replaced as a whole. */
    async replaceAllocations(loanId: string, rows: AllocationRow[]): Promise<void> {
      await db.deleteFrom('loan_allocations').where('loan_id', '=', loanId).execute();
      for (let start = 0; start < rows.length; start += 200) {
        await db
          .insertInto('loan_allocations')
          .values(rows.slice(start, start + 200))
          .execute();
      }
    },

    /** Standing repayments between two dates, summed by day and component, within a scope. */
    async sumCollections(scope: ReadScope, from: string, to: string, fundId?: string) {
      let query = db
        .selectFrom('loan_allocations as a')
        .innerJoin('loan_repayments as r', 'r.id', 'a.repayment_id')
        .innerJoin('loans as l', 'l.id', 'a.loan_id')
        .innerJoin('organizations as o', 'o.id', 'l.organization_id')
        .where('r.paid_on', '>=', from)
        .where('r.paid_on', '<=', to)
        .where('r.reversed_at', 'is', null);
      if (scope.provinceCode) query = query.where('o.province_code', '=', scope.provinceCode);
      if (scope.organizationId) query = query.where('o.id', '=', scope.organizationId);
      if (fundId) query = query.where('l.fund_id', '=', fundId);
      const rows = await query
        .select((eb) => ['r.paid_on', 'a.component', eb.fn.sum<number>('a.amount').as('amount')])
        .groupBy(['r.paid_on', 'a.component'])
        .execute();
      return rows.map((row) => ({ paidOn: row.paid_on, component: row.component, amount: Number(row.amount) }));
    },
  };
}

export type LoanLedgerRepository = ReturnType<typeof createLoanLedgerRepository>;
