import type { Loan } from '../../../contracts/finance.ts';
import type { CloseInput, RescheduleInput, WriteOffInput } from '../../../contracts/finance-ledger.ts';
import { closeInputSchema, rescheduleInputSchema, writeOffInputSchema } from '../../../contracts/finance-ledger.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { canServiceLoan, canWriteOffLoan } from './finance.policy.ts';
import { addDays, todayInVietnam } from './loan-calendar.rules.ts';
import { createLoanLedgerRepository } from './loan-ledger.repository.ts';
import { replayLedger } from './loan-ledger.rules.ts';
import { ledgerInputOf } from './loan-ledger.service.ts';
import { dateBefore, fieldProblem, futureDate, stillOwed } from './loan-problems.ts';
import { maturityOf, ScheduleError, type ScheduleLine, scheduleAfterRescheduling, termsProblems } from './loan-schedule.rules.ts';
import { currentVersionOf, latest, linesOf, replayAndStore, saveScheduleVersion, standing } from './loan-servicing.service.ts';
import { type LoanService, termsOf } from './loan.service.ts';

const termEndsTooSoon = () =>
  fieldProblem('termMonths', {
    vi: 'Kỳ hạn mới phải còn ít nhất một kỳ trả nợ sau ngày điều chỉnh.',
    en: 'The new term must leave at least one instalment after the effective date.',
  });

/** The end of a loan's normal life: rescheduling, writing off, closing. */
export function createLoanRestructuringService(deps: { db: Db; loans: Pick<LoanService, 'saveLoanChange' | 'loanForStep'>; clock: Clock }) {
  const { db, loans, clock } = deps;
  const today = () => todayInVietnam(clock.now());

  function notInFuture(field: string, date: string): void {
    if (date > today()) throw futureDate(field);
  }

  return {
    /**
     * Rescheduling (gia hạn, điều chỉnh kỳ hạn): a new schedule version from `effectiveOn` to the new
     * term; the old versions stay. The loan counts as restructured from then on.
     */
    async reschedule(actor: Actor, id: string, input: RescheduleInput): Promise<Loan> {
      const values = rescheduleInputSchema.parse(input);
      const loan = await loans.loanForStep(actor, id, values.version, (target) => canServiceLoan(actor, target), 'reschedule');
      notInFuture('effectiveOn', values.effectiveOn);
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const events = await createLoanLedgerRepository(trx).findEventsOf(id);
        const earliest = latest([...events.versions.map((row) => row.effective_from), ...standing(events).map((row) => row.paid_on)]);
        if (earliest && values.effectiveOn < earliest) {
          throw dateBefore('effectiveOn', earliest, { vi: 'lịch trả nợ hay khoản thu gần nhất', en: 'the last schedule or repayment' });
        }
        const current = currentVersionOf(events);
        const terms = {
          ...termsOf(loan),
          termMonths: values.termMonths,
          principalMethod: values.principalMethod ?? current?.principal_method ?? loan.principalMethod,
        };
        if (termsProblems(terms).some((problem) => problem.field === 'termMonths')) {
          throw fieldProblem('termMonths', { vi: 'Kỳ hạn mới phải là số nguyên kỳ trả nợ.', en: 'The new term must be whole periods.' });
        }
        const before = replayLedger(ledgerInputOf(loan, events, addDays(values.effectiveOn, -1)));
        let lines: ScheduleLine[];
        try {
          lines = scheduleAfterRescheduling({
            current: linesOf(current),
            terms: { ...terms, graceMonths: terms.principalMethod === 'equal' ? Math.min(terms.graceMonths, terms.termMonths - 1) : 0 },
            anchor: loan.firstDisbursedOn ?? values.effectiveOn,
            disbursements: events.disbursements.map((row) => ({ date: row.disbursed_on, amount: row.amount })),
            principalRepaid: before.principalRepaid,
            effectiveOn: values.effectiveOn,
          });
        } catch (error) {
          if (error instanceof ScheduleError) throw termEndsTooSoon();
          throw error;
        }
        await saveScheduleVersion(trx, actor, loan, events, {
          effectiveFrom: values.effectiveOn,
          reason: 'reschedule',
          termMonths: terms.termMonths,
          principalMethod: terms.principalMethod,
          decisionNumber: values.decisionNumber ?? null,
          note: values.reason,
          lines,
          at: now,
        });
        await replayAndStore(trx, loan, events, today());
        return loans.saveLoanChange(trx, actor, loan, { status: 'rescheduled', maturity_on: maturityOf(lines) }, now);
      });
    },

    /** Write-off (xử lý rủi ro) by a leader: what is owed that day leaves the books, the history stays. */
    async writeOff(actor: Actor, id: string, input: WriteOffInput): Promise<Loan> {
      const values = writeOffInputSchema.parse(input);
      const loan = await loans.loanForStep(actor, id, values.version, (target) => canWriteOffLoan(actor, target), 'writeOff');
      notInFuture('writtenOffOn', values.writtenOffOn);
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const events = await createLoanLedgerRepository(trx).findEventsOf(id);
        const earliest = latest([loan.firstDisbursedOn, ...standing(events).map((row) => row.paid_on)]);
        if (earliest && values.writtenOffOn < earliest) {
          throw dateBefore('writtenOffOn', earliest, {
            vi: 'ngày giải ngân hay khoản thu gần nhất',
            en: 'the last disbursement or repayment',
          });
        }
        const state = replayLedger(ledgerInputOf(loan, events, values.writtenOffOn));
        return loans.saveLoanChange(
          trx,
          actor,
          loan,
          {
            status: 'written_off',
            written_off_on: values.writtenOffOn,
            written_off_principal: state.outstandingPrincipal,
            written_off_interest: state.interestDue + state.accruedInterest + state.overdueInterest,
            write_off_reason: values.reason,
            write_off_decision_number: values.decisionNumber ?? null,
          },
          now,
        );
      });
    },

    /** Closing (tất toán): only when nothing is owed on that day. */
    async close(actor: Actor, id: string, input: CloseInput): Promise<Loan> {
      const values = closeInputSchema.parse(input);
      const loan = await loans.loanForStep(actor, id, values.version, (target) => canServiceLoan(actor, target), 'close');
      notInFuture('closedOn', values.closedOn);
      const now = instantOf(clock);
      return inTransaction(db, async (trx) => {
        const events = await createLoanLedgerRepository(trx).findEventsOf(id);
        const earliest = latest([loan.firstDisbursedOn, ...standing(events).map((row) => row.paid_on)]);
        if (earliest && values.closedOn < earliest) {
          throw dateBefore('closedOn', earliest, { vi: 'khoản thu gần nhất', en: 'the last repayment' });
        }
        const state = replayLedger(ledgerInputOf(loan, events, values.closedOn));
        if (state.payoffAmount > 0) throw stillOwed(state.payoffAmount);
        return loans.saveLoanChange(trx, actor, loan, { status: 'closed', closed_on: values.closedOn }, now);
      });
    },
  };
}

export type LoanRestructuringService = ReturnType<typeof createLoanRestructuringService>;
