import type { DuesStatus } from '../../../contracts/membership.ts';

/** A membership's period: `leftOn` is its last day, null while it lasts. */
export type MembershipPeriod = { joinedOn: string; leftOn: string | null };

/** A member on `date`: joined by then and not yet past the last day. */
export const isMemberOn = (period: MembershipPeriod, date: string): boolean =>
  period.joinedOn <= date && (period.leftOn === null || period.leftOn >= date);

/** A member for at least one day of the year: dues of that year may be due. */
export const isMemberDuring = (period: MembershipPeriod, year: number): boolean =>
  period.joinedOn <= `${year}-12-31` && (period.leftOn === null || period.leftOn >= `${year}-01-01`);

/** Two periods of one organisation share a day: it cannot be a member twice at once. */
export const periodsOverlap = (a: MembershipPeriod, b: MembershipPeriod): boolean =>
  (a.leftOn === null || b.joinedOn <= a.leftOn) && (b.leftOn === null || a.joinedOn <= b.leftOn);

/** Paid in full (nothing owed counts as paid), partly, or not at all. */
export function duesStatusOf(amountDue: number, amountPaid: number): DuesStatus {
  if (amountPaid >= amountDue) return 'paid';
  return amountPaid > 0 ? 'partial' : 'unpaid';
}

/** The day members are counted on for a year: its last day, or today for the year under way. */
export const countingDayOf = (year: number, today: string): string => (`${year}-12-31` < today ? `${year}-12-31` : today);
