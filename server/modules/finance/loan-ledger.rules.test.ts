import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_ORDER } from './loan-allocation.rules.ts';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from './loan-calendar.rules.ts';
import { type LedgerInput, type LedgerRepayment, OverpaymentError, replayLedger } from './loan-ledger.rules.ts';
import { buildSchedule, FREQUENCY_MONTHS, type ScheduleLine, type ScheduleTerms, totalInterest } from './loan-schedule.rules.ts';

const TERMS: ScheduleTerms = { rateBp: 650, frequency: 'monthly', principalMethod: 'equal', graceMonths: 0, termMonths: 12 };
const LINES = buildSchedule(TERMS, { date: '2025-01-15', amount: 100_000_000 });

function ledger(repayments: LedgerRepayment[], asOf: string, lines: readonly ScheduleLine[] = LINES, amount = 100_000_000): LedgerInput {
  return {
    rateBp: TERMS.rateBp,
    overdueFactorPercent: 150,
    allocationOrder: DEFAULT_ALLOCATION_ORDER,
    versions: [{ effectiveFrom: lines[0] ? '2025-01-15' : '2025-01-15', isRescheduling: false, lines }],
    disbursements: [{ date: '2025-01-15', amount }],
    repayments,
    asOf,
  };
}

describe('worked example: a late, partial and early repayment, checked by hand', () => {
  // 100,000,000 đ at 6.5%/year, disbursed 15/01/2025, monthly (see loan-schedule.rules.test.ts):
  // due 15/02: principal 8,333,333 + interest 552,055. Nothing is paid on 15/02.

  it('counts the days past due and the overdue interest on the overdue principal', () => {
    // As of 20/02: 5 days past due. Overdue interest on 8,333,333 for 15/02–19/02 (5 days) at
    // 150% × 6.5%: 8,333,333 × 5 × 650 × 150 / (365 × 10,000 × 100) = 11,130.13 → 11,130.
    // Interest of the new period so far, on the 91,666,667 not yet due, 5 days:
    //   91,666,667 × 5 × 650 / 3,650,000 = 81,620.99 → 81,621.
    const state = replayLedger(ledger([], '2025-02-20'));
    expect(state).toMatchObject({
      daysPastDue: 5,
      overduePrincipal: 8_333_333,
      principalDue: 8_333_333,
      interestDue: 552_055,
      overdueInterest: 11_130,
      accruedInterest: 81_621,
      outstandingPrincipal: 100_000_000,
      payoffAmount: 100_000_000 + 552_055 + 81_621 + 11_130,
    });
    expect(replayLedger(ledger([], '2025-02-24')).daysPastDue).toBe(9);
    expect(replayLedger(ledger([], '2025-02-25')).daysPastDue).toBe(10);
  });

  it('allocates 10,000,000 paid on 01/03 to overdue interest, interest, the overdue principal, then the next instalment', () => {
    // Overdue interest, 14 days: 8,333,333 × 14 × 650 × 150 / 365,000,000 = 31,164.38 → 31,164.
    // 31,164 + 552,055 + 8,333,333 = 8,916,552 due; the other 1,083,448 prepays the 15/03 principal.
    const repayment = { id: 'r1', date: '2025-03-01', amount: 10_000_000 };
    const paidDay = replayLedger(ledger([repayment], '2025-03-01'));
    expect(paidDay.allocations.get('r1')).toEqual([
      { component: 'overdue_interest', dueDate: null, amount: 31_164 },
      { component: 'interest', dueDate: '2025-02-15', amount: 552_055 },
      { component: 'principal', dueDate: '2025-02-15', amount: 8_333_333 },
      { component: 'principal', dueDate: '2025-03-15', amount: 1_083_448 },
    ]);
    expect(paidDay).toMatchObject({ daysPastDue: 0, overdueInterest: 0, interestDue: 0, outstandingPrincipal: 90_583_219 });
    // Period 15/02 → 15/03: 14 days on 91,666,667 (the overdue part bore overdue interest instead),
    // then 14 days on 90,583,219: (91,666,667 + 90,583,219) × 14 × 650 / 3,650,000 = 454,376.43 → 454,376.
    const dueDay = replayLedger(ledger([repayment], '2025-03-15'));
    expect(dueDay).toMatchObject({ interestDue: 454_376, principalDue: 8_333_333 - 1_083_448, daysPastDue: 0 });
    expect(dueDay.lines[1]).toMatchObject({ principalPaid: 1_083_448, interest: 454_376, status: 'due' });
  });

  it('closes the loan early: the payoff pays the interest to that day, and a đồng more is refused', () => {
    const before = replayLedger(ledger([], '2025-01-25'));
    // 10 days on 100,000,000: 100,000,000 × 10 × 650 / 3,650,000 = 178,082.19 → 178,082.
    expect(before.payoffAmount).toBe(100_178_082);
    const settled = replayLedger(ledger([{ id: 'p', date: '2025-01-25', amount: 100_178_082 }], '2025-06-30'));
    expect(settled).toMatchObject({ outstandingPrincipal: 0, interestDue: 0, accruedInterest: 0, payoffAmount: 0, daysPastDue: 0 });
    expect(settled.lines.every((line) => line.status === 'paid')).toBe(true);
    expect(() => replayLedger(ledger([{ id: 'x', date: '2025-01-25', amount: 100_178_083 }], '2025-01-25'))).toThrow(
      new OverpaymentError('x', 100_178_082),
    );
  });
});

const termsArbitrary = fc
  .record({
    rateBp: fc.integer({ min: 0, max: 2000 }),
    frequency: fc.constantFrom('monthly' as const, 'quarterly' as const),
    principalMethod: fc.constantFrom('equal' as const, 'bullet' as const),
    periods: fc.integer({ min: 1, max: 12 }),
    gracePeriods: fc.integer({ min: 0, max: 11 }),
  })
  .map(({ periods, gracePeriods, ...rest }): ScheduleTerms => {
    const step = FREQUENCY_MONTHS[rest.frequency];
    return { ...rest, termMonths: periods * step, graceMonths: Math.min(gracePeriods, periods - 1) * step };
  });
const dateArbitrary = fc.integer({ min: toDayNumber('2022-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber);
const amountArbitrary = fc.integer({ min: 1, max: 50_000_000_000 });

function inputFor(terms: ScheduleTerms, date: string, amount: number, repayments: LedgerRepayment[], asOf: string): LedgerInput {
  return {
    rateBp: terms.rateBp,
    overdueFactorPercent: 150,
    allocationOrder: DEFAULT_ALLOCATION_ORDER,
    versions: [{ effectiveFrom: date, isRescheduling: false, lines: buildSchedule(terms, { date, amount }) }],
    disbursements: [{ date, amount }],
    repayments,
    asOf,
  };
}

describe('properties', () => {
  it('a borrower who pays each instalment on its day owes nothing more, and pays exactly the scheduled interest', () => {
    fc.assert(
      fc.property(termsArbitrary, dateArbitrary, amountArbitrary, (terms, date, amount) => {
        const lines = buildSchedule(terms, { date, amount });
        const repayments = lines
          .filter((line) => line.principal + line.interest > 0)
          .map((line) => ({ id: String(line.number), date: line.dueDate, amount: line.principal + line.interest }));
        for (const line of lines) {
          const state = replayLedger(inputFor(terms, date, amount, repayments, line.dueDate));
          expect(state).toMatchObject({ principalDue: 0, interestDue: 0, overdueInterest: 0, daysPastDue: 0 });
        }
        const end = replayLedger(inputFor(terms, date, amount, repayments, lines.at(-1)?.dueDate ?? date));
        expect(end.outstandingPrincipal).toBe(0);
        expect(end.interestRepaid).toBe(totalInterest(lines));
      }),
      { numRuns: 60 },
    );
  });

  it('any repayments: every đồng paid is allocated once, none is created, and the balances add up', () => {
    const paymentsArbitrary = fc.array(
      fc.record({ offset: fc.integer({ min: 0, max: 800 }), amount: fc.integer({ min: 1, max: 20_000_000_000 }) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(termsArbitrary, dateArbitrary, amountArbitrary, paymentsArbitrary, (terms, date, amount, payments) => {
        const repayments = payments
          .map((payment, index) => ({ id: `r${index}`, date: addDays(date, payment.offset), amount: payment.amount }))
          .sort((a, b) => a.date.localeCompare(b.date));
        const asOf = addDays(date, 900);
        let state: ReturnType<typeof replayLedger>;
        try {
          state = replayLedger(inputFor(terms, date, amount, repayments, asOf));
        } catch (error) {
          expect(error).toBeInstanceOf(OverpaymentError);
          const { repaymentId, maximum } = error as OverpaymentError;
          expect(maximum).toBeLessThan(repayments.find((item) => item.id === repaymentId)?.amount ?? 0);
          return;
        }
        for (const repayment of repayments) {
          const allocated = (state.allocations.get(repayment.id) ?? []).reduce((sum, item) => sum + item.amount, 0);
          expect(allocated).toBe(repayment.amount);
        }
        const paid = repayments.reduce((sum, item) => sum + item.amount, 0);
        expect(state.principalRepaid + state.interestRepaid + state.overdueInterestRepaid).toBe(paid);
        expect(state.outstandingPrincipal).toBe(amount - state.principalRepaid);
        expect(state.outstandingPrincipal).toBeGreaterThanOrEqual(0);
        expect(state.interestDue).toBeGreaterThanOrEqual(0);
        expect(state.overdueInterest).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('without repayments the days past due only grow, one a day, from the first due date', () => {
    fc.assert(
      fc.property(termsArbitrary, dateArbitrary, fc.integer({ min: 0, max: 400 }), (terms, date, extra) => {
        const lines = buildSchedule(terms, { date, amount: 1_000_000_000 });
        const firstDue = lines.find((line) => line.principal + line.interest > 0)?.dueDate;
        if (!firstDue) return;
        const asOf = addDays(firstDue, extra);
        const state = replayLedger(inputFor(terms, date, 1_000_000_000, [], asOf));
        expect(state.daysPastDue).toBe(daysBetween(firstDue, asOf));
        const later = replayLedger(inputFor(terms, date, 1_000_000_000, [], addDays(asOf, 1)));
        expect(later.daysPastDue).toBe(state.daysPastDue + 1);
        expect(later.overdueInterest).toBeGreaterThanOrEqual(state.overdueInterest);
      }),
      { numRuns: 60 },
    );
  });

  it('paying the payoff amount on any day settles everything', () => {
    fc.assert(
      fc.property(termsArbitrary, dateArbitrary, amountArbitrary, fc.integer({ min: 0, max: 1200 }), (terms, date, amount, offset) => {
        const day = addDays(date, offset);
        const { payoffAmount } = replayLedger(inputFor(terms, date, amount, [], day));
        const after = replayLedger(inputFor(terms, date, amount, [{ id: 'p', date: day, amount: payoffAmount }], addDays(day, 400)));
        expect(after).toMatchObject({ outstandingPrincipal: 0, interestDue: 0, overdueInterest: 0, accruedInterest: 0, payoffAmount: 0 });
      }),
      { numRuns: 100 },
    );
  });
});
