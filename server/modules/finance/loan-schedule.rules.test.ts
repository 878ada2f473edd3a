import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, fromDayNumber, toDayNumber } from './loan-calendar.rules.ts';
import {
  buildSchedule,
  FREQUENCY_MONTHS,
  type ScheduleTerms,
  scheduleAfterRescheduling,
  scheduleAfterTranche,
  splitEqually,
  termsProblems,
  totalInterest,
  totalPrincipal,
} from './loan-schedule.rules.ts';

const monthly = (overrides: Partial<ScheduleTerms> = {}): ScheduleTerms => ({
  rateBp: 650,
  frequency: 'monthly',
  principalMethod: 'equal',
  graceMonths: 0,
  termMonths: 12,
  ...overrides,
});

describe('worked examples, checked by hand', () => {
  it('100,000,000 đ at 6.5%/year over 12 months, monthly, equal principal', () => {
    // Principal: 100,000,000 / 12 = 8,333,333.33 → 8,333,333 for eleven months; the last takes
    // 100,000,000 − 11 × 8,333,333 = 8,333,337.
    // Period 1, 15/01 → 15/02/2025 = 31 days on 100,000,000:
    //   100,000,000 × 31 × 6.5% / 365 = 2,015,000,000,000 / 3,650,000 = 552,054.79 → 552,055.
    // Period 2, 15/02 → 15/03/2025 = 28 days (2025 is not a leap year) on 91,666,667:
    //   91,666,667 × 28 × 650 / 3,650,000 = 1,668,333,339,400 / 3,650,000 = 457,077.63 → 457,078.
    const lines = buildSchedule(monthly(), { date: '2025-01-15', amount: 100_000_000 });
    expect(lines).toHaveLength(12);
    expect(lines[0]).toEqual({ number: 1, dueDate: '2025-02-15', principal: 8_333_333, interest: 552_055 });
    expect(lines[1]).toEqual({ number: 2, dueDate: '2025-03-15', principal: 8_333_333, interest: 457_078 });
    expect(lines[11]).toMatchObject({ dueDate: '2026-01-15', principal: 8_333_337 });
    expect(totalPrincipal(lines)).toBe(100_000_000);
  });

  it('500,000,000 đ at 4.8%/year over 24 months, quarterly interest, principal at maturity, from a month end', () => {
    // Due dates stay on month ends: 30/06, 30/09, 31/12/2025, 31/03/2026 …
    // Q1 31/03 → 30/06 = 91 days: 500,000,000 × 91 × 480 / 3,650,000 = 5,983,561.64 → 5,983,562.
    // Q2 30/06 → 30/09 = 92 days: 500,000,000 × 92 × 480 / 3,650,000 = 6,049,315.07 → 6,049,315.
    // Q4 31/12/2025 → 31/03/2026 = 90 days: 21,600,000,000,000 / 3,650,000 = 5,917,808.22 → 5,917,808.
    const lines = buildSchedule(monthly({ rateBp: 480, frequency: 'quarterly', principalMethod: 'bullet', termMonths: 24 }), {
      date: '2025-03-31',
      amount: 500_000_000,
    });
    expect(lines.map((line) => line.dueDate)).toEqual([
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
      '2027-03-31',
    ]);
    expect(lines.map((line) => line.interest).slice(0, 4)).toEqual([5_983_562, 6_049_315, 6_049_315, 5_917_808]);
    expect(lines.map((line) => line.principal)).toEqual([0, 0, 0, 0, 0, 0, 0, 500_000_000]);
  });

  it('a second tranche during the grace period re-spreads the principal and splits the period interest at its date', () => {
    // 120,000,000 on 10/01/2025, 12 months, 3 months' grace; 80,000,000 more on 25/03/2025.
    // Lines of 10/02 and 10/03 stay. 10/04 is still in grace (month 3). 200,000,000 over the nine
    // lines 10/05/2025 … 10/01/2026: 22,222,222 each, the last 200,000,000 − 8 × 22,222,222 = 22,222,224.
    // Period 10/03 → 10/04: 15 days on 120,000,000 and 16 days on 200,000,000:
    //   (120,000,000 × 15 + 200,000,000 × 16) × 650 / 3,650,000 = 3,250,000,000,000 / 3,650,000 = 890,410.96 → 890,411.
    const terms = monthly({ graceMonths: 3 });
    const first = buildSchedule(terms, { date: '2025-01-10', amount: 120_000_000 });
    const disbursements = [
      { date: '2025-01-10', amount: 120_000_000 },
      { date: '2025-03-25', amount: 80_000_000 },
    ];
    const second = scheduleAfterTranche(first, terms, '2025-01-10', disbursements);
    expect(second.slice(0, 2)).toEqual(first.slice(0, 2));
    expect(second[2]).toEqual({ number: 3, dueDate: '2025-04-10', principal: 0, interest: 890_411 });
    expect(second.slice(3).map((line) => line.principal)).toEqual([...Array(8).fill(22_222_222), 22_222_224]);
    expect(totalPrincipal(second)).toBe(200_000_000);
  });
});

describe('terms', () => {
  it('refuses a quarterly term that is not whole quarters and a grace as long as the term', () => {
    expect(termsProblems(monthly({ frequency: 'quarterly', termMonths: 10 })).map((problem) => problem.code)).toEqual([
      'term_not_multiple',
    ]);
    expect(termsProblems(monthly({ graceMonths: 12 })).map((problem) => problem.code)).toEqual(['grace_too_long']);
    expect(termsProblems(monthly({ principalMethod: 'bullet', graceMonths: 12 }))).toEqual([]);
  });

  it('counts days with the first day in and the last out, across leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 2)).toBe('2024-03-31');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

const termsArbitrary = fc
  .record({
    rateBp: fc.integer({ min: 0, max: 2000 }),
    frequency: fc.constantFrom('monthly' as const, 'quarterly' as const),
    principalMethod: fc.constantFrom('equal' as const, 'bullet' as const),
    periods: fc.integer({ min: 1, max: 20 }),
    graceShare: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ periods, graceShare, ...rest }): ScheduleTerms => {
    const step = FREQUENCY_MONTHS[rest.frequency];
    const gracePeriods = Math.floor(((periods - 1) * graceShare) / 100);
    return { ...rest, termMonths: periods * step, graceMonths: gracePeriods * step };
  });
const dateArbitrary = fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);
const amountArbitrary = fc.integer({ min: 1, max: 5_000_000_000_000 });

describe('properties', () => {
  it('equal parts sum exactly and differ by less than the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 240 }), (total, count) => {
        const parts = splitEqually(total, count);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThan(count);
        expect(Math.min(...parts)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a schedule repays exactly what was disbursed, after the grace period, with rising due dates', () => {
    fc.assert(
      fc.property(termsArbitrary, dateArbitrary, amountArbitrary, (terms, date, amount) => {
        const lines = buildSchedule(terms, { date, amount });
        expect(totalPrincipal(lines)).toBe(amount);
        expect(lines).toHaveLength(terms.termMonths / FREQUENCY_MONTHS[terms.frequency]);
        lines.forEach((line, index) => {
          expect(Number.isSafeInteger(line.principal) && line.principal >= 0).toBe(true);
          expect(Number.isSafeInteger(line.interest) && line.interest >= 0).toBe(true);
          if (index > 0) expect(line.dueDate > (lines[index - 1]?.dueDate ?? '')).toBe(true);
        });
        const step = FREQUENCY_MONTHS[terms.frequency];
        if (terms.principalMethod === 'equal') {
          for (const line of lines.slice(0, terms.graceMonths / step)) expect(line.principal).toBe(0);
        } else {
          for (const line of lines.slice(0, -1)) expect(line.principal).toBe(0);
        }
        // Interest never exceeds the whole amount at the rate for the whole term (and a day per period of rounding).
        const bound = (amount * terms.rateBp * daysBetween(date, lines.at(-1)?.dueDate ?? date)) / 3_650_000 + lines.length;
        expect(totalInterest(lines)).toBeLessThanOrEqual(bound);
      }),
    );
  });

  it('a second tranche keeps the past lines and still sums exactly to all that was disbursed', () => {
    fc.assert(
      fc.property(
        termsArbitrary.filter((terms) => terms.termMonths >= 2),
        dateArbitrary,
        amountArbitrary,
        amountArbitrary,
        fc.integer({ min: 0, max: 1000 }),
        (terms, date, first, second, position) => {
          const lines = buildSchedule(terms, { date, amount: first });
          const maturity = lines.at(-1)?.dueDate ?? date;
          const trancheDate = fromDayNumber(toDayNumber(date) + Math.floor(((daysBetween(date, maturity) - 1) * position) / 1000));
          const disbursements = [
            { date, amount: first },
            { date: trancheDate, amount: second },
          ];
          const next = scheduleAfterTranche(lines, terms, date, disbursements);
          expect(totalPrincipal(next)).toBe(first + second);
          expect(next.filter((line) => line.dueDate <= trancheDate)).toEqual(lines.filter((line) => line.dueDate <= trancheDate));
        },
      ),
    );
  });

  it('rescheduling keeps what was repaid on the past lines and spreads the rest over the new term', () => {
    fc.assert(
      fc.property(termsArbitrary, dateArbitrary, amountArbitrary, fc.integer({ min: 0, max: 1000 }), (terms, date, amount, share) => {
        const lines = buildSchedule(terms, { date, amount });
        const effectiveOn = lines.at(-1)?.dueDate ?? date;
        const repaid = Math.floor((amount * share) / 1000);
        const next = scheduleAfterRescheduling({
          current: lines,
          terms: { ...terms, termMonths: terms.termMonths + 12 },
          anchor: date,
          disbursements: [{ date, amount }],
          principalRepaid: repaid,
          effectiveOn,
        });
        expect(totalPrincipal(next)).toBe(amount);
        const before = next.filter((line) => line.dueDate < effectiveOn);
        expect(totalPrincipal(before)).toBeLessThanOrEqual(repaid);
        expect(next.some((line) => line.dueDate > effectiveOn)).toBe(true);
      }),
    );
  });
});
