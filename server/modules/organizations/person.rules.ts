import { type Position, positions } from '../../../contracts/people.ts';
import { validationMessages } from '../../../contracts/messages.ts';
import type { FieldError } from '../../platform/errors.ts';
import { toSearchText } from '../../platform/search-text.ts';

type Period = { startedOn: string | null; endedOn: string | null };

/** Today's calendar date in Vietnam, where the Alliance's days begin and end. */
export function calendarDateInVietnam(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(instant);
}

/** Held on `today`: started (or start unknown) and `endedOn`, the last day held, not yet past. */
export function isCurrentPosition(period: Period, today: string): boolean {
  return (period.startedOn === null || period.startedOn <= today) && (period.endedOn === null || period.endedOn >= today);
}

/** Two periods share at least one day; an unknown start or end reaches as far as it can. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const startsBeforeOtherEnds = (x: Period, y: Period) => x.startedOn === null || y.endedOn === null || x.startedOn <= y.endedOn;
  return startsBeforeOtherEnds(a, b) && startsBeforeOtherEnds(b, a);
}

export function periodErrors(period: Period): FieldError[] {
  if (period.startedOn && period.endedOn && period.endedOn < period.startedOn) {
    return [{ field: 'endedOn', message: validationMessages['validation.endedBeforeStarted'] }];
  }
  return [];
}

export function birthYearErrors(birthYear: number | null | undefined, today: string, field = 'birthYear'): FieldError[] {
  if (birthYear && birthYear > Number(today.slice(0, 4))) return [{ field, message: validationMessages['validation.birthYearFuture'] }];
  return [];
}

/** Current positions first; then by rank in the organisation; then the most recent first. */
export function comparePositions(today: string) {
  return (a: Period & { position: Position }, b: Period & { position: Position }): number => {
    const currentA = isCurrentPosition(a, today);
    if (currentA !== isCurrentPosition(b, today)) return currentA ? -1 : 1;
    const rank = positions.indexOf(a.position) - positions.indexOf(b.position);
    if (rank !== 0) return rank;
    return (b.startedOn ?? '').localeCompare(a.startedOn ?? '');
  };
}

/** The digits of a phone number, also in the national form (+84 912… → 0912…), so either spelling finds it. */
export function phoneSearchForms(phone: string | null | undefined): string[] {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits === '') return [];
  return digits.startsWith('84') && digits.length > 9 ? [digits, `0${digits.slice(2)}`] : [digits];
}

/** A person's `search_text`: the name folded, then the phone digits. */
export function toPersonSearchText(fullName: string, phone: string | null | undefined): string {
  return toSearchText(fullName, ...phoneSearchForms(phone));
}

/** Search words holding a digit can only match a phone number. */
export const isPhoneSearch = (q: string | undefined): boolean => /\d/.test(q ?? '');
