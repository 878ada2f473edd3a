import type { Loan } from '../../../contracts/finance.ts';
import type {
  DisbursementInput,
  LoanDisbursement,
  LoanRepayment,
  RepaymentInput,
  ReversalInput,
} from '../../../contracts/finance-ledger.ts';
import { disbursementInputSchema, repaymentInputSchema, reversalInputSchema } from '../../../contracts/finance-ledger.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import { writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { canServiceLoan } from './finance.policy.ts';
import type { FundService } from './fund.service.ts';
import { todayInVietnam } from './loan-calendar.rules.ts';
import { type LoanEvents, type RepaymentRow, createLoanLedgerRepository } from './loan-ledger.repository.ts';
import { type LedgerState, OverpaymentError, replayLedger } from './loan-ledger.rules.ts';
import { ledgerInputOf, presentRepayments } from './loan-ledger.service.ts';
import { amountOver, beforeRescheduling, dateBefore, fieldProblem, futureDate, fundInsufficient, overpayment } from './loan-problems.ts';
import { buildSchedule, maturityOf, ScheduleError, type ScheduleLine, scheduleAfterTranche } from './loan-schedule.rules.ts';
import { termsOf, type LoanService } from './loan.service.ts';

const REPAYMENT = { vi: 'khoản thu', en: 'Repayment' };

const noContract = () =>
  new AppError(409, 'no_contract', { vi: 'Khoản vay chưa ký hợp đồng, chưa thể giải ngân.', en: 'The loan has no signed contract yet.' });
const alreadyReversed = () =>
  new AppError(409, 'already_reversed', { vi: 'Khoản thu này đã được hủy.', en: 'This repayment is already reversed.' });
const trancheAfterMaturity = () =>
  fieldProblem('disbursedOn', {
    vi: 'Không còn kỳ trả gốc nào sau ngày giải ngân này.',
    en: 'No principal instalment is left after this date.',
  });

export const latest = (dates: (string | null | undefined)[]): string | null =>
  dates.reduce<string | null>((max, date) => (date && (!max || date > max) ? date : max), null);

export const standing = (events: LoanEvents) => events.repayments.filter((row) => !row.reversed_at);
export const lastReschedulingOf = (events: LoanEvents) =>
  latest(events.versions.filter((v) => v.reason === 'reschedule').map((v) => v.effective_from));
export const currentVersionOf = (events: LoanEvents) => events.versions.at(-1);
export const linesOf = (version: LoanEvents['versions'][number] | undefined): ScheduleLine[] =>
  (version?.lines ?? []).map((line) => ({ number: line.number, dueDate: line.due_on, principal: line.principal, interest: line.interest }));

/**
 * Replays the loan with its standing repayments and stores what each was allocated to. An
 * overpayment stops the change: by this repayment (400) or a later one it pushes over (409).
 */
export async function replayAndStore(
  trx: Db,
  loan: Loan,
  events: LoanEvents,
  today: string,
  newRepaymentId?: string,
): Promise<LedgerState> {
  let state: LedgerState;
  try {
    state = replayLedger(ledgerInputOf(loan, events, latest([today, ...events.repayments.map((row) => row.paid_on)]) ?? today));
  } catch (error) {
    if (error instanceof OverpaymentError) throw overpayment(error.maximum, error.repaymentId === newRepaymentId);
    throw error;
  }
  const rows = [...state.allocations].flatMap(([repaymentId, allocations]) =>
    allocations.map((item) => ({
      id: newId(),
      repayment_id: repaymentId,
      loan_id: loan.id,
      component: item.component,
      due_on: item.dueDate,
      amount: item.amount,
    })),
  );
  await createLoanLedgerRepository(trx).replaceAllocations(loan.id, rows);
  return state;
}

/** Adds a schedule version after the loan's last one; the earlier versions stay as they were. */
export async function saveScheduleVersion(
  trx: Db,
  actor: Actor,
  loan: Loan,
  events: LoanEvents,
  version: {
    effectiveFrom: string;
    reason: 'disbursement' | 'tranche' | 'reschedule';
    termMonths: number;
    principalMethod: Loan['principalMethod'];
    decisionNumber?: string | null;
    note?: string | null;
    lines: ScheduleLine[];
    at: string;
  },
) {
  const id = newId();
  const row = {
    id,
    loan_id: loan.id,
    number: (currentVersionOf(events)?.number ?? 0) + 1,
    effective_from: version.effectiveFrom,
    reason: version.reason,
    decision_number: version.decisionNumber ?? null,
    note: version.note ?? null,
    term_months: version.termMonths,
    principal_method: version.principalMethod,
    created_by: actor.userId,
    created_at: version.at,
  };
  const lines = version.lines.map((line) => ({
    version_id: id,
    number: line.number,
    due_on: line.dueDate,
    principal: line.principal,
    interest: line.interest,
  }));
  await createLoanLedgerRepository(trx).insertScheduleVersion(row, lines);
  events.versions.push({ ...row, lines });
}

export function createLoanServicingService(deps: {
  db: Db;
  loans: Pick<LoanService, 'getLoan' | 'saveLoanChange' | 'loanForStep'>;
  funds: Pick<FundService, 'availableInTransaction'>;
  clock: Clock;
}) {
  const { db, loans, funds, clock } = deps;
  const today = () => todayInVietnam(clock.now());

  function notInFuture(field: string, date: string): void {
    if (date > today()) throw futureDate(field);
  }

  return {
    /** A tranche (giải ngân): the first makes the schedule, a later one re-spreads it from its date. */
    async disburse(actor: Actor, id: string, input: DisbursementInput): Promise<{ loan: Loan; disbursement: LoanDisbursement }> {
      const values = disbursementInputSchema.parse(input);
      const loan = await loans.loanForStep(actor, id, values.version, (target) => canServiceLoan(actor, target), 'disburse');
      if (!loan.contract) throw noContract();
      notInFuture('disbursedOn', values.disbursedOn);
      const approved = loan.decision?.approvedAmount ?? 0;
      if (values.amount > approved - loan.disbursed) {
        throw amountOver('amount', approved - loan.disbursed, { vi: 'số tiền được duyệt còn lại', en: 'the approved amount left' });
      }
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const ledger = createLoanLedgerRepository(trx);
        const events = await ledger.findEventsOf(id);
        const earliest = latest([
          loan.contract?.signedOn,
          ...events.disbursements.map((row) => row.disbursed_on),
          ...events.versions.map((row) => row.effective_from),
          ...standing(events).map((row) => row.paid_on),
        ]);
        if (earliest && values.disbursedOn < earliest) {
          throw dateBefore('disbursedOn', earliest, {
            vi: 'ngày ký hợp đồng, lần giải ngân hay khoản thu gần nhất',
            en: 'the contract, the last tranche or repayment',
          });
        }
        const available = await funds.availableInTransaction(trx, loan.fundId);
        if (values.amount > available) throw fundInsufficient(available);
        const row = {
          id: newId(),
          loan_id: id,
          disbursed_on: values.disbursedOn,
          amount: values.amount,
          reference: values.reference ?? null,
          note: values.note ?? null,
          created_by: actor.userId,
          created_at: now,
        };
        await ledger.insertDisbursement(row);
        events.disbursements.push(row);
        const disbursements = events.disbursements.map((item) => ({ date: item.disbursed_on, amount: item.amount }));
        const current = currentVersionOf(events);
        const terms = {
          ...termsOf(loan),
          ...(current ? { termMonths: current.term_months, principalMethod: current.principal_method } : {}),
        };
        let lines: ScheduleLine[];
        try {
          lines = current
            ? scheduleAfterTranche(linesOf(current), terms, loan.firstDisbursedOn ?? values.disbursedOn, disbursements)
            : buildSchedule(terms, disbursements[0] ?? { date: values.disbursedOn, amount: values.amount });
        } catch (error) {
          if (error instanceof ScheduleError) throw trancheAfterMaturity();
          throw error;
        }
        await saveScheduleVersion(trx, actor, loan, events, {
          effectiveFrom: values.disbursedOn,
          reason: current ? 'tranche' : 'disbursement',
          termMonths: terms.termMonths,
          principalMethod: terms.principalMethod,
          lines,
          at: now,
        });
        await replayAndStore(trx, loan, events, today());
        await writeAudit(trx, {
          actor,
          entityType: 'loan_disbursement',
          entityId: row.id,
          action: 'create',
          before: null,
          after: { loanId: id, ...values },
          at: now,
        });
        const saved = await loans.saveLoanChange(
          trx,
          actor,
          loan,
          {
            status: loan.status === 'approved' ? 'disbursed' : loan.status,
            disbursed: loan.disbursed + values.amount,
            first_disbursed_on: loan.firstDisbursedOn ?? values.disbursedOn,
            maturity_on: maturityOf(lines),
          },
          now,
        );
        return {
          loan: saved,
          disbursement: {
            id: row.id,
            disbursedOn: row.disbursed_on,
            amount: row.amount,
            reference: row.reference,
            note: row.note,
            createdAt: now,
          },
        };
      });
    },

    /** A repayment (thu nợ): allocated by the contract's order; more than closes the loan is refused. */
    async repay(actor: Actor, id: string, input: RepaymentInput): Promise<{ loan: Loan; repayment: LoanRepayment }> {
      const values = repaymentInputSchema.parse(input);
      const loan = await loans.loanForStep(actor, id, values.version, (target) => canServiceLoan(actor, target), 'repay');
      notInFuture('paidOn', values.paidOn);
      const firstDisbursedOn = loan.firstDisbursedOn ?? values.paidOn;
      if (values.paidOn < firstDisbursedOn)
        throw dateBefore('paidOn', firstDisbursedOn, { vi: 'ngày giải ngân đầu tiên', en: 'the first disbursement' });
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const ledger = createLoanLedgerRepository(trx);
        const events = await ledger.findEventsOf(id);
        const rescheduledOn = lastReschedulingOf(events);
        if (rescheduledOn && values.paidOn < rescheduledOn) throw beforeRescheduling(rescheduledOn);
        const row: RepaymentRow = {
          id: newId(),
          loan_id: id,
          paid_on: values.paidOn,
          amount: values.amount,
          reference: values.reference ?? null,
          note: values.note ?? null,
          created_by: actor.userId,
          created_at: now,
          reversed_at: null,
          reversed_by: null,
          reversed_by_name: null,
          reversal_reason: null,
        };
        events.repayments.push(row);
        await ledger.insertRepayment(row);
        const state = await replayAndStore(trx, loan, events, today(), row.id);
        await writeAudit(trx, {
          actor,
          entityType: 'loan_repayment',
          entityId: row.id,
          action: 'create',
          before: null,
          after: { loanId: id, ...values },
          at: now,
        });
        const saved = await loans.saveLoanChange(trx, actor, loan, {}, now);
        const [repayment] = presentRepayments([row], state.allocations);
        return { loan: saved, repayment: repayment as LoanRepayment };
      });
    },

    /** Reverses a repayment (hủy khoản thu) with a reason; it stays in the history, and the others are allocated again. */
    async reverse(actor: Actor, id: string, repaymentId: string, input: ReversalInput): Promise<{ loan: Loan; repayment: LoanRepayment }> {
      const values = reversalInputSchema.parse(input);
      const loan = await loans.loanForStep(actor, id, values.version, (target) => canServiceLoan(actor, target), 'reverse');
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const ledger = createLoanLedgerRepository(trx);
        const events = await ledger.findEventsOf(id);
        const row = events.repayments.find((item) => item.id === repaymentId);
        if (!row) throw notFound(REPAYMENT);
        if (row.reversed_at) throw alreadyReversed();
        const rescheduledOn = lastReschedulingOf(events);
        if (rescheduledOn && row.paid_on < rescheduledOn) throw beforeRescheduling(rescheduledOn);
        const reversal = {
          reversed_at: now,
          reversed_by: actor.userId,
          reversed_by_name: actor.displayName,
          reversal_reason: values.reason,
        };
        if (!(await ledger.reverseRepayment(repaymentId, reversal))) throw alreadyReversed();
        Object.assign(row, reversal);
        const state = await replayAndStore(trx, loan, events, today());
        await writeAudit(trx, {
          actor,
          entityType: 'loan_repayment',
          entityId: repaymentId,
          action: 'update',
          before: { reversedAt: null },
          after: { reversedAt: now, reversalReason: values.reason },
          at: now,
        });
        const saved = await loans.saveLoanChange(trx, actor, loan, {}, now);
        const [repayment] = presentRepayments([row], state.allocations);
        return { loan: saved, repayment: repayment as LoanRepayment };
      });
    },
  };
}

export type LoanServicingService = ReturnType<typeof createLoanServicingService>;
