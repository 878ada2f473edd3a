import { type Actor, isInProvince } from '../../platform/access.ts';

/**
 * Who may do what with the support fund. Staff (chuyên viên) and admins prepare, appraise,
 * disburse and collect within their province; a leader (lãnh đạo) decides — never on a file they
 * appraised themselves; viewers read; a cooperative reads its own loans and referrals only (the
 * repositories apply that scope).
 */

const WRITERS = new Set<Actor['role']>(['admin', 'staff']);

type LoanTarget = { provinceCode: string; appraiserUserId: string | null };

/** Every role reads funds: their names, capital and rules are not secret. */
export const canReadFunds = (_actor: Actor): boolean => true;

/** A provincial fund is run by its province's Alliance; the central fund by the national level. */
export function canManageFund(actor: Actor, fundProvinceCode: string | null): boolean {
  if (!WRITERS.has(actor.role)) return false;
  return fundProvinceCode === null ? actor.provinceCode === null : isInProvince(actor, fundProvinceCode);
}

export const canApplyForLoan = (actor: Actor, borrowerProvinceCode: string): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, borrowerProvinceCode);

export const canAppraiseLoan = (actor: Actor, loan: Pick<LoanTarget, 'provinceCode'>): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, loan.provinceCode);

export type DecisionCheck = 'allowed' | 'forbidden' | 'appraised_it';

/** Segregation of duties: a leader of the province decides, unless they appraised the file. */
export function checkDecision(actor: Actor, loan: LoanTarget): DecisionCheck {
  if (actor.role !== 'leader' || !isInProvince(actor, loan.provinceCode)) return 'forbidden';
  if (actor.userId !== null && actor.userId === loan.appraiserUserId) return 'appraised_it';
  return 'allowed';
}

/** Contract, disbursements, repayments and their reversal, rescheduling, closing. */
export const canServiceLoan = (actor: Actor, loan: Pick<LoanTarget, 'provinceCode'>): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, loan.provinceCode);

/** Writing a loan off loses the fund's money: a leader's decision. */
/** The papers of the file: staff file them, and a leader files the decision they signed. */
export const canFileLoanPapers = (actor: Actor, loan: Pick<LoanTarget, 'provinceCode'>): boolean =>
  (WRITERS.has(actor.role) || actor.role === 'leader') && isInProvince(actor, loan.provinceCode);

export const canWriteOffLoan = (actor: Actor, loan: Pick<LoanTarget, 'provinceCode'>): boolean =>
  actor.role === 'leader' && isInProvince(actor, loan.provinceCode);

/** The portfolio is the Alliance's view of all its borrowers: not for a cooperative's account. */
export const canReadPortfolio = (actor: Actor): boolean => actor.role !== 'cooperative';

export const canWriteBankReferral = (actor: Actor, borrowerProvinceCode: string): boolean =>
  WRITERS.has(actor.role) && isInProvince(actor, borrowerProvinceCode);
