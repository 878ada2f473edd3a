import type { FundRules, Loan, LoanFilters, LoanListItem } from '../../../contracts/finance.ts';
import type { LoanDisbursement, LoanRepayment, LoanSchedule, LoanState, LoanStatement } from '../../../contracts/finance-ledger.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FundService } from './fund.service.ts';
import { type Allocation, DEFAULT_ALLOCATION_ORDER, sumByComponent } from './loan-allocation.rules.ts';
import { todayInVietnam } from './loan-calendar.rules.ts';
import { createLoanLedgerRepository, type LoanEvents, type RepaymentRow } from './loan-ledger.repository.ts';
import { type LedgerInput, type LedgerState, replayLedger } from './loan-ledger.rules.ts';
import { totalInterest, totalPrincipal } from './loan-schedule.rules.ts';
import {
  classificationOf,
  debtGroupOf,
  MICROFINANCE_CLASSIFICATION,
  provisionOf,
  provisionRateOf,
  rulesApplyingOn,
} from './loan-status.rules.ts';
import type { LoanService } from './loan.service.ts';

/** The loan and its stored events as the ledger's replay reads them (reversed repayments left out). */
export function ledgerInputOf(loan: Loan, events: LoanEvents, asOf: string): LedgerInput {
  return {
    rateBp: loan.rateBp,
    overdueFactorPercent: loan.contract?.overdueFactorPercent ?? 150,
    allocationOrder: loan.contract?.allocationOrder ?? DEFAULT_ALLOCATION_ORDER,
    versions: events.versions.map((version) => ({
      effectiveFrom: version.effective_from,
      isRescheduling: version.reason === 'reschedule',
      lines: version.lines.map((line) => ({
        number: line.number,
        dueDate: line.due_on,
        principal: line.principal,
        interest: line.interest,
      })),
    })),
    disbursements: events.disbursements.map((row) => ({ date: row.disbursed_on, amount: row.amount })),
    repayments: events.repayments.filter((row) => !row.reversed_at).map((row) => ({ id: row.id, date: row.paid_on, amount: row.amount })),
    asOf,
  };
}

export function presentRepayments(rows: RepaymentRow[], allocations: Map<string, Allocation[]>): LoanRepayment[] {
  return rows.map((row) => ({
    id: row.id,
    paidOn: row.paid_on,
    amount: row.amount,
    reference: row.reference,
    note: row.note,
    allocations: row.reversed_at ? [] : (allocations.get(row.id) ?? []),
    reversal: row.reversed_at ? { at: row.reversed_at, byName: row.reversed_by_name, reason: row.reversal_reason ?? '' } : null,
    createdAt: row.created_at,
  }));
}

function storedAllocations(events: LoanEvents): Map<string, Allocation[]> {
  const byRepayment = new Map<string, Allocation[]>();
  for (const row of events.allocations) {
    byRepayment.set(row.repayment_id, [
      ...(byRepayment.get(row.repayment_id) ?? []),
      { component: row.component, dueDate: row.due_on, amount: row.amount },
    ]);
  }
  const order = ['overdue_interest', 'interest', 'principal'];
  for (const items of byRepayment.values()) {
    items.sort((a, b) => order.indexOf(a.component) - order.indexOf(b.component) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
  }
  return byRepayment;
}

/** The position as of a date with its debt group and provision by the fund's rules of that date. */
export function presentState(state: LedgerState, rules: readonly FundRules[]): LoanState {
  const applying = rulesApplyingOn(rules, state.asOf) ?? rules[0];
  const classification = applying ? classificationOf(applying) : MICROFINANCE_CLASSIFICATION;
  const debtGroup = debtGroupOf(state.daysPastDue, state.isRestructured, classification);
  const { allocations, interestCharged, interestRepaid, overdueInterestCharged, overdueInterestRepaid, ...figures } = state;
  return {
    ...figures,
    debtGroup,
    provisionBp: provisionRateOf(debtGroup, classification),
    provision: provisionOf(state.outstandingPrincipal, debtGroup, classification),
  };
}

export function createLoanLedgerService(deps: {
  db: Db;
  loans: Pick<LoanService, 'getLoan' | 'findLoans' | 'findLoansByIds'>;
  funds: Pick<FundService, 'findRules'>;
  clock: Clock;
}) {
  const { db, loans, funds, clock } = deps;
  const ledger = createLoanLedgerRepository(db);

  async function loadState(actor: Actor, id: string, asOf?: string) {
    const loan = await loans.getLoan(actor, id);
    const events = await ledger.findEventsOf(id);
    const date = asOf ?? todayInVietnam(clock.now());
    const rules = (await funds.findRules([loan.fundId])).get(loan.fundId) ?? [];
    const replayed = replayLedger(ledgerInputOf(loan, events, date));
    return { loan, events, replayed, state: presentState(replayed, rules) };
  }

  return {
    /** A page of loans; each one being repaid with where it stands today (outstanding, days late, debt group). */
    async findLoans(actor: Actor, filters: LoanFilters): Promise<{ items: LoanListItem[]; total: number }> {
      const page = await loans.findLoans(actor, filters);
      // One query for the page's loans being repaid, not one each.
      const repaying = await loans.findLoansByIds(
        actor,
        page.items.filter((item) => item.status === 'disbursed' || item.status === 'rescheduled').map((item) => item.id),
      );
      const events = await ledger.findEvents(repaying.map((loan) => loan.id));
      const rules = await funds.findRules([...new Set(repaying.map((loan) => loan.fundId))]);
      const today = todayInVietnam(clock.now());
      const positions = new Map(
        repaying.flatMap((loan) => {
          const loanEvents = events.get(loan.id);
          if (!loanEvents) return [];
          const state = presentState(replayLedger(ledgerInputOf(loan, loanEvents, today)), rules.get(loan.fundId) ?? []);
          const position = { outstandingPrincipal: state.outstandingPrincipal, daysPastDue: state.daysPastDue, debtGroup: state.debtGroup };
          return [[loan.id, position] as const];
        }),
      );
      return { total: page.total, items: page.items.map((item) => ({ ...item, position: positions.get(item.id) ?? null })) };
    },

    /** Every schedule version, the one in force first. */
    async findSchedule(actor: Actor, id: string): Promise<LoanSchedule> {
      await loans.getLoan(actor, id);
      const events = await ledger.findEventsOf(id);
      const versions = events.versions.map((version) => {
        const lines = version.lines.map((line) => ({
          number: line.number,
          dueDate: line.due_on,
          principal: line.principal,
          interest: line.interest,
        }));
        return {
          number: version.number,
          effectiveFrom: version.effective_from,
          reason: version.reason,
          decisionNumber: version.decision_number,
          note: version.note,
          termMonths: version.term_months,
          principalMethod: version.principal_method,
          totalPrincipal: totalPrincipal(lines),
          totalInterest: totalInterest(lines),
          createdAt: version.created_at,
          lines,
        };
      });
      return { versions: versions.reverse() };
    },

    async findDisbursements(actor: Actor, id: string): Promise<LoanDisbursement[]> {
      await loans.getLoan(actor, id);
      const events = await ledger.findEventsOf(id);
      return events.disbursements.map((row) => ({
        id: row.id,
        disbursedOn: row.disbursed_on,
        amount: row.amount,
        reference: row.reference,
        note: row.note,
        createdAt: row.created_at,
      }));
    },

    /** Repayments, reversed ones included (with who reversed them and why), oldest first. */
    async findRepayments(actor: Actor, id: string): Promise<LoanRepayment[]> {
      await loans.getLoan(actor, id);
      const events = await ledger.findEventsOf(id);
      return presentRepayments(events.repayments, storedAllocations(events));
    },

    async getState(actor: Actor, id: string, asOf?: string): Promise<LoanState> {
      return (await loadState(actor, id, asOf)).state;
    },

    /** The borrower's statement (sao kê): every movement with the balance after it, and the position. */
    async getStatement(actor: Actor, id: string, asOf?: string): Promise<LoanStatement> {
      const { loan, events, replayed, state } = await loadState(actor, id, asOf);
      type Entry = LoanStatement['entries'][number] & { order: string };
      const entries: Entry[] = [
        ...events.disbursements
          .filter((row) => row.disbursed_on <= state.asOf)
          .map((row) => ({
            date: row.disbursed_on,
            kind: 'disbursement' as const,
            amount: row.amount,
            principal: row.amount,
            interest: 0,
            overdueInterest: 0,
            balance: 0,
            reference: row.reference,
            isReversed: false,
            reversalReason: null,
            order: `${row.disbursed_on}0${row.created_at}`,
          })),
        ...events.repayments
          .filter((row) => row.paid_on <= state.asOf)
          .map((row) => {
            const totals = sumByComponent(row.reversed_at ? [] : (replayed.allocations.get(row.id) ?? []));
            return {
              date: row.paid_on,
              kind: 'repayment' as const,
              amount: row.amount,
              principal: totals.principal,
              interest: totals.interest,
              overdueInterest: totals.overdue_interest,
              balance: 0,
              reference: row.reference,
              isReversed: Boolean(row.reversed_at),
              reversalReason: row.reversal_reason,
              order: `${row.paid_on}1${row.created_at}`,
            };
          }),
      ];
      if (loan.writeOff && loan.writeOff.on <= state.asOf) {
        entries.push({
          date: loan.writeOff.on,
          kind: 'write_off',
          amount: loan.writeOff.principal + loan.writeOff.interest,
          principal: loan.writeOff.principal,
          interest: loan.writeOff.interest,
          overdueInterest: 0,
          balance: 0,
          reference: loan.writeOff.decisionNumber,
          isReversed: false,
          reversalReason: null,
          order: `${loan.writeOff.on}2`,
        });
      }
      entries.sort((a, b) => a.order.localeCompare(b.order));
      let balance = 0;
      for (const entry of entries) {
        balance += entry.kind === 'disbursement' ? entry.principal : -entry.principal;
        entry.balance = balance;
      }
      return {
        loanId: loan.id,
        contractNumber: loan.contract?.number ?? null,
        organizationId: loan.organizationId,
        organizationName: loan.organizationName,
        fundName: loan.fundName,
        rateBp: loan.rateBp,
        asOf: state.asOf,
        entries: entries.map(({ order, ...entry }) => entry),
        state,
      };
    },
  };
}

export type LoanLedgerService = ReturnType<typeof createLoanLedgerService>;
