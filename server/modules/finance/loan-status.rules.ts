import { canTakeLoanStep, type LoanStatus } from '../../../contracts/finance.ts';
import { BASIS_POINTS, divideRoundingHalfUp } from './loan-schedule.rules.ts';

/**
 * Debt classification and provisions (Circular 14/2024/TT-NHNN for microfinance-like funds),
 * and the steps of a loan's life. The figures are a fund's rules data; these functions only read them.
 */

export const debtGroups = [1, 2, 3, 4, 5] as const;
export type DebtGroup = (typeof debtGroups)[number];

export type ClassificationRules = {
  /** Fewest days past due of groups 2, 3, 4 and 5, rising. */
  debtGroupMinDays: readonly [number, number, number, number];
  /** A rescheduled loan is at least in this group (restructured and < 30 days overdue is group 3). */
  restructuredMinGroup: DebtGroup;
  /** Provision of groups 1 to 5, in basis points of the outstanding principal. */
  provisionBp: readonly [number, number, number, number, number];
};

/** Nhóm 1 < 10 days, 2: 10–< 30, 3: 30–< 90, 4: 90–< 180, 5: ≥ 180; provisions 0, 5, 20, 50, 100%. */
export const MICROFINANCE_CLASSIFICATION: ClassificationRules = {
  debtGroupMinDays: [10, 30, 90, 180],
  restructuredMinGroup: 3,
  provisionBp: [0, 500, 2000, 5000, 10000],
};

/** Overdue principal bears at most 150% of the contract rate (Circular 39/2016/TT-NHNN, art. 13). */
export const MAX_OVERDUE_FACTOR_PERCENT = 150;

export type RulesProblem = { field: 'debtGroupMinDays' | 'provisionBp' | 'overdueFactorPercent'; code: string };

export function classificationProblems(rules: ClassificationRules & { overdueFactorPercent: number }): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const days = rules.debtGroupMinDays;
  if (days[0] < 1 || days.some((value, index) => index > 0 && value <= (days[index - 1] as number))) {
    problems.push({ field: 'debtGroupMinDays', code: 'bands_not_rising' });
  }
  const provisions = rules.provisionBp;
  if (provisions.some((value, index) => value > BASIS_POINTS || (index > 0 && value < (provisions[index - 1] as number)))) {
    problems.push({ field: 'provisionBp', code: 'provisions_not_rising' });
  }
  if (rules.overdueFactorPercent < 100 || rules.overdueFactorPercent > MAX_OVERDUE_FACTOR_PERCENT) {
    problems.push({ field: 'overdueFactorPercent', code: 'overdue_factor_range' });
  }
  return problems;
}

/** The debt group by days past due; it never falls as the days rise. */
export function debtGroupOf(daysPastDue: number, isRestructured: boolean, rules: ClassificationRules): DebtGroup {
  let group: DebtGroup = 1;
  rules.debtGroupMinDays.forEach((minDays, index) => {
    if (daysPastDue >= minDays) group = (index + 2) as DebtGroup;
  });
  if (isRestructured && group < rules.restructuredMinGroup) group = rules.restructuredMinGroup;
  return group;
}

export const isBadDebt = (group: DebtGroup): boolean => group >= 3;

export const provisionRateOf = (group: DebtGroup, rules: ClassificationRules): number => rules.provisionBp[group - 1] ?? BASIS_POINTS;

/** The specific provision on the outstanding principal, rounded half up to the đồng. */
export const provisionOf = (outstandingPrincipal: number, group: DebtGroup, rules: ClassificationRules): number =>
  divideRoundingHalfUp(BigInt(outstandingPrincipal) * BigInt(provisionRateOf(group, rules)), BigInt(BASIS_POINTS));

export type { LoanAction } from '../../../contracts/finance.ts';
export const canTakeStep = canTakeLoanStep;

/** Loans that owe principal: they count in a fund's lent-out balance and in the portfolio. */
export const ACTIVE_LOAN_STATUSES: readonly LoanStatus[] = ['disbursed', 'rescheduled'];

/** The rules row in force on a date: the latest that applies from it or before (none before the first). */
export function rulesApplyingOn<T extends { appliesFrom: string }>(rows: readonly T[], date: string): T | undefined {
  const sorted = [...rows].sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom));
  return sorted.filter((row) => row.appliesFrom <= date).at(-1);
}

export const classificationOf = (rules: {
  debtGroupMinDays: readonly number[];
  restructuredMinGroup: number;
  provisionBp: readonly number[];
}): ClassificationRules => ({
  debtGroupMinDays: rules.debtGroupMinDays as ClassificationRules['debtGroupMinDays'],
  restructuredMinGroup: rules.restructuredMinGroup as DebtGroup,
  provisionBp: rules.provisionBp as ClassificationRules['provisionBp'],
});
