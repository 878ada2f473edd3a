import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthYearErrors,
  calendarDateInVietnam,
  comparePositions,
  isCurrentPosition,
  periodErrors,
  periodsOverlap,
  phoneSearchForms,
  toPersonSearchText,
} from './person.rules.ts';

const period = (startedOn: string | null, endedOn: string | null) => ({ startedOn, endedOn });

describe('positions over time', () => {
  it('counts a position as current from its first to its last day, an unknown start as already begun', () => {
    expect(isCurrentPosition(period('2020-01-01', null), '2026-11-28')).toBe(true);
    expect(isCurrentPosition(period(null, null), '2026-11-28')).toBe(true);
    expect(isCurrentPosition(period('2020-01-01', '2026-11-28'), '2026-11-28')).toBe(true);
    expect(isCurrentPosition(period('2020-01-01', '2026-11-27'), '2026-11-28')).toBe(false);
    expect(isCurrentPosition(period('2026-12-01', null), '2026-11-28')).toBe(false);
  });

  it('finds overlapping periods, open ends reaching as far as they can', () => {
    expect(periodsOverlap(period('2018-01-01', '2022-06-30'), period('2022-07-01', null))).toBe(false);
    expect(periodsOverlap(period('2018-01-01', '2022-06-30'), period('2022-06-30', null))).toBe(true);
    expect(periodsOverlap(period(null, null), period('2022-07-01', '2023-01-01'))).toBe(true);
    expect(periodsOverlap(period(null, '2010-01-01'), period('2011-01-01', null))).toBe(false);
  });

  it('sees overlap the same way from either side', () => {
    const date = fc.option(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(date, date, date, date, (a, b, c, d) => {
        expect(periodsOverlap(period(a, b), period(c, d))).toBe(periodsOverlap(period(c, d), period(a, b)));
      }),
    );
  });

  it('refuses a last day before the first, and a birth year still to come', () => {
    expect(periodErrors(period('2022-07-01', '2022-06-30')).map((error) => error.field)).toEqual(['endedOn']);
    expect(periodErrors(period('2022-07-01', '2022-07-01'))).toEqual([]);
    expect(periodErrors(period(null, '2022-07-01'))).toEqual([]);
    expect(birthYearErrors(2027, '2026-11-28')[0]?.message.vi).toBe('Năm sinh chưa đến');
    expect(birthYearErrors(1970, '2026-11-28')).toEqual([]);
  });

  it('lists current positions first, then by rank, then the most recent', () => {
    const today = '2026-11-28';
    const held = [
      { position: 'accountant' as const, ...period('2015-01-01', '2019-12-31') },
      { position: 'contact' as const, ...period('2021-01-01', null) },
      { position: 'chair' as const, ...period('2020-01-01', null) },
      { position: 'accountant' as const, ...period('2010-01-01', '2014-12-31') },
    ];
    expect([...held].sort(comparePositions(today)).map((item) => `${item.position} ${item.startedOn}`)).toEqual([
      'chair 2020-01-01',
      'contact 2021-01-01',
      'accountant 2015-01-01',
      'accountant 2010-01-01',
    ]);
  });

  it("takes today's date in Vietnam, seven hours ahead of UTC", () => {
    expect(calendarDateInVietnam(new Date('2026-11-27T17:30:00Z'))).toBe('2026-11-28');
    expect(calendarDateInVietnam(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-27');
  });
});

describe('searching people', () => {
  it('keeps the name folded and the phone digits in both national and international form', () => {
    expect(phoneSearchForms('+84 912 345 678')).toEqual(['84912345678', '0912345678']);
    expect(phoneSearchForms('0912.345.678')).toEqual(['0912345678']);
    expect(phoneSearchForms(null)).toEqual([]);
    expect(toPersonSearchText('Nguyễn Thị Đào', '0912 345 678')).toBe('nguyen thi dao | 0912345678');
  });
});
