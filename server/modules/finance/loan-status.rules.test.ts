import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTakeStep,
  classificationProblems,
  debtGroupOf,
  isBadDebt,
  MICROFINANCE_CLASSIFICATION as RULES,
  provisionOf,
} from './loan-status.rules.ts';

describe('debt groups and provisions', () => {
  it('classifies by days past due on the bands of Circular 14/2024', () => {
    expect([0, 9, 10, 29, 30, 89, 90, 179, 180, 2000].map((days) => debtGroupOf(days, false, RULES))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('puts a rescheduled loan in group 3 at least, even when it is paid on time', () => {
    expect(debtGroupOf(0, true, RULES)).toBe(3);
    expect(debtGroupOf(29, true, RULES)).toBe(3);
    expect(debtGroupOf(95, true, RULES)).toBe(4);
    expect(isBadDebt(debtGroupOf(0, true, RULES))).toBe(true);
  });

  it('provisions 0, 5, 20, 50 and 100% of the outstanding principal, to the đồng', () => {
    // 91,666,667 × 5% = 4,583,333.35 → 4,583,333; × 20% = 18,333,333.4 → 18,333,333.
    expect([1, 2, 3, 4, 5].map((group) => provisionOf(91_666_667, group as 1 | 2 | 3 | 4 | 5, RULES))).toEqual([
      0, 4_583_333, 18_333_333, 45_833_334, 91_666_667,
    ]);
  });

  it('refuses bands that do not rise, provisions over 100% and an overdue factor above 150%', () => {
    expect(classificationProblems({ ...RULES, overdueFactorPercent: 150 })).toEqual([]);
    expect(
      classificationProblems({
        debtGroupMinDays: [10, 30, 30, 180],
        restructuredMinGroup: 3,
        provisionBp: [0, 500, 2000, 5000, 12000],
        overdueFactorPercent: 160,
      }).map((problem) => problem.field),
    ).toEqual(['debtGroupMinDays', 'provisionBp', 'overdueFactorPercent']);
  });

  it('the debt group only rises as the days past due rise, whatever the bands', () => {
    const bandsArbitrary = fc
      .uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 4, maxLength: 4 })
      .map((days) => [...days].sort((a, b) => a - b) as [number, number, number, number]);
    fc.assert(
      fc.property(
        bandsArbitrary,
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (debtGroupMinDays, restructuredMinGroup, isRestructured, a, b) => {
          const rules = { ...RULES, debtGroupMinDays, restructuredMinGroup: restructuredMinGroup as 1 | 2 | 3 | 4 | 5 };
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          expect(debtGroupOf(fewer, isRestructured, rules)).toBeLessThanOrEqual(debtGroupOf(more, isRestructured, rules));
          expect(debtGroupOf(more, false, rules)).toBeLessThanOrEqual(debtGroupOf(more, true, rules));
        },
      ),
    );
  });
});

describe('the steps of a loan', () => {
  it('decides only an appraised loan, and takes repayments only once disbursed', () => {
    expect(canTakeStep('applied', 'decide')).toBe(false);
    expect(canTakeStep('appraising', 'decide')).toBe(true);
    expect(canTakeStep('approved', 'repay')).toBe(false);
    expect(canTakeStep('rescheduled', 'repay')).toBe(true);
    expect(canTakeStep('closed', 'repay')).toBe(false);
    expect(canTakeStep('written_off', 'disburse')).toBe(false);
  });
});
