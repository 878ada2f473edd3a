import { type Allocation, type AllocationComponent, allocatePayment, type Due } from './loan-allocation.rules.ts';
import { daysBetween } from './loan-calendar.rules.ts';
import {
  type Disbursement,
  divideRoundingHalfUp,
  INTEREST_DENOMINATOR,
  interestNumerator,
  type ScheduleLine,
} from './loan-schedule.rules.ts';

/**
 * A loan's position on any date, found by replaying its history day by day: disbursements,
 * due dates of the schedule in force, and repayments in the order they were made.
 *
 * - Interest (lãi trong hạn) accrues on the principal not yet due or paid, actual days / 365; each
 *   period's interest is rounded to the đồng and falls due on the period's due date.
 * - Principal unpaid after its due date is overdue: from that day it bears overdue interest at the
 *   contract rate × the overdue factor (≤ 150%) instead of the contract rate, per day.
 * - A day is charged when the balance is held at its start: a disbursement is charged from its
 *   day, a repayment stops the charge from its day. "As of" a date means at a payment on that day:
 *   every event dated that day counts, interest runs to the day before.
 * - A repayment pays what is due, in the contract's order; any more prepays principal of the next
 *   instalments. When it reaches the whole outstanding principal, the period is cut at that day and
 *   its interest so far falls due with it (tất toán trước hạn); beyond that the payment is refused.
 */

export type LedgerVersion = { effectiveFrom: string; isRescheduling: boolean; lines: readonly ScheduleLine[] };
export type LedgerRepayment = { id: string; date: string; amount: number };

export type LedgerInput = {
  rateBp: number;
  overdueFactorPercent: number;
  allocationOrder: readonly AllocationComponent[];
  /** Oldest first; each applies from its date until the next. */
  versions: readonly LedgerVersion[];
  disbursements: readonly Disbursement[];
  /** Not reversed, in the order they were made. */
  repayments: readonly LedgerRepayment[];
  asOf: string;
};

export type LineState = {
  number: number;
  dueDate: string;
  principal: number;
  principalPaid: number;
  /** Interest charged for the period once it has ended; the projection before. */
  interest: number;
  interestPaid: number;
  status: 'paid' | 'overdue' | 'due' | 'upcoming';
};

export type LedgerState = {
  asOf: string;
  disbursed: number;
  principalRepaid: number;
  outstandingPrincipal: number;
  /** Principal due by the date and unpaid (overdue included). */
  principalDue: number;
  /** Principal due before the date and unpaid. */
  overduePrincipal: number;
  /** Interest of ended periods, unpaid. */
  interestDue: number;
  /** Interest of the current period so far, due at its end. */
  accruedInterest: number;
  overdueInterest: number;
  interestCharged: number;
  interestRepaid: number;
  overdueInterestCharged: number;
  overdueInterestRepaid: number;
  daysPastDue: number;
  oldestUnpaidDueDate: string | null;
  isRestructured: boolean;
  /** What closes the loan on the date. */
  payoffAmount: number;
  allocations: Map<string, Allocation[]>;
  lines: LineState[];
};

export class OverpaymentError extends Error {
  constructor(
    readonly repaymentId: string,
    readonly maximum: number,
  ) {
    super(`Repayment ${repaymentId} is more than the loan owes (at most ${maximum})`);
    this.name = 'OverpaymentError';
  }
}

/** Overdue interest carries the factor in percent on top of the rate in basis points. */
const OVERDUE_DENOMINATOR = INTEREST_DENOMINATOR * 100n;

type InterestDue = { dueDate: string; amount: number; paid: number };

const dueBy = (lines: readonly ScheduleLine[], date: string, strictly = false): number =>
  lines.filter((line) => (strictly ? line.dueDate < date : line.dueDate <= date)).reduce((sum, line) => sum + line.principal, 0);

/** Principal repaid, attributed to lines first due first: what each line still owes. */
function principalLeft(lines: readonly ScheduleLine[], principalRepaid: number): number[] {
  let unattributed = principalRepaid;
  return lines.map((line) => {
    const attributed = Math.min(line.principal, unattributed);
    unattributed -= attributed;
    return line.principal - attributed;
  });
}

export function replayLedger(input: LedgerInput): LedgerState {
  const { rateBp, overdueFactorPercent, allocationOrder, versions, asOf } = input;
  const versionAt = (date: string): LedgerVersion | undefined => versions.filter((version) => version.effectiveFrom <= date).at(-1);
  const stops = [
    ...new Set([
      ...input.disbursements.map((item) => item.date),
      ...input.repayments.map((item) => item.date),
      ...versions.flatMap((version) => [version.effectiveFrom, ...version.lines.map((line) => line.dueDate)]),
      asOf,
    ]),
  ]
    .filter((date) => date <= asOf)
    .sort();

  const disbursementsOn = groupByDate(input.disbursements);
  const repaymentsOn = groupByDate(input.repayments);
  let disbursed = 0;
  let principalRepaid = 0;
  let periodNumerator = 0n;
  let overdueNumerator = 0n;
  let overdueInterestRepaid = 0;
  const interestDues: InterestDue[] = [];
  const allocations = new Map<string, Allocation[]>();
  let lines: readonly ScheduleLine[] = [];
  let previous: string | undefined;

  const overdueInterestCharged = () => divideRoundingHalfUp(overdueNumerator, OVERDUE_DENOMINATOR);

  function repay(repayment: LedgerRepayment, date: string): void {
    const left = principalLeft(lines, principalRepaid);
    const dues: Due[] = [
      { component: 'overdue_interest', dueDate: null, amount: overdueInterestCharged() - overdueInterestRepaid },
      ...interestDues.map((due) => ({ component: 'interest' as const, dueDate: due.dueDate, amount: due.amount - due.paid })),
      ...lines.flatMap((line, index) =>
        line.dueDate <= date ? [{ component: 'principal' as const, dueDate: line.dueDate, amount: left[index] ?? 0 }] : [],
      ),
    ];
    const first = allocatePayment(repayment.amount, dues, allocationOrder);
    const paid = [...first.allocations];
    let remainder = first.remainder;
    if (remainder > 0) {
      const outstanding =
        disbursed - principalRepaid - paid.filter((item) => item.component === 'principal').reduce((s, i) => s + i.amount, 0);
      const future = lines.flatMap((line, index) =>
        line.dueDate > date ? [{ component: 'principal' as const, dueDate: line.dueDate, amount: left[index] ?? 0 }] : [],
      );
      // Whatever the lines leave (a tranche not yet scheduled) is owed at maturity.
      const unscheduled = outstanding - future.reduce((sum, due) => sum + due.amount, 0);
      if (unscheduled > 0) future.push({ component: 'principal', dueDate: lines.at(-1)?.dueDate ?? date, amount: unscheduled });
      if (remainder < outstanding) {
        const prepaid = allocatePayment(remainder, future, ['principal', 'interest', 'overdue_interest']);
        paid.push(...prepaid.allocations);
        remainder = 0;
      } else {
        const accrued = divideRoundingHalfUp(periodNumerator, INTEREST_DENOMINATOR);
        const payoff = allocatePayment(remainder, [{ component: 'interest', dueDate: date, amount: accrued }, ...future], allocationOrder);
        if (payoff.remainder > 0) throw new OverpaymentError(repayment.id, repayment.amount - payoff.remainder);
        interestDues.push({ dueDate: date, amount: accrued, paid: 0 });
        periodNumerator = 0n;
        paid.push(...payoff.allocations);
        remainder = 0;
      }
    }
    for (const allocation of paid) {
      if (allocation.component === 'overdue_interest') overdueInterestRepaid += allocation.amount;
      else if (allocation.component === 'principal') principalRepaid += allocation.amount;
      else {
        const due = interestDues.find((item) => item.dueDate === allocation.dueDate && item.paid < item.amount);
        if (due) due.paid += allocation.amount;
      }
    }
    allocations.set(repayment.id, mergeAllocations(paid));
  }

  for (const date of stops) {
    if (previous !== undefined) {
      const days = daysBetween(previous, date);
      const overdue = Math.max(0, dueBy(lines, previous) - principalRepaid);
      const inTerm = Math.max(0, disbursed - principalRepaid - overdue);
      periodNumerator += interestNumerator(inTerm, days, rateBp);
      overdueNumerator += interestNumerator(overdue, days, rateBp) * BigInt(overdueFactorPercent);
    }
    lines = versionAt(date)?.lines ?? lines;
    for (const item of disbursementsOn.get(date) ?? []) disbursed += item.amount;
    if (lines.some((line) => line.dueDate === date)) {
      interestDues.push({ dueDate: date, amount: divideRoundingHalfUp(periodNumerator, INTEREST_DENOMINATOR), paid: 0 });
      periodNumerator = 0n;
    }
    for (const repayment of repaymentsOn.get(date) ?? []) repay(repayment, date);
    previous = date;
  }

  return summarize({
    asOf,
    lines,
    disbursed,
    principalRepaid,
    interestDues,
    accruedInterest: divideRoundingHalfUp(periodNumerator, INTEREST_DENOMINATOR),
    overdueInterestCharged: overdueInterestCharged(),
    overdueInterestRepaid,
    isRestructured: versions.some((version) => version.isRescheduling && version.effectiveFrom <= asOf),
    allocations,
  });
}

function groupByDate<T extends { date: string }>(items: readonly T[]): Map<string, T[]> {
  const byDate = new Map<string, T[]>();
  for (const item of items) byDate.set(item.date, [...(byDate.get(item.date) ?? []), item]);
  return byDate;
}

/** One allocation per component and due date (a prepayment can touch a line in two steps). */
function mergeAllocations(allocations: readonly Allocation[]): Allocation[] {
  const merged: Allocation[] = [];
  for (const allocation of allocations) {
    if (allocation.amount === 0) continue;
    const same = merged.find((item) => item.component === allocation.component && item.dueDate === allocation.dueDate);
    if (same) same.amount += allocation.amount;
    else merged.push({ ...allocation });
  }
  return merged;
}

function summarize(input: {
  asOf: string;
  lines: readonly ScheduleLine[];
  disbursed: number;
  principalRepaid: number;
  interestDues: readonly InterestDue[];
  accruedInterest: number;
  overdueInterestCharged: number;
  overdueInterestRepaid: number;
  isRestructured: boolean;
  allocations: Map<string, Allocation[]>;
}): LedgerState {
  const { asOf, lines, disbursed, principalRepaid, interestDues } = input;
  const left = principalLeft(lines, principalRepaid);
  const outstandingPrincipal = disbursed - principalRepaid;
  const principalDue = Math.max(0, dueBy(lines, asOf) - principalRepaid);
  const overduePrincipal = Math.max(0, dueBy(lines, asOf, true) - principalRepaid);
  const interestDue = interestDues.reduce((sum, due) => sum + due.amount - due.paid, 0);
  const overdueInterest = input.overdueInterestCharged - input.overdueInterestRepaid;
  const unpaidDates = [
    ...interestDues.filter((due) => due.paid < due.amount).map((due) => due.dueDate),
    ...lines.filter((line, index) => (left[index] ?? 0) > 0 && line.dueDate <= asOf).map((line) => line.dueDate),
  ].sort();
  const oldestUnpaidDueDate = unpaidDates[0] ?? null;
  const lineOf = (date: string) => lines.findIndex((line) => line.dueDate >= date);
  // A loan repaid in full has no period running: its later lines are settled, not upcoming.
  const isSettled = disbursed > 0 && outstandingPrincipal === 0 && input.accruedInterest === 0;
  const lineStates: LineState[] = lines.map((line, index) => {
    const charged = interestDues.filter((due) => lineOf(due.dueDate) === index);
    const hasEnded = line.dueDate <= asOf || isSettled;
    const interest = hasEnded ? charged.reduce((sum, due) => sum + due.amount, 0) : line.interest;
    const interestPaid = charged.reduce((sum, due) => sum + due.paid, 0);
    const principalPaid = line.principal - (left[index] ?? 0);
    const isPaid = principalPaid === line.principal && interestPaid >= interest;
    const status = isPaid && hasEnded ? 'paid' : line.dueDate < asOf ? 'overdue' : line.dueDate === asOf ? 'due' : 'upcoming';
    return { number: line.number, dueDate: line.dueDate, principal: line.principal, principalPaid, interest, interestPaid, status };
  });
  return {
    asOf,
    disbursed,
    principalRepaid,
    outstandingPrincipal,
    principalDue,
    overduePrincipal,
    interestDue,
    accruedInterest: input.accruedInterest,
    overdueInterest,
    interestCharged: interestDues.reduce((sum, due) => sum + due.amount, 0),
    interestRepaid: interestDues.reduce((sum, due) => sum + due.paid, 0),
    overdueInterestCharged: input.overdueInterestCharged,
    overdueInterestRepaid: input.overdueInterestRepaid,
    daysPastDue: oldestUnpaidDueDate ? Math.max(0, daysBetween(oldestUnpaidDueDate, asOf)) : 0,
    oldestUnpaidDueDate,
    isRestructured: input.isRestructured,
    payoffAmount: outstandingPrincipal + interestDue + input.accruedInterest + overdueInterest,
    allocations: input.allocations,
    lines: lineStates,
  };
}
