/**
 * Calendar dates (YYYY-MM-DD) for loan arithmetic, counted in whole UTC days so that no time
 * zone or daylight-saving rule can shift a due date or a day count.
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(date: string): [number, number, number] {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  return fromDayNumber(toDayNumber(value)) === value;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: string): number {
  const [year, month, day] = partsOf(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`: the first day counts, the last does not (a loan disbursed and repaid the same day costs nothing). */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

export const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The date `months` months after `date`, kept on the same day of the month or, when the month is
 * shorter, on its last day (31 January + 1 month = 28 or 29 February). Always counted from the
 * anchor, never chained, so 31 January + 2 months is 31 March.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** "2025-03" for any date in March 2025. */
export const monthOf = (date: string): string => date.slice(0, 7);

export const firstDayOfMonth = (date: string): string => `${monthOf(date)}-01`;

export function lastDayOfMonth(date: string): string {
  const [year, month] = partsOf(date);
  return `${monthOf(date)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The `count` months ending with the month of `date`, oldest first ("2025-01" … "2025-12"). */
export function monthsEndingWith(date: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => monthOf(addMonths(firstDayOfMonth(date), index - count + 1)));
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** Today's date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export const todayInVietnam = (now: Date): string => new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

export const maxDate = (a: string, b: string): string => (a >= b ? a : b);
