import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingDayOf, duesStatusOf, isMemberDuring, isMemberOn, periodsOverlap } from './membership.rules.ts';

const day = fc
  .integer({ min: 0, max: 3650 })
  .map((offset) => new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
const period = fc
  .tuple(day, fc.option(day, { nil: null }))
  .map(([joinedOn, leftOn]) => ({ joinedOn, leftOn: leftOn !== null && leftOn < joinedOn ? joinedOn : leftOn }));

describe('membership periods', () => {
  it('counts a member from the day of joining to the last day', () => {
    const period = { joinedOn: '2022-03-15', leftOn: '2024-06-30' };
    expect(isMemberOn(period, '2022-03-14')).toBe(false);
    expect(isMemberOn(period, '2022-03-15')).toBe(true);
    expect(isMemberOn(period, '2024-06-30')).toBe(true);
    expect(isMemberOn(period, '2024-07-01')).toBe(false);
    expect(isMemberDuring(period, 2022)).toBe(true);
    expect(isMemberDuring(period, 2024)).toBe(true);
    expect(isMemberDuring(period, 2025)).toBe(false);
    expect(isMemberDuring({ joinedOn: '2025-12-31', leftOn: null }, 2025)).toBe(true);
  });

  it('finds an overlap exactly when some day belongs to both periods', () => {
    fc.assert(
      fc.property(period, period, day, (a, b, probe) => {
        if (isMemberOn(a, probe) && isMemberOn(b, probe)) expect(periodsOverlap(a, b)).toBe(true);
        expect(periodsOverlap(a, b)).toBe(periodsOverlap(b, a));
      }),
    );
    expect(periodsOverlap({ joinedOn: '2020-01-01', leftOn: '2021-12-31' }, { joinedOn: '2022-01-01', leftOn: null })).toBe(false);
    expect(periodsOverlap({ joinedOn: '2020-01-01', leftOn: '2022-01-01' }, { joinedOn: '2022-01-01', leftOn: null })).toBe(true);
  });

  it('tells paid, partly paid and unpaid dues', () => {
    expect(duesStatusOf(1_000_000, 1_000_000)).toBe('paid');
    expect(duesStatusOf(0, 0)).toBe('paid');
    expect(duesStatusOf(1_000_000, 400_000)).toBe('partial');
    expect(duesStatusOf(1_000_000, 0)).toBe('unpaid');
  });

  it('counts members of a past year on its last day and of this year today', () => {
    expect(countingDayOf(2024, '2026-11-28')).toBe('2024-12-31');
    expect(countingDayOf(2026, '2026-11-28')).toBe('2026-11-28');
  });
});
