import { describe, expect, it } from 'vitest';
import { moneyUnitOf, parseDate, parseMoney, parseNumber, parseYesNo } from './cell-values.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false }) => (parsed.ok ? parsed.value : 'error');

describe('numbers as Vietnamese offices write them', () => {
  it('reads thousands separators of either kind and decimal commas', () => {
    expect(value(parseNumber('1.234.567'))).toBe(1_234_567);
    expect(value(parseNumber('1,234,567'))).toBe(1_234_567);
    expect(value(parseNumber('3.450,5'))).toBe(3450.5);
    expect(value(parseNumber('3,450.5'))).toBe(3450.5);
    expect(value(parseNumber('1.200'))).toBe(1200);
    expect(value(parseNumber('12,5'))).toBe(12.5);
    expect(value(parseNumber(' 820 '))).toBe(820);
    expect(value(parseNumber('-25.000'))).toBe(-25_000);
    expect(value(parseNumber(''))).toBeNull();
    expect(value(parseNumber('abc'))).toBe('error');
    expect(value(parseNumber('1.2.3'))).toBe('error');
  });

  it('turns millions of đồng into whole đồng exactly', () => {
    expect(value(parseMoney('3.450,5', moneyUnitOf('Doanh thu 2024 (triệu đồng)')))).toBe(3_450_500_000);
    expect(value(parseMoney('1.200', moneyUnitOf('Vốn điều lệ (Triệu đồng)')))).toBe(1_200_000_000);
    expect(value(parseMoney(1750, moneyUnitOf('Doanh thu (nghìn đồng)')))).toBe(1_750_000);
    expect(value(parseMoney('500000000', moneyUnitOf('Vốn điều lệ (đồng)')))).toBe(500_000_000);
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy, ISO, Excel serials and date cells', () => {
    expect(value(parseDate('15/03/2019'))).toBe('2019-03-15');
    expect(value(parseDate('2/11/2021'))).toBe('2021-11-02');
    expect(value(parseDate('2019-03-15'))).toBe('2019-03-15');
    expect(value(parseDate(43539))).toBe('2019-03-15');
    expect(value(parseDate(new Date(Date.UTC(2019, 2, 15))))).toBe('2019-03-15');
  });

  it('refuses impossible dates rather than rolling them over', () => {
    expect(value(parseDate('31/02/2020'))).toBe('error');
    expect(value(parseDate('03/15/2019'))).toBe('error');
  });
});

describe('yes and no', () => {
  it('understands Có/Không and x', () => {
    expect(value(parseYesNo('Có'))).toBe(true);
    expect(value(parseYesNo('x'))).toBe(true);
    expect(value(parseYesNo('Không'))).toBe(false);
    expect(value(parseYesNo('có lẽ'))).toBe('error');
  });
});
