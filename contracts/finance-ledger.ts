import { z } from 'zod';
import { calendarDate, optionalText, text } from './common.ts';
import { allocationComponentSchema, positiveMoney, principalMethodSchema } from './finance.ts';
import { sectorSchema } from './organizations.ts';

/**
 * A disbursed loan's money: tranches, schedules (every version kept), repayments and their
 * allocation, the position as of a date, the statement, and the portfolio. Whole đồng throughout.
 */

const version = z.number().int().min(1);
const reason = (key: 'validation.reversalReason' | 'validation.rescheduleReason' | 'validation.writeOffReason') =>
  text(2000).pipe(z.string().min(1, { error: key }));

export const disbursementInputSchema = z.object({
  /** The loan's version. */
  version,
  disbursedOn: calendarDate,
  amount: positiveMoney,
  reference: optionalText(100),
  note: optionalText(1000),
});
export type DisbursementInput = z.input<typeof disbursementInputSchema>;

export const disbursementSchema = z.object({
  id: z.string(),
  disbursedOn: z.string(),
  amount: z.number(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type LoanDisbursement = z.infer<typeof disbursementSchema>;

export const scheduleLineSchema = z.object({
  number: z.number().int(),
  dueDate: z.string(),
  principal: z.number(),
  interest: z.number(),
});

export const scheduleVersionSchema = z.object({
  number: z.number().int(),
  effectiveFrom: z.string(),
  reason: z.enum(['disbursement', 'tranche', 'reschedule']),
  decisionNumber: z.string().nullable(),
  note: z.string().nullable(),
  termMonths: z.number().int(),
  principalMethod: principalMethodSchema,
  totalPrincipal: z.number(),
  totalInterest: z.number(),
  createdAt: z.string(),
  lines: z.array(scheduleLineSchema),
});
export type ScheduleVersion = z.infer<typeof scheduleVersionSchema>;

export const scheduleSchema = z.object({
  /** Every version, newest first; the first is the one in force. */
  versions: z.array(scheduleVersionSchema),
});
export type LoanSchedule = z.infer<typeof scheduleSchema>;

export const repaymentInputSchema = z.object({
  version,
  paidOn: calendarDate,
  amount: positiveMoney,
  reference: optionalText(100),
  note: optionalText(1000),
});
export type RepaymentInput = z.input<typeof repaymentInputSchema>;

export const allocationSchema = z.object({ component: allocationComponentSchema, dueDate: z.string().nullable(), amount: z.number() });

export const repaymentSchema = z.object({
  id: z.string(),
  paidOn: z.string(),
  amount: z.number(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  /** How the amount was shared; empty once reversed. */
  allocations: z.array(allocationSchema),
  reversal: z.object({ at: z.string(), byName: z.string().nullable(), reason: z.string() }).nullable(),
  createdAt: z.string(),
});
export type LoanRepayment = z.infer<typeof repaymentSchema>;

export const reversalInputSchema = z.object({ version, reason: reason('validation.reversalReason') });
export type ReversalInput = z.input<typeof reversalInputSchema>;

export const rescheduleInputSchema = z.object({
  version,
  effectiveOn: calendarDate,
  /** The new whole term, counted from the first disbursement. */
  termMonths: z.number().int().min(1).max(180),
  principalMethod: principalMethodSchema.optional(),
  decisionNumber: optionalText(50),
  reason: reason('validation.rescheduleReason'),
});
export type RescheduleInput = z.input<typeof rescheduleInputSchema>;

export const writeOffInputSchema = z.object({
  version,
  writtenOffOn: calendarDate,
  decisionNumber: optionalText(50),
  reason: reason('validation.writeOffReason'),
});
export type WriteOffInput = z.input<typeof writeOffInputSchema>;

export const closeInputSchema = z.object({ version, closedOn: calendarDate });
export type CloseInput = z.input<typeof closeInputSchema>;

export const asOfQuerySchema = z.object({ asOf: calendarDate.optional() });

export const loanStateSchema = z.object({
  asOf: z.string(),
  disbursed: z.number(),
  principalRepaid: z.number(),
  outstandingPrincipal: z.number(),
  principalDue: z.number(),
  overduePrincipal: z.number(),
  interestDue: z.number(),
  accruedInterest: z.number(),
  overdueInterest: z.number(),
  payoffAmount: z.number(),
  daysPastDue: z.number().int(),
  oldestUnpaidDueDate: z.string().nullable(),
  debtGroup: z.number().int().min(1).max(5),
  isRestructured: z.boolean(),
  provisionBp: z.number().int(),
  provision: z.number(),
  lines: z.array(
    z.object({
      number: z.number().int(),
      dueDate: z.string(),
      principal: z.number(),
      principalPaid: z.number(),
      interest: z.number(),
      interestPaid: z.number(),
      status: z.enum(['paid', 'overdue', 'due', 'upcoming']),
    }),
  ),
});
export type LoanState = z.infer<typeof loanStateSchema>;

export const statementSchema = z.object({
  loanId: z.string(),
  contractNumber: z.string().nullable(),
  organizationId: z.string(),
  organizationName: z.string(),
  fundName: z.string(),
  rateBp: z.number().int(),
  asOf: z.string(),
  entries: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['disbursement', 'repayment', 'write_off']),
      amount: z.number(),
      principal: z.number(),
      interest: z.number(),
      overdueInterest: z.number(),
      /** Outstanding principal after the entry; reversed repayments leave it unchanged. */
      balance: z.number(),
      reference: z.string().nullable(),
      isReversed: z.boolean(),
      reversalReason: z.string().nullable(),
    }),
  ),
  state: loanStateSchema,
});
export type LoanStatement = z.infer<typeof statementSchema>;

const amountRow = z.object({ loans: z.number().int(), outstanding: z.number() });

export const portfolioSchema = z.object({
  asOf: z.string(),
  totals: amountRow.extend({
    overduePrincipal: z.number(),
    interestDue: z.number(),
    overdueInterest: z.number(),
    provision: z.number(),
    /** Outstanding of groups 3–5 (nợ xấu). */
    badDebt: z.number(),
    writtenOff: z.number(),
  }),
  byFund: z.array(amountRow.extend({ fundId: z.string(), fundName: z.string() })),
  byDebtGroup: z.array(amountRow.extend({ group: z.number().int(), provision: z.number() })),
  bySector: z.array(amountRow.extend({ sector: sectorSchema })),
  byCommune: z.array(amountRow.extend({ communeCode: z.string(), communeName: z.string() })),
  /** Outstanding of loans more than 30 (90) days past due, and its share of all outstanding in basis points. */
  par30: z.object({ outstanding: z.number(), ratioBp: z.number().int() }),
  par90: z.object({ outstanding: z.number(), ratioBp: z.number().int() }),
  dueThisMonth: z.object({
    month: z.string(),
    principal: z.number(),
    interest: z.number(),
    items: z.array(
      z.object({
        loanId: z.string(),
        contractNumber: z.string().nullable(),
        organizationName: z.string(),
        dueDate: z.string(),
        principal: z.number(),
        interest: z.number(),
      }),
    ),
  }),
  /** Loans with principal or interest past due (nợ quá hạn), the longest overdue first: whom to call. */
  overdueLoans: z.array(
    z.object({
      loanId: z.string(),
      contractNumber: z.string().nullable(),
      organizationId: z.string(),
      organizationName: z.string(),
      communeName: z.string(),
      outstanding: z.number(),
      overduePrincipal: z.number(),
      interestDue: z.number(),
      overdueInterest: z.number(),
      daysPastDue: z.number().int(),
      oldestUnpaidDueDate: z.string().nullable(),
      debtGroup: z.number().int(),
    }),
  ),
  /** Repayments received in each of the last twelve months, by component. */
  collectionsByMonth: z.array(
    z.object({ month: z.string(), principal: z.number(), interest: z.number(), overdueInterest: z.number(), total: z.number() }),
  ),
});
export type Portfolio = z.infer<typeof portfolioSchema>;
