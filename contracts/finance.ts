import { z } from 'zod';
import { attachmentSchema } from './attachments.ts';
import { calendarDate, idSchema, optionalText, pageOf, pagingQuery, text } from './common.ts';
import { provinceCodeSchema } from './places.ts';
import { sectorSchema } from './organizations.ts';

/**
 * The Cooperative Development Support Fund (Quỹ hỗ trợ phát triển HTX): funds and their rules,
 * loans from application to contract, and referrals to banks. Money in whole đồng, rates in basis
 * points (650 = 6.5%/year), dates YYYY-MM-DD.
 */

/** A loan or a fund's capital: whole đồng, more than nothing. */
export const positiveMoney = z.number().int().min(1, { error: 'validation.positiveAmount' }).max(Number.MAX_SAFE_INTEGER);
/** A yearly rate in basis points, up to 50%/year. */
export const rateBpSchema = z.number().int().min(0).max(5000);
const version = z.number().int().min(1);
const required = (max: number) => text(max).pipe(z.string().min(1, { error: 'validation.required' }));

export const fundKinds = ['central_entrusted', 'provincial_budget', 'other'] as const;
export const fundKindSchema = z.enum(fundKinds);

export const loanStatuses = ['applied', 'appraising', 'approved', 'rejected', 'disbursed', 'rescheduled', 'closed', 'written_off'] as const;
export const loanStatusSchema = z.enum(loanStatuses);
export type LoanStatus = z.infer<typeof loanStatusSchema>;

export type LoanAction = 'edit' | 'appraise' | 'decide' | 'sign' | 'disburse' | 'repay' | 'reverse' | 'reschedule' | 'writeOff' | 'close';

/**
 * Which statuses each step of a loan starts from (DOMAIN.md §4: applied → appraising → approved →
 * disbursed → closed). The server enforces it; the screens show only the steps it allows.
 */
export const LOAN_ACTION_FROM: Record<LoanAction, readonly LoanStatus[]> = {
  edit: ['applied', 'appraising'],
  appraise: ['applied', 'appraising'],
  decide: ['appraising'],
  sign: ['approved'],
  disburse: ['approved', 'disbursed', 'rescheduled'],
  repay: ['disbursed', 'rescheduled'],
  reverse: ['disbursed', 'rescheduled'],
  reschedule: ['disbursed', 'rescheduled'],
  writeOff: ['disbursed', 'rescheduled'],
  close: ['disbursed', 'rescheduled'],
};

export const canTakeLoanStep = (status: LoanStatus, action: LoanAction): boolean => LOAN_ACTION_FROM[action].includes(status);

export const repaymentFrequencies = ['monthly', 'quarterly'] as const;
export const repaymentFrequencySchema = z.enum(repaymentFrequencies);
export const principalMethods = ['equal', 'bullet'] as const;
export const principalMethodSchema = z.enum(principalMethods);
export const allocationComponentSchema = z.enum(['overdue_interest', 'interest', 'principal']);

// ── Funds and their rules ────────────────────────────────────────────────────────────────────

export const fundRulesInputSchema = z.object({
  appliesFrom: calendarDate,
  lendingRateBp: rateBpSchema,
  maxAmount: positiveMoney,
  maxTermMonths: z.number().int().min(1).max(120),
  /** Overdue principal bears this percentage of the contract rate (100–150). */
  overdueFactorPercent: z.number().int().min(100).max(150),
  /** Fewest days past due of debt groups 2, 3, 4, 5. */
  debtGroupMinDays: z.tuple([z.number().int().min(1).max(3650), z.number().int(), z.number().int(), z.number().int()]),
  restructuredMinGroup: z.number().int().min(1).max(5),
  /** Provisions of groups 1–5 in basis points (500 = 5%). */
  provisionBp: z.tuple([z.number().int().min(0).max(10000), z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  allocationOrder: z
    .array(allocationComponentSchema)
    .length(3)
    .refine((order) => new Set(order).size === 3, { error: 'validation.allocationOrder' }),
});
export type FundRulesInput = z.input<typeof fundRulesInputSchema>;

export const fundRulesSchema = fundRulesInputSchema.extend({ id: z.string(), createdAt: z.string() });
export type FundRules = z.infer<typeof fundRulesSchema>;

export const createFundSchema = z.object({
  name: required(200),
  kind: fundKindSchema,
  /** The province whose Alliance runs it; null: the central fund. */
  provinceCode: provinceCodeSchema.nullable(),
  capital: positiveMoney,
  notes: optionalText(2000),
  rules: fundRulesInputSchema,
});
export type CreateFund = z.input<typeof createFundSchema>;

export const updateFundSchema = z.object({
  version,
  name: required(200).optional(),
  kind: fundKindSchema.optional(),
  capital: positiveMoney.optional(),
  notes: optionalText(2000),
});
export type UpdateFund = z.input<typeof updateFundSchema>;

export const fundSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: fundKindSchema,
  provinceCode: z.string().nullable(),
  capital: z.number(),
  /** Outstanding principal of its loans. */
  lentOut: z.number(),
  /** Principal lost to write-offs. */
  writtenOff: z.number(),
  /** Capital − lent out − written off: what can still be disbursed. */
  available: z.number(),
  /** Approved, not yet disbursed. */
  committed: z.number(),
  notes: z.string().nullable(),
  rules: z.array(fundRulesSchema),
  currentRules: fundRulesSchema.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Fund = z.infer<typeof fundSchema>;

// ── Loans: application, appraisal, decision, contract ────────────────────────────────────────

/** The terms asked for; edits name only what changes, so no defaults here. */
const loanTermsSchema = z.object({
  requestedAmount: positiveMoney,
  termMonths: z.number().int().min(1).max(120),
  rateBp: rateBpSchema,
  frequency: repaymentFrequencySchema,
  principalMethod: principalMethodSchema,
  graceMonths: z.number().int().min(0).max(60),
  purpose: required(1000),
  collateral: optionalText(2000),
  /** The papers of the file (business plan, financial statements, collateral deeds…). */
  documents: z.array(required(200)).max(30),
  appliedOn: calendarDate,
});

export const createLoanSchema = loanTermsSchema.extend({
  organizationId: idSchema,
  fundId: idSchema,
  /** Defaults to the fund's lending rate. */
  rateBp: rateBpSchema.optional(),
  frequency: repaymentFrequencySchema.default('monthly'),
  principalMethod: principalMethodSchema.default('equal'),
  graceMonths: z.number().int().min(0).max(60).default(0),
  documents: z.array(required(200)).max(30).default([]),
});
export type CreateLoan = z.input<typeof createLoanSchema>;

export const updateLoanSchema = loanTermsSchema.partial().extend({ version });
export type UpdateLoan = z.input<typeof updateLoanSchema>;

export const appraisalInputSchema = z.object({
  version,
  findings: required(5000),
  recommendation: z.enum(['approve', 'reject']),
  /** The amount the appraiser thinks right; the leader decides. */
  recommendedAmount: positiveMoney.nullable().optional(),
  appraisedOn: calendarDate,
});
export type AppraisalInput = z.input<typeof appraisalInputSchema>;

export const decisionInputSchema = z
  .object({
    version,
    outcome: z.enum(['approved', 'rejected']),
    decisionNumber: text(50).pipe(z.string().min(1, { error: 'validation.decisionNumber' })),
    decidedOn: calendarDate,
    approvedAmount: positiveMoney.optional(),
    reason: optionalText(2000),
  })
  .refine((input) => input.outcome === 'approved' || Boolean(input.reason), { error: 'validation.rejectionReason', path: ['reason'] });
export type DecisionInput = z.input<typeof decisionInputSchema>;

export const contractInputSchema = z.object({
  version,
  contractNumber: text(50).pipe(z.string().min(1, { error: 'validation.contractNumber' })),
  signedOn: calendarDate,
});
export type ContractInput = z.input<typeof contractInputSchema>;

const personStep = z.object({ userId: z.string().nullable(), name: z.string().nullable(), on: z.string() });

export const loanSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  sector: sectorSchema,
  fundId: z.string(),
  fundName: z.string(),
  status: loanStatusSchema,
  requestedAmount: z.number(),
  termMonths: z.number().int(),
  rateBp: z.number().int(),
  frequency: repaymentFrequencySchema,
  principalMethod: principalMethodSchema,
  graceMonths: z.number().int(),
  purpose: z.string(),
  collateral: z.string().nullable(),
  documents: z.array(z.string()),
  appliedOn: z.string(),
  appraisal: personStep
    .extend({ findings: z.string(), recommendation: z.enum(['approve', 'reject']), recommendedAmount: z.number().nullable() })
    .nullable(),
  decision: personStep
    .extend({
      outcome: z.enum(['approved', 'rejected']),
      number: z.string(),
      approvedAmount: z.number().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  contract: z
    .object({
      number: z.string(),
      signedOn: z.string(),
      overdueFactorPercent: z.number().int(),
      allocationOrder: z.array(allocationComponentSchema),
    })
    .nullable(),
  disbursed: z.number(),
  firstDisbursedOn: z.string().nullable(),
  maturityOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  writeOff: z
    .object({ on: z.string(), principal: z.number(), interest: z.number(), reason: z.string(), decisionNumber: z.string().nullable() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Loan = z.infer<typeof loanSchema>;

/** A scanned paper of the loan's file, kept with it. */
export const loanAttachmentSchema = attachmentSchema.extend({ loanId: z.string() });
export type LoanAttachment = z.infer<typeof loanAttachmentSchema>;

export const loanListQuerySchema = pagingQuery.extend({
  status: loanStatusSchema.optional(),
  fundId: idSchema.optional(),
  organizationId: idSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
export type LoanListQuery = z.input<typeof loanListQuerySchema>;
export type LoanFilters = z.output<typeof loanListQuerySchema>;

export const loanSummarySchema = loanSchema.pick({
  id: true,
  organizationId: true,
  organizationName: true,
  fundId: true,
  fundName: true,
  status: true,
  requestedAmount: true,
  termMonths: true,
  rateBp: true,
  appliedOn: true,
  disbursed: true,
  maturityOn: true,
  version: true,
});
export const loanSummaryWithContractSchema = loanSummarySchema.extend({ contractNumber: z.string().nullable() });
export type LoanSummary = z.infer<typeof loanSummaryWithContractSchema>;
/** A list row: a loan being repaid also says where it stands today. */
export const loanListItemSchema = loanSummaryWithContractSchema.extend({
  position: z.object({ outstandingPrincipal: z.number(), daysPastDue: z.number().int(), debtGroup: z.number().int() }).nullable(),
});
export type LoanListItem = z.infer<typeof loanListItemSchema>;
export const loanPageSchema = pageOf(loanListItemSchema);

// ── Referrals to banks (hỗ trợ tiếp cận vốn vay) ─────────────────────────────────────────────

export const banks = ['agribank', 'vbsp', 'bidv', 'vietinbank', 'vietcombank', 'other'] as const;
export const bankReferralStatuses = ['referred', 'approved', 'rejected', 'withdrawn'] as const;
export const bankReferralStatusSchema = z.enum(bankReferralStatuses);

const bankReferralFieldsSchema = z.object({
  bank: z.enum(banks),
  /** The branch, or the bank's name when it is "other". */
  bankBranch: optionalText(200),
  purpose: optionalText(1000),
  amountRequested: positiveMoney,
  amountGranted: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  status: bankReferralStatusSchema,
  referredOn: calendarDate,
  decidedOn: calendarDate.nullable().optional(),
  notes: optionalText(2000),
});

export const createBankReferralSchema = bankReferralFieldsSchema.extend({
  organizationId: idSchema,
  status: bankReferralStatusSchema.default('referred'),
});
export type CreateBankReferral = z.input<typeof createBankReferralSchema>;

export const updateBankReferralSchema = bankReferralFieldsSchema.partial().extend({ version });
export type UpdateBankReferral = z.input<typeof updateBankReferralSchema>;

export const bankReferralSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  bank: z.enum(banks),
  bankBranch: z.string().nullable(),
  purpose: z.string().nullable(),
  amountRequested: z.number(),
  amountGranted: z.number().nullable(),
  status: bankReferralStatusSchema,
  referredOn: z.string(),
  decidedOn: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type BankReferral = z.infer<typeof bankReferralSchema>;

export const bankReferralListQuerySchema = pagingQuery.extend({
  organizationId: idSchema.optional(),
  bank: z.enum(banks).optional(),
  status: bankReferralStatusSchema.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type BankReferralFilters = z.output<typeof bankReferralListQuerySchema>;
/** The export takes the list's filters and writes every referral they select. */
export const bankReferralExportQuerySchema = bankReferralListQuerySchema.omit({ page: true, pageSize: true });
export type BankReferralExportFilters = z.output<typeof bankReferralExportQuerySchema>;
export const bankReferralPageSchema = pageOf(bankReferralSchema);

export const bankReferralCountsSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      referred: z.number().int(),
      approved: z.number().int(),
      rejected: z.number().int(),
      pending: z.number().int(),
      amountRequested: z.number(),
      amountGranted: z.number(),
    }),
  ),
});
export type BankReferralCounts = z.infer<typeof bankReferralCountsSchema>;
