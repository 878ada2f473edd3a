import type { LoanStatus } from '../../../contracts/finance.ts';
import { AppError, badRequest, type Localized, notFound } from '../../platform/errors.ts';
import type { LoanAction } from './loan-status.rules.ts';

/** The finance module's problems, in words a loan officer acts on. */

export const LOAN = { vi: 'khoản vay', en: 'Loan' };
export const loanNotFound = () => notFound(LOAN);

const STATUS_LABELS: Record<LoanStatus, Localized> = {
  applied: { vi: 'mới nộp hồ sơ', en: 'applied' },
  appraising: { vi: 'đang thẩm định', en: 'under appraisal' },
  approved: { vi: 'đã phê duyệt', en: 'approved' },
  rejected: { vi: 'bị từ chối', en: 'rejected' },
  disbursed: { vi: 'đã giải ngân', en: 'disbursed' },
  rescheduled: { vi: 'đã điều chỉnh kỳ hạn', en: 'rescheduled' },
  closed: { vi: 'đã tất toán', en: 'closed' },
  written_off: { vi: 'đã xử lý rủi ro', en: 'written off' },
};

const ACTION_LABELS: Record<LoanAction, Localized> = {
  edit: { vi: 'sửa hồ sơ', en: 'edit the application' },
  appraise: { vi: 'thẩm định', en: 'appraise it' },
  decide: { vi: 'phê duyệt hoặc từ chối', en: 'decide on it' },
  sign: { vi: 'ký hợp đồng', en: 'sign the contract' },
  disburse: { vi: 'giải ngân', en: 'disburse' },
  repay: { vi: 'thu nợ', en: 'record a repayment' },
  reverse: { vi: 'hủy khoản thu', en: 'reverse a repayment' },
  reschedule: { vi: 'điều chỉnh kỳ hạn', en: 'reschedule it' },
  writeOff: { vi: 'xử lý rủi ro', en: 'write it off' },
  close: { vi: 'tất toán', en: 'close it' },
};

export const wrongStep = (status: LoanStatus, action: LoanAction) =>
  new AppError(409, 'invalid_state', {
    vi: `Khoản vay ${STATUS_LABELS[status].vi}, không thể ${ACTION_LABELS[action].vi}.`,
    en: `The loan is ${STATUS_LABELS[status].en}; you cannot ${ACTION_LABELS[action].en}.`,
  });

export const appraiserCannotDecide = () =>
  new AppError(403, 'segregation_of_duties', {
    vi: 'Người đã thẩm định hồ sơ vay không được phê duyệt hay từ chối chính hồ sơ đó. Hãy chuyển cho lãnh đạo khác quyết định.',
    en: 'Whoever appraised a loan application cannot approve or reject it. Ask another leader to decide.',
  });

const formatMoney = (amount: number) => amount.toLocaleString('vi-VN');
const formatMoneyEn = (amount: number) => amount.toLocaleString('en-US');

/** A field that breaks a rule: 400 naming the field and the limit. */
export const fieldProblem = (field: string, message: Localized) => badRequest(message, [{ field, message }]);

export const futureDate = (field: string) => fieldProblem(field, { vi: 'Ngày này chưa đến.', en: 'This date is in the future.' });

export const dateBefore = (field: string, limit: string, what: Localized) =>
  fieldProblem(field, {
    vi: `Ngày không được trước ${what.vi} (${limit}).`,
    en: `The date cannot be before ${what.en} (${limit}).`,
  });

export const amountOver = (field: string, limit: number, what: Localized) =>
  fieldProblem(field, {
    vi: `Số tiền vượt ${what.vi}: tối đa ${formatMoney(limit)} đồng.`,
    en: `The amount is over ${what.en}: at most ${formatMoneyEn(limit)} đồng.`,
  });

export const fundInsufficient = (available: number) =>
  new AppError(
    409,
    'fund_insufficient',
    {
      vi: `Quỹ chỉ còn ${formatMoney(available)} đồng có thể giải ngân.`,
      en: `The fund has only ${formatMoneyEn(available)} đồng left to disburse.`,
    },
    { errors: [{ field: 'amount', message: { vi: 'Vượt số dư khả dụng của quỹ', en: 'Over the fund’s available balance' } }] },
  );

export const overpayment = (maximum: number, isThisRepayment: boolean) =>
  isThisRepayment
    ? amountOver('amount', maximum, { vi: 'số còn phải trả để tất toán', en: 'what closes the loan' })
    : new AppError(409, 'overpayment_later', {
        vi: 'Khoản thu này làm một khoản thu ghi sau nó vượt số còn phải trả. Hãy kiểm tra lại ngày và số tiền.',
        en: 'This repayment would make a later one exceed what is owed. Check the date and the amount.',
      });

export const stillOwed = (payoff: number) =>
  new AppError(409, 'still_owed', {
    vi: `Khoản vay còn ${formatMoney(payoff)} đồng phải trả (gốc, lãi, lãi quá hạn), chưa thể tất toán.`,
    en: `The loan still owes ${formatMoneyEn(payoff)} đồng (principal and interest); it cannot be closed yet.`,
  });

export const beforeRescheduling = (date: string) =>
  new AppError(409, 'before_rescheduling', {
    vi: `Khoản vay đã được điều chỉnh kỳ hạn từ ngày ${date}; không thể ghi hay hủy khoản thu trước ngày đó.`,
    en: `The loan was rescheduled from ${date}; repayments before that date cannot be entered or reversed.`,
  });

export const noRules = () =>
  fieldProblem('fundId', {
    vi: 'Quỹ chưa có quy định (lãi suất, hạn mức) áp dụng vào ngày này.',
    en: 'The fund has no rules (rate, limits) applying on this date.',
  });
