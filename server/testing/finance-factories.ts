import { expect } from 'vitest';
import type { CreateFund, CreateLoan, Fund, Loan } from '../../contracts/finance.ts';
import type { TestContext } from './test-app.ts';

/** A provincial fund of Bắc Ninh (24) with the microfinance rules of DOMAIN.md §4, from 2024. */
export function buildFund(overrides: Partial<CreateFund> = {}): CreateFund {
  return {
    name: 'Quỹ hỗ trợ phát triển HTX tỉnh Bắc Ninh',
    kind: 'provincial_budget',
    provinceCode: '24',
    capital: 10_000_000_000,
    rules: {
      appliesFrom: '2024-01-01',
      lendingRateBp: 650,
      maxAmount: 2_000_000_000,
      maxTermMonths: 60,
      overdueFactorPercent: 150,
      debtGroupMinDays: [10, 30, 90, 180],
      restructuredMinGroup: 3,
      provisionBp: [0, 500, 2000, 5000, 10000],
      allocationOrder: ['overdue_interest', 'interest', 'principal'],
    },
    ...overrides,
  };
}

/** 100,000,000 đ over 12 months, monthly, equal principal: the worked example of the schedule tests. */
export function buildLoan(organizationId: string, fundId: string, overrides: Partial<CreateLoan> = {}): CreateLoan {
  return {
    organizationId,
    fundId,
    requestedAmount: 100_000_000,
    termMonths: 12,
    rateBp: 650,
    frequency: 'monthly',
    principalMethod: 'equal',
    purpose: 'Mua máy sấy nông sản cho thành viên',
    collateral: 'Quyền sử dụng đất thửa số 12, tờ bản đồ 5',
    documents: ['Phương án sản xuất kinh doanh', 'Báo cáo tài chính 2024'],
    appliedOn: '2025-01-02',
    ...overrides,
  };
}

export async function createFund(
  context: TestContext,
  headers: Record<string, string>,
  overrides: Partial<CreateFund> = {},
): Promise<Fund> {
  const response = await context.request({ method: 'POST', url: '/api/v1/funds', headers, payload: buildFund(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Fund>();
}

type Stage = 'applied' | 'appraising' | 'approved' | 'contracted' | 'disbursed';
const STAGES: Stage[] = ['applied', 'appraising', 'approved', 'contracted', 'disbursed'];

let contractSerial = 0;

/**
 * Takes a new loan as far as `until`: applied by staff, appraised by staff, approved by a leader
 * (someone else), contract signed, and the whole amount disbursed on `disbursedOn`.
 */
export async function prepareLoan(
  context: TestContext,
  options: {
    staff: Record<string, string>;
    leader: Record<string, string>;
    organizationId: string;
    fundId: string;
    until: Stage;
    loan?: Partial<CreateLoan>;
    disbursedOn?: string;
    amount?: number;
  },
): Promise<Loan> {
  const post = async (url: string, headers: Record<string, string>, payload: object, status = 200) => {
    const response = await context.request({ method: 'POST', url, headers, payload });
    expect(response.statusCode, `${url} ${response.body}`).toBe(status);
    const body = response.json<Loan | { loan: Loan }>();
    return 'loan' in body ? body.loan : body;
  };
  const reach = (stage: Stage) => STAGES.indexOf(stage) <= STAGES.indexOf(options.until);
  let loan = await post('/api/v1/loans', options.staff, buildLoan(options.organizationId, options.fundId, options.loan), 201);
  const appliedOn = loan.appliedOn;
  if (reach('appraising')) {
    loan = await post(`/api/v1/loans/${loan.id}/appraisal`, options.staff, {
      version: loan.version,
      findings: 'Phương án khả thi, tài sản bảo đảm đủ',
      recommendation: 'approve',
      appraisedOn: appliedOn,
    });
  }
  if (reach('approved')) {
    loan = await post(`/api/v1/loans/${loan.id}/decision`, options.leader, {
      version: loan.version,
      outcome: 'approved',
      decisionNumber: `QĐ-${loan.id.slice(-6)}`,
      decidedOn: appliedOn,
    });
  }
  if (reach('contracted')) {
    contractSerial += 1;
    loan = await post(`/api/v1/loans/${loan.id}/contract`, options.staff, {
      version: loan.version,
      contractNumber: `HĐTD-${contractSerial}-${loan.id.slice(-8)}`,
      signedOn: appliedOn,
    });
  }
  if (reach('disbursed')) {
    loan = await post(
      `/api/v1/loans/${loan.id}/disbursements`,
      options.staff,
      { version: loan.version, disbursedOn: options.disbursedOn ?? '2025-01-15', amount: options.amount ?? loan.requestedAmount },
      201,
    );
  }
  return loan;
}
