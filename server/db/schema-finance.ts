import type { AttachmentType } from '../../contracts/attachments.ts';

/** Table types of the finance module: funds, loans and their ledger, bank referrals. */

/** The support fund and its rules rows (each applies from its date). */
export type FundTable = {
  id: string;
  name: string;
  kind: 'central_entrusted' | 'provincial_budget' | 'other';
  province_code: string | null;
  capital: number;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type FundRulesTable = {
  id: string;
  fund_id: string;
  applies_from: string;
  lending_rate_bp: number;
  max_amount: number;
  max_term_months: number;
  overdue_factor_percent: number;
  /** JSON: [days of groups 2, 3, 4, 5] */
  debt_group_min_days: string;
  restructured_min_group: number;
  /** JSON: [bp of groups 1 … 5] */
  provision_bp: string;
  /** JSON: the components in the order a repayment pays them */
  allocation_order: string;
  created_by: string | null;
  created_at: string;
};

export type LoanTable = {
  id: string;
  organization_id: string;
  fund_id: string;
  status: 'applied' | 'appraising' | 'approved' | 'rejected' | 'disbursed' | 'rescheduled' | 'closed' | 'written_off';
  requested_amount: number;
  term_months: number;
  rate_bp: number;
  frequency: 'monthly' | 'quarterly';
  principal_method: 'equal' | 'bullet';
  grace_months: number;
  purpose: string;
  collateral: string | null;
  /** JSON: document names */
  documents: string;
  applied_on: string;
  appraiser_user_id: string | null;
  appraiser_name: string | null;
  appraisal_findings: string | null;
  appraisal_recommendation: 'approve' | 'reject' | null;
  appraisal_amount: number | null;
  appraised_on: string | null;
  decider_user_id: string | null;
  decider_name: string | null;
  decision_outcome: 'approved' | 'rejected' | null;
  decision_number: string | null;
  decided_on: string | null;
  approved_amount: number | null;
  decision_reason: string | null;
  contract_number: string | null;
  contract_signed_on: string | null;
  overdue_factor_percent: number | null;
  /** JSON, copied from the fund's rules when the contract is signed */
  allocation_order: string | null;
  disbursed: number;
  first_disbursed_on: string | null;
  maturity_on: string | null;
  closed_on: string | null;
  written_off_on: string | null;
  written_off_principal: number | null;
  written_off_interest: number | null;
  write_off_reason: string | null;
  write_off_decision_number: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type LoanDisbursementTable = {
  id: string;
  loan_id: string;
  disbursed_on: string;
  amount: number;
  reference: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
};

export type LoanScheduleVersionTable = {
  id: string;
  loan_id: string;
  number: number;
  effective_from: string;
  reason: 'disbursement' | 'tranche' | 'reschedule';
  decision_number: string | null;
  note: string | null;
  term_months: number;
  principal_method: 'equal' | 'bullet';
  created_by: string | null;
  created_at: string;
};

export type LoanScheduleLineTable = {
  version_id: string;
  number: number;
  due_on: string;
  principal: number;
  interest: number;
};

export type LoanRepaymentTable = {
  id: string;
  loan_id: string;
  paid_on: string;
  amount: number;
  reference: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  reversed_at: string | null;
  reversed_by: string | null;
  reversed_by_name: string | null;
  reversal_reason: string | null;
};

export type LoanAttachmentTable = {
  id: string;
  loan_id: string;
  file_id: string;
  name: string;
  file_type: AttachmentType;
  content_type: string;
  size: number;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: string;
  removed_at: string | null;
};

export type LoanAllocationTable = {
  id: string;
  repayment_id: string;
  loan_id: string;
  component: 'overdue_interest' | 'interest' | 'principal';
  due_on: string | null;
  amount: number;
};

export type BankReferralTable = {
  id: string;
  organization_id: string;
  bank: 'agribank' | 'vbsp' | 'bidv' | 'vietinbank' | 'vietcombank' | 'other';
  bank_branch: string | null;
  purpose: string | null;
  amount_requested: number;
  amount_granted: number | null;
  status: 'referred' | 'approved' | 'rejected' | 'withdrawn';
  referred_on: string;
  decided_on: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};
