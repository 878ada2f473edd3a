import { describe, expect, it } from 'vitest';
import { isCalendarDate, lastDayOfMonth, monthsEndingWith, todayInVietnam } from './loan-calendar.rules.ts';

describe('calendar dates', () => {
  it('takes today in Vietnam, seven hours ahead of UTC', () => {
    expect(todayInVietnam(new Date('2025-03-31T16:59:59Z'))).toBe('2025-03-31');
    expect(todayInVietnam(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
  });

  it('knows month ends, leap days and the last twelve months', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(monthsEndingWith('2025-03-31', 4)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03']);
  });
});
