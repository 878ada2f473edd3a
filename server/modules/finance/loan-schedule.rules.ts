import { addMonths, daysBetween, maxDate } from './loan-calendar.rules.ts';

/**
 * Repayment schedules (lịch trả nợ): interest on the outstanding principal (dư nợ giảm dần),
 * actual days / 365 at a yearly rate in basis points (650 = 6.5%/year, Circular 14/2017/TT-NHNN);
 * principal in equal instalments after an optional grace period, or all at maturity.
 */

export const FREQUENCY_MONTHS = { monthly: 1, quarterly: 3 } as const;
export type RepaymentFrequency = keyof typeof FREQUENCY_MONTHS;
export type PrincipalMethod = 'equal' | 'bullet';

export type ScheduleTerms = {
  rateBp: number;
  frequency: RepaymentFrequency;
  principalMethod: PrincipalMethod;
  /** Months from the first disbursement during which only interest is paid (equal instalments only). */
  graceMonths: number;
  /** Months from the first disbursement to maturity. */
  termMonths: number;
};

export type ScheduleLine = { number: number; dueDate: string; principal: number; interest: number };
export type Disbursement = { date: string; amount: number };

export const DAYS_IN_YEAR = 365;
export const BASIS_POINTS = 10_000;
/** Interest = Σ balance × days × rate (bp) / (365 × 10,000). */
export const INTEREST_DENOMINATOR = BigInt(DAYS_IN_YEAR * BASIS_POINTS);

/** n / d rounded half up, for n ≥ 0: the đồng nearest to the exact amount. */
export function divideRoundingHalfUp(numerator: bigint, denominator: bigint): number {
  const result = (2n * numerator + denominator) / (2n * denominator);
  const value = Number(result);
  if (!Number.isSafeInteger(value)) throw new RangeError(`Amount beyond the safe integer range: ${result}`);
  return value;
}

/** Σ balance × days × rate, kept exact in BigInt: 10^12 đồng × 92 days × 1,000 bp is past 2^53. */
export const interestNumerator = (balance: number, days: number, rateBp: number): bigint => BigInt(balance) * BigInt(days) * BigInt(rateBp);

export class ScheduleError extends Error {
  constructor(readonly code: 'no_instalment_left' | 'negative_principal' | 'invalid_terms') {
    super(code);
    this.name = 'ScheduleError';
  }
}

export type TermsProblem = {
  field: 'termMonths' | 'graceMonths' | 'rateBp';
  code: 'term_not_multiple' | 'grace_not_multiple' | 'grace_too_long';
};

/** Terms that cannot make a schedule: a term or grace that is not whole periods, or a grace as long as the term. */
export function termsProblems(terms: ScheduleTerms): TermsProblem[] {
  const step = FREQUENCY_MONTHS[terms.frequency];
  const problems: TermsProblem[] = [];
  if (terms.termMonths % step !== 0) problems.push({ field: 'termMonths', code: 'term_not_multiple' });
  if (terms.principalMethod === 'equal') {
    if (terms.graceMonths % step !== 0) problems.push({ field: 'graceMonths', code: 'grace_not_multiple' });
    if (terms.graceMonths >= terms.termMonths) problems.push({ field: 'graceMonths', code: 'grace_too_long' });
  }
  return problems;
}

/** Due dates: the anchor (first disbursement) plus one period, two periods, … up to the term. */
export function instalmentDates(anchor: string, terms: Pick<ScheduleTerms, 'frequency' | 'termMonths'>) {
  const step = FREQUENCY_MONTHS[terms.frequency];
  const count = Math.floor(terms.termMonths / step);
  return Array.from({ length: count }, (_, index) => ({ dueDate: addMonths(anchor, (index + 1) * step), months: (index + 1) * step }));
}

/** Equal parts rounded down to the đồng; the last part takes the remainder, so the parts sum exactly. */
export function splitEqually(total: number, count: number): number[] {
  if (count <= 0) return [];
  const share = Math.floor(total / count);
  return Array.from({ length: count }, (_, index) => (index === count - 1 ? total - share * (count - 1) : share));
}

/** The principal the plan expects outstanding on `date`: disbursed by then, less instalments due by then. */
function plannedBalance(lines: readonly ScheduleLine[], disbursements: readonly Disbursement[], date: string): number {
  const disbursed = disbursements.filter((item) => item.date <= date).reduce((sum, item) => sum + item.amount, 0);
  const repaid = lines.filter((line) => line.dueDate <= date).reduce((sum, line) => sum + line.principal, 0);
  return disbursed - repaid;
}

/** Interest of one period [start, end) on the planned balance, split where a tranche changes it. */
export function periodInterest(
  lines: readonly ScheduleLine[],
  disbursements: readonly Disbursement[],
  rateBp: number,
  start: string,
  end: string,
): number {
  const breaks = [...new Set([start, ...disbursements.map((item) => item.date).filter((date) => date > start && date < end), end])].sort();
  let numerator = 0n;
  for (let index = 0; index < breaks.length - 1; index += 1) {
    const from = breaks[index] as string;
    const to = breaks[index + 1] as string;
    numerator += interestNumerator(Math.max(0, plannedBalance(lines, disbursements, from)), daysBetween(from, to), rateBp);
  }
  return divideRoundingHalfUp(numerator, INTEREST_DENOMINATOR);
}

type Plan = {
  terms: ScheduleTerms;
  /** The first disbursement: due dates and the first period count from it. */
  anchor: string;
  disbursements: readonly Disbursement[];
  /** Lines carried over unchanged (interest included) from the schedule being replaced. */
  kept: readonly ScheduleLine[];
  /** New lines fall due after this date. */
  after: string;
  /** Principal already repaid ahead of the new lines: added to the first of them, where the repayment counts it. */
  carry?: number;
};

/**
 * Kept lines, then the principal not in them spread over the due dates after `after`: equally over
 * those past the grace period, or all on the last (bullet). Interest of the new lines is projected
 * on the planned balance; the ledger charges the real balance (the same figures when paid on time).
 */
export function planSchedule(plan: Plan): ScheduleLine[] {
  const { terms, anchor, disbursements, kept, after } = plan;
  const carry = plan.carry ?? 0;
  const dates = instalmentDates(anchor, terms).filter((item) => item.dueDate > after);
  const paying = dates.filter((item, index) =>
    terms.principalMethod === 'bullet' ? index === dates.length - 1 : item.months > terms.graceMonths,
  );
  if (paying.length === 0) throw new ScheduleError('no_instalment_left');
  const disbursed = disbursements.reduce((sum, item) => sum + item.amount, 0);
  const toSpread = disbursed - kept.reduce((sum, line) => sum + line.principal, 0) - carry;
  if (toSpread < 0 || carry < 0) throw new ScheduleError('negative_principal');
  const shares = splitEqually(toSpread, paying.length);
  const shareOf = new Map(paying.map((item, index) => [item.dueDate, shares[index] ?? 0]));
  const lines: ScheduleLine[] = [
    ...kept.map((line, index) => ({ ...line, number: index + 1 })),
    ...dates.map((item, index) => ({
      number: kept.length + index + 1,
      dueDate: item.dueDate,
      principal: (shareOf.get(item.dueDate) ?? 0) + (index === 0 ? carry : 0),
      interest: 0,
    })),
  ];
  for (let index = kept.length; index < lines.length; index += 1) {
    const start = index === 0 ? anchor : (lines[index - 1] as ScheduleLine).dueDate;
    const line = lines[index] as ScheduleLine;
    line.interest = periodInterest(lines, disbursements, terms.rateBp, start, line.dueDate);
  }
  return lines;
}

/** The first schedule, made when the first tranche is paid out. */
export function buildSchedule(terms: ScheduleTerms, disbursement: Disbursement): ScheduleLine[] {
  return planSchedule({ terms, anchor: disbursement.date, disbursements: [disbursement], kept: [], after: disbursement.date });
}

/**
 * A further tranche: lines due up to its date stay as they were; everything disbursed and not yet
 * scheduled is spread again over the later due dates, and their interest recomputed from that date.
 */
export function scheduleAfterTranche(
  current: readonly ScheduleLine[],
  terms: ScheduleTerms,
  anchor: string,
  disbursements: readonly Disbursement[],
): ScheduleLine[] {
  const date = disbursements.reduce((latest, item) => maxDate(latest, item.date), anchor);
  return planSchedule({ terms, anchor, disbursements, kept: current.filter((line) => line.dueDate <= date), after: date });
}

/**
 * Rescheduling (gia hạn, điều chỉnh kỳ hạn) from `effectiveOn`: lines due before it keep only the
 * principal actually repaid towards them (first due, first repaid), so nothing before the date is
 * overdue any more; the outstanding principal is spread over the new due dates up to the new term.
 */
export function scheduleAfterRescheduling(input: {
  current: readonly ScheduleLine[];
  terms: ScheduleTerms;
  anchor: string;
  disbursements: readonly Disbursement[];
  /** Principal repaid by payments dated before `effectiveOn`. */
  principalRepaid: number;
  effectiveOn: string;
}): ScheduleLine[] {
  let unattributed = input.principalRepaid;
  const kept = input.current
    .filter((line) => line.dueDate < input.effectiveOn)
    .map((line) => {
      const principal = Math.min(line.principal, unattributed);
      unattributed -= principal;
      return { ...line, principal };
    });
  return planSchedule({ ...input, kept, after: input.effectiveOn, carry: unattributed });
}

export const totalPrincipal = (lines: readonly ScheduleLine[]): number => lines.reduce((sum, line) => sum + line.principal, 0);
export const totalInterest = (lines: readonly ScheduleLine[]): number => lines.reduce((sum, line) => sum + line.interest, 0);
export const maturityOf = (lines: readonly ScheduleLine[]): string | null => lines.at(-1)?.dueDate ?? null;
