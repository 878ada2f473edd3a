import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatPercent,
  formatScore,
  parseDisplayDate,
} from './format.ts';

describe('format', () => {
  it('groups whole đồng with dots', () => {
    expect(formatMoney(1_200_000_000)).toBe('1.200.000.000 đ');
    expect(formatMoney(0)).toBe('0 đ');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatMoney(-250_000_000)).toBe('-250.000.000 đ');
  });

  it('shortens large amounts to tỷ and triệu for tiles', () => {
    expect(formatMoneyShort(12_345_000_000)).toBe('12,3 tỷ đ');
    expect(formatMoneyShort(850_000_000)).toBe('850 triệu đ');
    expect(formatMoneyShort(1_250_000)).toBe('1,3 triệu đ');
    expect(formatMoneyShort(950_000)).toBe('950.000 đ');
  });

  it('writes a share with a decimal comma', () => {
    expect(formatPercent(62.5)).toBe('62,5%');
    expect(formatPercent(60)).toBe('60%');
    expect(formatScore(70.5)).toBe('70,5');
  });

  it('shows a calendar date as dd/mm/yyyy without shifting it by a time zone', () => {
    expect(formatDate('2024-07-01')).toBe('01/07/2024');
  });

  it('shows an instant in Asia/Ho_Chi_Minh', () => {
    expect(formatDateTime('2025-06-30T17:30:00Z')).toBe('01/07/2025 00:30');
    expect(formatDate('2025-06-30T17:30:00Z')).toBe('01/07/2025');
  });

  it('reads what a user types as dd/mm/yyyy, and refuses dates that do not exist', () => {
    expect(parseDisplayDate('1/7/2024')).toBe('2024-07-01');
    expect(parseDisplayDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDisplayDate('29/02/2023')).toBeNull();
    expect(parseDisplayDate('2024-07-01')).toBeNull();
  });
});
