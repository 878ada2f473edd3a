import type { AuditEntry } from '../../../contracts/common.ts';
import type {
  AppraisalInput,
  ContractInput,
  CreateLoan,
  DecisionInput,
  FundRules,
  Loan,
  LoanFilters,
  LoanSummary,
  UpdateLoan,
} from '../../../contracts/finance.ts';
import {
  appraisalInputSchema,
  contractInputSchema,
  createLoanSchema,
  decisionInputSchema,
  updateLoanSchema,
} from '../../../contracts/finance.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { LoanTable } from '../../db/schema.ts';
import { type Actor, assertAllowed, scopeOf } from '../../platform/access.ts';
import { findAuditEntries, writeAudit } from '../../platform/audit.repository.ts';
import { type Clock, instantOf } from '../../platform/clock.ts';
import { AppError, forbidden, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { OrganizationService } from '../organizations/organization.service.ts';
import { canApplyForLoan, canAppraiseLoan, canServiceLoan, checkDecision } from './finance.policy.ts';
import type { FundService } from './fund.service.ts';
import { todayInVietnam } from './loan-calendar.rules.ts';
import {
  amountOver,
  appraiserCannotDecide,
  dateBefore,
  fieldProblem,
  futureDate,
  loanNotFound,
  noRules,
  wrongStep,
} from './loan-problems.ts';
import { type ScheduleTerms, termsProblems } from './loan-schedule.rules.ts';
import { canTakeStep, rulesApplyingOn } from './loan-status.rules.ts';
import { createLoanRepository } from './loan.repository.ts';

export const LOAN_ENTITY = 'loan';

const archivedBorrower = () =>
  new AppError(409, 'archived', { vi: 'Tổ chức đã lưu trữ, không nhận hồ sơ vay mới.', en: 'The organisation is archived; no new loans.' });

const duplicateContractNumber = (contractNumber: string) =>
  new AppError(
    409,
    'duplicate_contract_number',
    { vi: `Số hợp đồng ${contractNumber} đã được dùng.`, en: `Contract number ${contractNumber} is already in use.` },
    { errors: [{ field: 'contractNumber', message: { vi: 'Số hợp đồng đã tồn tại', en: 'Contract number already exists' } }] },
  );

const TERMS_MESSAGES = {
  term_not_multiple: { vi: 'Thời hạn vay phải là số nguyên kỳ trả nợ (quý: bội của 3 tháng)', en: 'The term must be whole periods' },
  grace_not_multiple: { vi: 'Thời gian ân hạn phải là số nguyên kỳ trả nợ', en: 'The grace period must be whole periods' },
  grace_too_long: { vi: 'Thời gian ân hạn phải ngắn hơn thời hạn vay', en: 'The grace period must be shorter than the term' },
};

export const termsOf = (loan: Pick<Loan, 'rateBp' | 'frequency' | 'principalMethod' | 'graceMonths' | 'termMonths'>): ScheduleTerms => ({
  rateBp: loan.rateBp,
  frequency: loan.frequency,
  principalMethod: loan.principalMethod,
  graceMonths: loan.graceMonths,
  termMonths: loan.termMonths,
});

/** The terms a fund allows on a date: within its maximum amount and term, in whole periods. */
function checkTerms(rules: FundRules, terms: ScheduleTerms, amount: number): void {
  if (amount > rules.maxAmount)
    throw amountOver('requestedAmount', rules.maxAmount, { vi: 'hạn mức cho vay của quỹ', en: 'the fund’s limit' });
  if (terms.termMonths > rules.maxTermMonths) {
    throw fieldProblem('termMonths', {
      vi: `Quỹ cho vay tối đa ${rules.maxTermMonths} tháng.`,
      en: `The fund lends for at most ${rules.maxTermMonths} months.`,
    });
  }
  const [problem] = termsProblems(terms);
  if (problem) throw fieldProblem(problem.field, TERMS_MESSAGES[problem.code]);
}

export function createLoanService(deps: {
  db: Db;
  organizations: Pick<OrganizationService, 'getOrganization'>;
  funds: Pick<FundService, 'getFund'>;
  clock: Clock;
}) {
  const { db, organizations, funds, clock } = deps;
  const loans = createLoanRepository(db);
  const today = () => todayInVietnam(clock.now());

  async function getLoan(actor: Actor, id: string, repository = loans): Promise<Loan> {
    const loan = await repository.findLoan(scopeOf(actor), id);
    if (!loan) throw loanNotFound();
    return loan;
  }

  function notInFuture(field: string, date: string): void {
    if (date > today()) throw futureDate(field);
  }

  /** Saves a change of the loan row with its audit row, in the caller's transaction; 409 if someone saved first. */
  async function saveLoanChange(trx: Db, actor: Actor, before: Loan, changes: Partial<LoanTable>, at: string): Promise<Loan> {
    const repository = createLoanRepository(trx);
    if (!(await repository.updateLoan(before.id, before.version, { ...changes, updated_at: at }))) throw versionConflict();
    const after = await getLoan(actor, before.id, repository);
    // A repayment only moves the version on (its own history row says what happened).
    if (Object.keys(changes).length > 0) {
      await writeAudit(trx, { actor, entityType: LOAN_ENTITY, entityId: before.id, action: 'update', before, after, at });
    }
    return after;
  }

  /** Reads the loan, then checks in order: may the actor (403), is it the right step (409), the version read (409). */
  async function loanForStep(
    actor: Actor,
    id: string,
    version: number,
    allowed: (loan: Loan) => boolean,
    action: Parameters<typeof canTakeStep>[1],
  ) {
    const loan = await getLoan(actor, id);
    assertAllowed(allowed(loan));
    if (!canTakeStep(loan.status, action)) throw wrongStep(loan.status, action);
    if (loan.version !== version) throw versionConflict();
    return loan;
  }

  async function rulesOn(actor: Actor, fundId: string, date: string): Promise<FundRules> {
    const fund = await funds.getFund(actor, fundId);
    const rules = rulesApplyingOn(fund.rules, date);
    if (!rules) throw noRules();
    return rules;
  }

  return {
    getLoan,
    saveLoanChange,
    loanForStep,

    async findLoans(actor: Actor, filters: LoanFilters): Promise<{ items: LoanSummary[]; total: number }> {
      return loans.findLoans(scopeOf(actor), filters);
    },

    async findLoansByIds(actor: Actor, ids: string[]): Promise<Loan[]> {
      return loans.findLoansByIds(scopeOf(actor), ids);
    },

    async findHistory(actor: Actor, id: string): Promise<AuditEntry[]> {
      await getLoan(actor, id);
      return findAuditEntries(db, LOAN_ENTITY, id);
    },

    async createLoan(actor: Actor, input: CreateLoan): Promise<Loan> {
      const values = createLoanSchema.parse(input);
      const borrower = await organizations.getOrganization(actor, values.organizationId);
      assertAllowed(canApplyForLoan(actor, borrower.provinceCode));
      if (borrower.archivedAt) throw archivedBorrower();
      if (borrower.kind === 'enterprise') {
        throw fieldProblem('organizationId', {
          vi: 'Quỹ cho hợp tác xã, liên hiệp và tổ hợp tác vay; doanh nghiệp không thuộc đối tượng.',
          en: 'The fund lends to cooperatives, unions and cooperative groups, not to enterprises.',
        });
      }
      const fund = await funds.getFund(actor, values.fundId);
      if (fund.provinceCode !== null && fund.provinceCode !== borrower.provinceCode) {
        throw fieldProblem('fundId', {
          vi: 'Quỹ này không cho vay ở tỉnh của tổ chức.',
          en: 'This fund does not lend in the borrower’s province.',
        });
      }
      notInFuture('appliedOn', values.appliedOn);
      const rules = await rulesOn(actor, values.fundId, values.appliedOn);
      const terms = termsOf({ ...values, rateBp: values.rateBp ?? rules.lendingRateBp });
      checkTerms(rules, terms, values.requestedAmount);
      const now = instantOf(clock);
      const id = newId();
      return inTransaction(db, async (trx) => {
        const repository = createLoanRepository(trx);
        await repository.insertLoan({
          id,
          organization_id: values.organizationId,
          fund_id: values.fundId,
          status: 'applied',
          requested_amount: values.requestedAmount,
          term_months: terms.termMonths,
          rate_bp: terms.rateBp,
          frequency: terms.frequency,
          principal_method: terms.principalMethod,
          grace_months: terms.principalMethod === 'bullet' ? 0 : terms.graceMonths,
          purpose: values.purpose,
          collateral: values.collateral ?? null,
          documents: JSON.stringify(values.documents),
          applied_on: values.appliedOn,
          ...EMPTY_STEPS,
          disbursed: 0,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          version: 1,
        });
        const loan = await getLoan(actor, id, repository);
        await writeAudit(trx, { actor, entityType: LOAN_ENTITY, entityId: id, action: 'create', before: null, after: loan, at: now });
        return loan;
      });
    },

    async updateLoan(actor: Actor, id: string, input: UpdateLoan): Promise<Loan> {
      const { version, ...changes } = updateLoanSchema.parse(input);
      const loan = await loanForStep(actor, id, version, (target) => canApplyForLoan(actor, target.provinceCode), 'edit');
      if (changes.appliedOn) notInFuture('appliedOn', changes.appliedOn);
      const merged = { ...loan, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) } as Loan;
      const rules = await rulesOn(actor, loan.fundId, merged.appliedOn);
      checkTerms(rules, termsOf(merged), merged.requestedAmount);
      return inTransaction(db, (trx) =>
        saveLoanChange(
          trx,
          actor,
          loan,
          {
            requested_amount: merged.requestedAmount,
            term_months: merged.termMonths,
            rate_bp: merged.rateBp,
            frequency: merged.frequency,
            principal_method: merged.principalMethod,
            grace_months: merged.principalMethod === 'bullet' ? 0 : merged.graceMonths,
            purpose: merged.purpose,
            collateral: merged.collateral,
            documents: JSON.stringify(merged.documents),
            applied_on: merged.appliedOn,
          },
          instantOf(clock),
        ),
      );
    },

    /** The appraiser's findings (thẩm định); may be redone until a leader decides. */
    async appraiseLoan(actor: Actor, id: string, input: AppraisalInput): Promise<Loan> {
      const values = appraisalInputSchema.parse(input);
      const loan = await loanForStep(actor, id, values.version, (target) => canAppraiseLoan(actor, target), 'appraise');
      notInFuture('appraisedOn', values.appraisedOn);
      if (values.appraisedOn < loan.appliedOn)
        throw dateBefore('appraisedOn', loan.appliedOn, { vi: 'ngày nộp hồ sơ', en: 'the application date' });
      if (values.recommendedAmount && values.recommendedAmount > loan.requestedAmount) {
        throw amountOver('recommendedAmount', loan.requestedAmount, { vi: 'số tiền xin vay', en: 'the amount applied for' });
      }
      return inTransaction(db, (trx) =>
        saveLoanChange(
          trx,
          actor,
          loan,
          {
            status: 'appraising',
            appraiser_user_id: actor.userId,
            appraiser_name: actor.displayName,
            appraisal_findings: values.findings,
            appraisal_recommendation: values.recommendation,
            appraisal_amount: values.recommendedAmount ?? null,
            appraised_on: values.appraisedOn,
          },
          instantOf(clock),
        ),
      );
    },

    /** A leader's decision (quyết định phê duyệt / từ chối), never by the loan's appraiser. */
    async decideLoan(actor: Actor, id: string, input: DecisionInput): Promise<Loan> {
      const values = decisionInputSchema.parse(input);
      const loan = await getLoan(actor, id);
      const check = checkDecision(actor, { provinceCode: loan.provinceCode, appraiserUserId: loan.appraisal?.userId ?? null });
      if (check === 'forbidden') throw forbidden();
      if (check === 'appraised_it') throw appraiserCannotDecide();
      if (!canTakeStep(loan.status, 'decide')) throw wrongStep(loan.status, 'decide');
      if (loan.version !== values.version) throw versionConflict();
      notInFuture('decidedOn', values.decidedOn);
      const appraisedOn = loan.appraisal?.on ?? loan.appliedOn;
      if (values.decidedOn < appraisedOn) throw dateBefore('decidedOn', appraisedOn, { vi: 'ngày thẩm định', en: 'the appraisal date' });
      let approvedAmount: number | null = null;
      if (values.outcome === 'approved') {
        approvedAmount = values.approvedAmount ?? loan.appraisal?.recommendedAmount ?? loan.requestedAmount;
        if (approvedAmount > loan.requestedAmount) {
          throw amountOver('approvedAmount', loan.requestedAmount, { vi: 'số tiền xin vay', en: 'the amount applied for' });
        }
      }
      return inTransaction(db, (trx) =>
        saveLoanChange(
          trx,
          actor,
          loan,
          {
            status: values.outcome,
            decider_user_id: actor.userId,
            decider_name: actor.displayName,
            decision_outcome: values.outcome,
            decision_number: values.decisionNumber,
            decided_on: values.decidedOn,
            approved_amount: approvedAmount,
            decision_reason: values.reason ?? null,
          },
          instantOf(clock),
        ),
      );
    },

    /** The loan contract (hợp đồng tín dụng): its number, and the fund's overdue and repayment rules of that day. */
    async signContract(actor: Actor, id: string, input: ContractInput): Promise<Loan> {
      const values = contractInputSchema.parse(input);
      const loan = await loanForStep(actor, id, values.version, (target) => canServiceLoan(actor, target), 'sign');
      if (loan.contract) throw wrongStep(loan.status, 'sign');
      notInFuture('signedOn', values.signedOn);
      const decidedOn = loan.decision?.on ?? loan.appliedOn;
      if (values.signedOn < decidedOn) throw dateBefore('signedOn', decidedOn, { vi: 'ngày quyết định', en: 'the decision date' });
      if (await loans.isContractNumberTaken(values.contractNumber)) throw duplicateContractNumber(values.contractNumber);
      const rules = await rulesOn(actor, loan.fundId, values.signedOn);
      try {
        return await inTransaction(db, (trx) =>
          saveLoanChange(
            trx,
            actor,
            loan,
            {
              contract_number: values.contractNumber,
              contract_signed_on: values.signedOn,
              overdue_factor_percent: rules.overdueFactorPercent,
              allocation_order: JSON.stringify(rules.allocationOrder),
            },
            instantOf(clock),
          ),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateContractNumber(values.contractNumber);
        throw error;
      }
    },
  };
}

const EMPTY_STEPS = {
  appraiser_user_id: null,
  appraiser_name: null,
  appraisal_findings: null,
  appraisal_recommendation: null,
  appraisal_amount: null,
  appraised_on: null,
  decider_user_id: null,
  decider_name: null,
  decision_outcome: null,
  decision_number: null,
  decided_on: null,
  approved_amount: null,
  decision_reason: null,
  contract_number: null,
  contract_signed_on: null,
  overdue_factor_percent: null,
  allocation_order: null,
  first_disbursed_on: null,
  maturity_on: null,
  closed_on: null,
  written_off_on: null,
  written_off_principal: null,
  written_off_interest: null,
  write_off_reason: null,
  write_off_decision_number: null,
} satisfies Partial<LoanTable>;

export type LoanService = ReturnType<typeof createLoanService>;
