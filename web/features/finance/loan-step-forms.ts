import { canTakeLoanStep, type Loan, type LoanAction } from '../../../contracts/finance.ts';
import type { Role } from '../../../contracts/access.ts';
import { permissions } from '../../app/session.ts';

/** One input of a step's form; `name` is the request field, so the server's field errors land on it. */
export type StepField =
  | { name: string; kind: 'date' | 'text' | 'textarea' | 'money' | 'number'; required?: boolean }
  | { name: string; kind: 'select'; options: readonly string[]; required?: boolean };

export type StepForm = {
  action: Exclude<LoanAction, 'reverse'>;
  /** The path after /loans/:id/ (POST), or null for the edit of the application (PATCH). */
  step: string | null;
  fields: StepField[];
  /** Who may take it, besides the loan's status allowing it. */
  mayTake: (role: Role) => boolean;
  /** Beyond the status: e.g. a contract is signed once, a tranche needs room under the approved amount. */
  isOpen?: (loan: Loan) => boolean;
};

const approvedAmountOf = (loan: Loan) => loan.decision?.approvedAmount ?? loan.requestedAmount;

/** The steps of a loan's life as forms, in the order they come (DOMAIN.md §4). */
export const STEP_FORMS: StepForm[] = [
  {
    action: 'edit',
    step: null,
    mayTake: permissions.canServiceLoans,
    fields: [
      { name: 'requestedAmount', kind: 'money', required: true },
      { name: 'termMonths', kind: 'number', required: true },
      { name: 'purpose', kind: 'textarea', required: true },
      { name: 'collateral', kind: 'textarea' },
    ],
  },
  {
    action: 'appraise',
    step: 'appraisal',
    mayTake: permissions.canServiceLoans,
    fields: [
      { name: 'findings', kind: 'textarea', required: true },
      { name: 'recommendation', kind: 'select', options: ['approve', 'reject'], required: true },
      { name: 'recommendedAmount', kind: 'money' },
      { name: 'appraisedOn', kind: 'date', required: true },
    ],
  },
  {
    action: 'decide',
    step: 'decision',
    mayTake: permissions.canDecideLoans,
    fields: [
      { name: 'outcome', kind: 'select', options: ['approved', 'rejected'], required: true },
      { name: 'decisionNumber', kind: 'text', required: true },
      { name: 'decidedOn', kind: 'date', required: true },
      { name: 'approvedAmount', kind: 'money' },
      { name: 'reason', kind: 'textarea' },
    ],
  },
  {
    action: 'sign',
    step: 'contract',
    mayTake: permissions.canServiceLoans,
    isOpen: (loan) => loan.contract === null,
    fields: [
      { name: 'contractNumber', kind: 'text', required: true },
      { name: 'signedOn', kind: 'date', required: true },
    ],
  },
  {
    action: 'disburse',
    step: 'disbursements',
    mayTake: permissions.canServiceLoans,
    isOpen: (loan) => loan.contract !== null && loan.disbursed < approvedAmountOf(loan),
    fields: [
      { name: 'disbursedOn', kind: 'date', required: true },
      { name: 'amount', kind: 'money', required: true },
      { name: 'reference', kind: 'text' },
      { name: 'note', kind: 'textarea' },
    ],
  },
  {
    action: 'repay',
    step: 'repayments',
    mayTake: permissions.canServiceLoans,
    fields: [
      { name: 'paidOn', kind: 'date', required: true },
      { name: 'amount', kind: 'money', required: true },
      { name: 'reference', kind: 'text' },
      { name: 'note', kind: 'textarea' },
    ],
  },
  {
    action: 'reschedule',
    step: 'reschedule',
    mayTake: permissions.canServiceLoans,
    fields: [
      { name: 'effectiveOn', kind: 'date', required: true },
      { name: 'termMonths', kind: 'number', required: true },
      { name: 'decisionNumber', kind: 'text' },
      { name: 'reason', kind: 'textarea', required: true },
    ],
  },
  {
    action: 'writeOff',
    step: 'write-off',
    mayTake: permissions.canDecideLoans,
    fields: [
      { name: 'writtenOffOn', kind: 'date', required: true },
      { name: 'decisionNumber', kind: 'text' },
      { name: 'reason', kind: 'textarea', required: true },
    ],
  },
  {
    action: 'close',
    step: 'close',
    mayTake: permissions.canServiceLoans,
    fields: [{ name: 'closedOn', kind: 'date', required: true }],
  },
];

/** The steps this user may take on this loan now. */
export function availableSteps(loan: Loan, role: Role): StepForm[] {
  return STEP_FORMS.filter((form) => canTakeLoanStep(loan.status, form.action) && form.mayTake(role) && (form.isOpen?.(loan) ?? true));
}

/** What a step's form starts with: today's dates, what remains to disburse, the terms being edited. */
export function initialValues(form: StepForm, loan: Loan, today: string): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const field of form.fields) values[field.name] = field.kind === 'date' ? today : null;
  if (form.action === 'edit') {
    Object.assign(values, {
      requestedAmount: loan.requestedAmount,
      termMonths: loan.termMonths,
      purpose: loan.purpose,
      collateral: loan.collateral,
    });
  }
  if (form.action === 'appraise') Object.assign(values, { recommendation: 'approve', recommendedAmount: loan.requestedAmount });
  if (form.action === 'decide')
    Object.assign(values, { outcome: 'approved', approvedAmount: loan.appraisal?.recommendedAmount ?? loan.requestedAmount });
  if (form.action === 'disburse') values.amount = approvedAmountOf(loan) - loan.disbursed;
  if (form.action === 'reschedule') values.termMonths = loan.termMonths;
  return values;
}

/** The request: blank optional fields left out, the loan's version named. */
export function requestOf(values: Record<string, string | number | null>, loan: Loan): Record<string, unknown> {
  const body: Record<string, unknown> = { version: loan.version };
  for (const [name, value] of Object.entries(values)) if (value !== null && value !== '') body[name] = value;
  return body;
}
