import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntry, Page } from '../../../contracts/common.ts';
import type {
  BankReferral,
  BankReferralCounts,
  CreateBankReferral,
  CreateFund,
  CreateLoan,
  Fund,
  FundRulesInput,
  Loan,
  LoanAttachment,
  LoanListItem,
  LoanListQuery,
  UpdateBankReferral,
  UpdateFund,
  UpdateLoan,
} from '../../../contracts/finance.ts';
import type { LoanDisbursement, LoanRepayment, LoanSchedule, LoanState, Portfolio } from '../../../contracts/finance-ledger.ts';
import { apiRequest, apiUrl, isApiError, type QueryValue } from '../../lib/api-client.ts';

export const loanKeys = {
  all: ['loans'] as const,
  list: (query: LoanListQuery) => ['loans', 'list', query] as const,
  detail: (id: string) => ['loans', 'detail', id] as const,
  part: (id: string, part: string, asOf?: string) => ['loans', 'detail', id, part, { asOf }] as const,
};

const loanPath = (id: string, part = '') => `/loans/${encodeURIComponent(id)}${part}`;

export function useLoans(query: LoanListQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: loanKeys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<LoanListItem>>('/loans', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLoan(id: string) {
  return useQuery({ queryKey: loanKeys.detail(id), queryFn: ({ signal }) => apiRequest<Loan>(loanPath(id), { signal }) });
}

/** One of a loan's views (schedule, state, repayments, disbursements, history), read when its tab opens. */
function useLoanPart<T>(id: string, part: string, options: { asOf?: string; enabled?: boolean } = {}) {
  return useQuery({
    enabled: options.enabled ?? true,
    queryKey: loanKeys.part(id, part, options.asOf),
    queryFn: ({ signal }) => apiRequest<T>(loanPath(id, `/${part}`), { query: { asOf: options.asOf }, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useLoanSchedule = (id: string, enabled = true) => useLoanPart<LoanSchedule>(id, 'schedule', { enabled });
export const useLoanState = (id: string, asOf: string | undefined, enabled = true) =>
  useLoanPart<LoanState>(id, 'state', { asOf, enabled });
export const useLoanRepayments = (id: string, enabled = true) => useLoanPart<LoanRepayment[]>(id, 'repayments', { enabled });
export const useLoanDisbursements = (id: string, enabled = true) => useLoanPart<LoanDisbursement[]>(id, 'disbursements', { enabled });
export const useLoanHistory = (id: string, enabled = true) => useLoanPart<AuditEntry[]>(id, 'history', { enabled });
export const useLoanPapers = (id: string) => useLoanPart<LoanAttachment[]>(id, 'attachments');

/** Where the browser downloads a paper of a loan. */
export const loanPaperHref = (paper: { id: string }) => apiUrl(`/loan-attachments/${encodeURIComponent(paper.id)}`);

/** Files a scanned paper (multipart, field "file") with the loan. */
export function useUploadLoanPaper(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiRequest<LoanAttachment>(loanPath(id, '/attachments'), { method: 'POST', body: form });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: loanKeys.part(id, 'attachments') }),
  });
}

export function useRemoveLoanPaper(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paper: LoanAttachment) => apiRequest<void>(`/loan-attachments/${encodeURIComponent(paper.id)}`, { method: 'DELETE' }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: loanKeys.part(id, 'attachments') }),
  });
}

/** The funds a loan may come from, for the application form and the list's filter. */
export function useFundChoices() {
  return useQuery({ queryKey: ['funds', 'choices'], queryFn: ({ signal }) => apiRequest<Fund[]>('/funds', { signal }) });
}

/** After any step the loan, its views, the lists, the funds' balances and the portfolio are read again. */
function useRefreshLoans() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: loanKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['funds'] });
    void queryClient.invalidateQueries({ queryKey: ['portfolio'] });
  };
}

export function useCreateLoan() {
  const refresh = useRefreshLoans();
  return useMutation({
    mutationFn: (input: CreateLoan) => apiRequest<Loan>('/loans', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateLoan(id: string) {
  const refresh = useRefreshLoans();
  return useMutation({
    mutationFn: (input: UpdateLoan) => apiRequest<Loan>(loanPath(id), { method: 'PATCH', body: input }),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 409)) refresh();
    },
  });
}

/**
 * A step of the loan's life (`appraisal`, `decision`, `contract`, `disbursements`, `repayments`,
 * `repayments/:id/reversal`, `reschedule`, `write-off`, `close`), naming the version read. Someone
 * else's step in between is a 409: the loan is read again so the user sees what happened.
 */
export function useLoanStep(id: string) {
  const refresh = useRefreshLoans();
  return useMutation({
    mutationFn: async ({ step, body }: { step: string; body: object }) => {
      const answer = await apiRequest<Loan | { loan: Loan }>(loanPath(id, `/${step}`), { method: 'POST', body });
      return 'loan' in answer ? answer.loan : answer;
    },
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 409)) refresh();
    },
  });
}

// ── Portfolio ─────────────────────────────────────────────────────────────────────────────────

export type PortfolioQuery = { asOf?: string; fundId?: string };

export function usePortfolio(query: PortfolioQuery) {
  return useQuery({
    queryKey: ['portfolio', query],
    queryFn: ({ signal }) => apiRequest<Portfolio>('/finance/portfolio', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

// ── Funds ─────────────────────────────────────────────────────────────────────────────────────

export function useFunds() {
  return useQuery({ queryKey: ['funds', 'list'], queryFn: ({ signal }) => apiRequest<Fund[]>('/funds', { signal }) });
}

/** A fund's change shows in every balance: funds, loans' forms and the portfolio are read again. */
function useRefreshFunds() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['funds'] });
    void queryClient.invalidateQueries({ queryKey: ['portfolio'] });
  };
}

export function useCreateFund() {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: (input: CreateFund) => apiRequest<Fund>('/funds', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateFund() {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateFund & { id: string }) =>
      apiRequest<Fund>(`/funds/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 409)) refresh();
    },
  });
}

export function useAddFundRules() {
  const refresh = useRefreshFunds();
  return useMutation({
    mutationFn: ({ fundId, rules }: { fundId: string; rules: FundRulesInput }) =>
      apiRequest<Fund>(`/funds/${encodeURIComponent(fundId)}/rules`, { method: 'POST', body: rules }),
    onSuccess: refresh,
  });
}

// ── Bank referrals ────────────────────────────────────────────────────────────────────────────

export type BankReferralQuery = { year?: number; status?: string; bank?: string; page: number; pageSize: number };

export function useBankReferrals(query: BankReferralQuery) {
  return useQuery({
    queryKey: ['bank-referrals', 'list', query],
    queryFn: ({ signal }) => apiRequest<Page<BankReferral>>('/bank-referrals', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBankReferralCounts() {
  return useQuery({
    queryKey: ['bank-referrals', 'counts'],
    queryFn: ({ signal }) => apiRequest<BankReferralCounts>('/bank-referrals/counts', { signal }),
  });
}

function useRefreshBankReferrals() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['bank-referrals'] });
}

export function useCreateBankReferral() {
  const refresh = useRefreshBankReferrals();
  return useMutation({
    mutationFn: (input: CreateBankReferral) => apiRequest<BankReferral>('/bank-referrals', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateBankReferral() {
  const refresh = useRefreshBankReferrals();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateBankReferral & { id: string }) =>
      apiRequest<BankReferral>(`/bank-referrals/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 409)) refresh();
    },
  });
}
