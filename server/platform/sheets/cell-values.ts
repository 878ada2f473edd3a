/**
 * Values as people type them in Vietnamese spreadsheets: numbers written 1.234.567 or 1,234,567
 * or 3.450,5; dates as dd/mm/yyyy text or Excel date numbers; yes/no in words.
 */
import { foldVietnamese } from '../search-text.ts';

export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: { vi: string; en: string } };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = (vi: string, en: string): Parsed<never> => ({ ok: false, problem: { vi, en } });

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).normalize('NFC').trim();
}

export const isBlank = (value: CellValue): boolean => cellText(value) === '';

/**
 * A number in either convention. With both separators the last one is the decimal mark; with one
 * kind only, groups of exactly three digits mean thousands (1.234.567), anything else a decimal.
 */
export function parseNumber(value: CellValue): Parsed<number | null> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : problem('Không phải số', 'Not a number');
  const text = cellText(value).replace(/\s|đ|vnđ|vnd/gi, '');
  if (text === '' || text === '-') return ok(null);
  if (!/^-?[\d.,]+$/.test(text)) return problem(`"${cellText(value)}" không phải là số`, `"${cellText(value)}" is not a number`);
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  let normalized: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalized = digits.split(thousands).join('').replace(decimal, '.');
  } else {
    const separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    const parts = separator ? digits.split(separator) : [digits];
    const isGrouping = parts.length > 1 && parts.slice(1).every((part) => part.length === 3) && (parts[0] ?? '').length <= 3;
    normalized = !separator || isGrouping ? parts.join('') : parts.length === 2 ? parts.join('.') : '';
  }
  const parsed = Number(normalized);
  if (normalized === '' || !Number.isFinite(parsed))
    return problem(`"${cellText(value)}" không phải là số`, `"${cellText(value)}" is not a number`);
  return ok(negative ? -parsed : parsed);
}

/** Whole đồng from a figure given in `unit` đồng (1 000 000 for "triệu đồng"); rounded to the đồng. */
export function parseMoney(value: CellValue, unit: number): Parsed<number | null> {
  const parsed = parseNumber(value);
  if (!parsed.ok || parsed.value === null) return parsed;
  const amount = Math.round(parsed.value * unit);
  if (!Number.isSafeInteger(amount)) return problem('Số tiền quá lớn', 'Amount too large');
  return ok(amount);
}

export function parseWholeNumber(value: CellValue): Parsed<number | null> {
  const parsed = parseNumber(value);
  if (!parsed.ok || parsed.value === null) return parsed;
  if (!Number.isInteger(parsed.value) || parsed.value < 0) {
    return problem(`"${cellText(value)}" phải là số nguyên không âm`, `"${cellText(value)}" must be a whole number`);
  }
  return ok(parsed.value);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const pad = (part: number) => String(part).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** dd/mm/yyyy (or dd-mm-yyyy, dd.mm.yyyy), yyyy-mm-dd, an Excel date cell or an Excel serial number. */
export function parseDate(value: CellValue): Parsed<string | null> {
  if (value instanceof Date) return ok(value.toISOString().slice(0, 10));
  if (typeof value === 'number') {
    if (value < 1 || value > 100_000) return problem(`${value} không phải là ngày`, `${value} is not a date`);
    return ok(new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000).toISOString().slice(0, 10));
  }
  const text = cellText(value);
  if (text === '') return ok(null);
  const vietnamese = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const date = vietnamese
    ? isoDate(Number(vietnamese[3]), Number(vietnamese[2]), Number(vietnamese[1]))
    : iso
      ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : undefined;
  return date ? ok(date) : problem(`"${text}" không phải ngày dạng dd/mm/yyyy`, `"${text}" is not a date (dd/mm/yyyy)`);
}

const YES = new Set(['co', 'x', 'yes', 'true', '1', 'dat', 'la']);
const NO = new Set(['khong', 'no', 'false', '0', '']);

export function parseYesNo(value: CellValue): Parsed<boolean | null> {
  if (typeof value === 'boolean') return ok(value);
  const folded = foldVietnamese(cellText(value));
  if (folded === '') return ok(null);
  if (YES.has(folded)) return ok(true);
  if (NO.has(folded)) return ok(false);
  return problem(`"${cellText(value)}": hãy ghi Có hoặc Không`, `"${cellText(value)}": write Có (yes) or Không (no)`);
}

/** How a header says its figures are written: "(triệu đồng)" → 1 000 000, "(nghìn đồng)" → 1 000. */
export function moneyUnitOf(header: string): number {
  const folded = foldVietnamese(header);
  if (/\b(ty|ti) dong\b/.test(folded)) return 1_000_000_000;
  if (/\btrieu( dong)?\b|\btr d\b/.test(folded)) return 1_000_000;
  if (/\b(nghin|ngan)( dong)?\b/.test(folded)) return 1_000;
  return 1;
}
