import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { Page, Problem } from '../../../contracts/common.ts';
import type { Fund, Loan, LoanListItem } from '../../../contracts/finance.ts';
import type { LoanRepayment, LoanSchedule, LoanState, LoanStatement } from '../../../contracts/finance-ledger.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { createFund, prepareLoan } from '../../testing/finance-factories.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('disbursements, repayments, rescheduling, closing', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;
  let leader: Record<string, string>;
  let fund: Fund;
  let borrower: Organization;

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    leader = await context.userHeaders('leader');
    fund = await createFund(context, staff);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: staff,
      payload: buildOrganization({ name: 'HTX Dịch vụ Thu Nợ' }),
    });
    borrower = response.json<Organization>();
  });

  const loanFor = (options: Partial<Parameters<typeof prepareLoan>[1]> = {}) =>
    prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'disbursed', ...options });
  const post = (url: string, payload: object, headers = staff) => context.request({ method: 'POST', url, headers, payload });
  const get = async <T>(url: string, headers = staff): Promise<T> => {
    const response = await context.request({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const stateOf = (loan: Loan, asOf: string) => get<LoanState>(`/api/v1/loans/${loan.id}/state?asOf=${asOf}`);
  const repay = (loan: Loan, paidOn: string, amount: number, version = loan.version) =>
    post(`/api/v1/loans/${loan.id}/repayments`, { version, paidOn, amount, reference: `PT-${paidOn}` });

  it('makes the schedule at the first disbursement and counts overdue days, interest, group and provision', async () => {
    const loan = await loanFor();
    expect(loan).toMatchObject({ status: 'disbursed', disbursed: 100_000_000, firstDisbursedOn: '2025-01-15', maturityOn: '2026-01-15' });
    const schedule = await get<LoanSchedule>(`/api/v1/loans/${loan.id}/schedule`);
    expect(schedule.versions).toHaveLength(1);
    expect(schedule.versions[0]).toMatchObject({ number: 1, reason: 'disbursement', totalPrincipal: 100_000_000 });
    // The worked example of loan-schedule.rules.test.ts: 31 days → 552,055; 28 days on 91,666,667 → 457,078.
    expect(schedule.versions[0]?.lines.slice(0, 2)).toEqual([
      { number: 1, dueDate: '2025-02-15', principal: 8_333_333, interest: 552_055 },
      { number: 2, dueDate: '2025-03-15', principal: 8_333_333, interest: 457_078 },
    ]);
    // Nothing paid on 15/02: 5 days past due on 20/02 (group 1), 10 on 25/02 (group 2: 5% of 100,000,000).
    expect(await stateOf(loan, '2025-02-20')).toMatchObject({ daysPastDue: 5, overdueInterest: 11_130, debtGroup: 1, provision: 0 });
    expect(await stateOf(loan, '2025-02-25')).toMatchObject({ daysPastDue: 10, debtGroup: 2, provisionBp: 500, provision: 5_000_000 });

    // The loan list shows where it stands today, as its own page does; an application stands nowhere yet.
    const today = await get<LoanState>(`/api/v1/loans/${loan.id}/state`);
    const application = await loanFor({ until: 'applied' });
    const list = await get<Page<LoanListItem>>(`/api/v1/loans?organizationId=${borrower.id}&pageSize=100`);
    expect(list.items.find((item) => item.id === loan.id)?.position).toEqual({
      outstandingPrincipal: 100_000_000,
      daysPastDue: today.daysPastDue,
      debtGroup: today.debtGroup,
    });
    expect(today.daysPastDue).toBeGreaterThan(0);
    expect(list.items.find((item) => item.id === application.id)?.position).toBeNull();
  });

  it('allocates a late repayment, reverses it with a reason, and records it again', async () => {
    const loan = await loanFor();
    const paid = await repay(loan, '2025-03-01', 10_000_000);
    expect(paid.statusCode, paid.body).toBe(201);
    const { repayment, loan: afterPayment } = paid.json<{ loan: Loan; repayment: LoanRepayment }>();
    expect(repayment.allocations).toEqual([
      { component: 'overdue_interest', dueDate: null, amount: 31_164 },
      { component: 'interest', dueDate: '2025-02-15', amount: 552_055 },
      { component: 'principal', dueDate: '2025-02-15', amount: 8_333_333 },
      { component: 'principal', dueDate: '2025-03-15', amount: 1_083_448 },
    ]);
    expect(await stateOf(loan, '2025-03-01')).toMatchObject({ outstandingPrincipal: 90_583_219, daysPastDue: 0, overdueInterest: 0 });
    expect((await repay(afterPayment, '2025-03-02', 1_000, loan.version)).statusCode).toBe(409);

    const noReason = await post(`/api/v1/loans/${loan.id}/repayments/${repayment.id}/reversal`, {
      version: afterPayment.version,
      reason: ' ',
    });
    expect(noReason.json<Problem>().errors).toEqual([{ field: 'reason', message: 'Hãy ghi lý do hủy khoản thu' }]);
    const reversal = { version: afterPayment.version, reason: 'Nhập nhầm số tiền của HTX khác' };
    expect((await post(`/api/v1/loans/${loan.id}/repayments/${repayment.id}/reversal`, reversal, leader)).statusCode).toBe(403);
    const reversed = await post(`/api/v1/loans/${loan.id}/repayments/${repayment.id}/reversal`, reversal);
    expect(reversed.statusCode, reversed.body).toBe(200);
    const { loan: afterReversal } = reversed.json<{ loan: Loan }>();
    expect(await stateOf(loan, '2025-03-01')).toMatchObject({
      outstandingPrincipal: 100_000_000,
      daysPastDue: 14,
      overdueInterest: 31_164,
    });
    const again = await post(`/api/v1/loans/${loan.id}/repayments/${repayment.id}/reversal`, {
      ...reversal,
      version: afterReversal.version,
    });
    expect(again.json<Problem>().code).toBe('already_reversed');

    const unknown = await post(`/api/v1/loans/${loan.id}/repayments/01930000-0000-7000-8000-00000000abcd/reversal`, {
      ...reversal,
      version: afterReversal.version,
    });
    expect(unknown.statusCode).toBe(404);
    const corrected = await repay(afterReversal, '2025-03-01', 9_000_000);
    expect(corrected.statusCode, corrected.body).toBe(201);
    const history = await get<LoanRepayment[]>(`/api/v1/loans/${loan.id}/repayments`);
    expect(history.map((item) => [item.amount, item.reversal?.reason ?? null, item.allocations.length > 0])).toEqual([
      [10_000_000, 'Nhập nhầm số tiền của HTX khác', false],
      [9_000_000, null, true],
    ]);
    const statement = await get<LoanStatement>(`/api/v1/loans/${loan.id}/statement?asOf=2025-03-01`);
    expect(statement.entries.map((entry) => [entry.kind, entry.amount, entry.principal, entry.balance, entry.isReversed])).toEqual([
      ['disbursement', 100_000_000, 100_000_000, 100_000_000, false],
      ['repayment', 10_000_000, 0, 100_000_000, true],
      ['repayment', 9_000_000, 8_333_333 + 83_448, 100_000_000 - 8_333_333 - 83_448, false],
    ]);
    const download = await context.request({
      method: 'GET',
      url: `/api/v1/loans/${loan.id}/statement/export?asOf=2025-03-01`,
      headers: staff,
    });
    expect(download.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet?.getRow(1).getCell(1).value)).toContain('HTX Dịch vụ Thu Nợ');
    expect(
      [3, 4, 5].map((row) => [
        sheet?.getRow(row).getCell(2).value,
        sheet?.getRow(row).getCell(7).value,
        sheet?.getRow(row).getCell(9).value,
      ]),
    ).toEqual([
      ['Giải ngân', 100_000_000, null],
      ['Thu nợ', 100_000_000, 'Nhập nhầm số tiền của HTX khác'],
      ['Thu nợ', 100_000_000 - 8_333_333 - 83_448, null],
    ]);
  });

  it('refuses more than closes the loan, a payment before the disbursement, and one in the future', async () => {
    const loan = await loanFor();
    // Payoff on 25/01: 100,000,000 + 10 days of interest (178,082).
    expect((await stateOf(loan, '2025-01-25')).payoffAmount).toBe(100_178_082);
    const over = await repay(loan, '2025-01-25', 100_178_083);
    expect(over.statusCode).toBe(400);
    expect(over.json<Problem>()).toMatchObject({ errors: [{ field: 'amount' }] });
    expect(over.json<Problem>().detail).toContain('100.178.082');
    expect((await repay(loan, '2025-01-10', 1_000)).json<Problem>().errors?.[0]?.field).toBe('paidOn');
    expect((await repay(loan, '2099-01-10', 1_000)).json<Problem>().errors?.[0]?.field).toBe('paidOn');
    const closing = await post(`/api/v1/loans/${loan.id}/close`, { version: loan.version, closedOn: '2025-01-25' });
    expect(closing.json<Problem>()).toMatchObject({ code: 'still_owed' });
    const payoff = await repay(loan, '2025-01-25', 100_178_082);
    expect(payoff.statusCode, payoff.body).toBe(201);
    const closed = await post(`/api/v1/loans/${loan.id}/close`, {
      version: payoff.json<{ loan: Loan }>().loan.version,
      closedOn: '2025-01-25',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Loan>()).toMatchObject({ status: 'closed', closedOn: '2025-01-25' });
    expect((await repay(closed.json<Loan>(), '2025-02-01', 1_000)).json<Problem>().code).toBe('invalid_state');
  });

  it('reschedules into a new version, keeps the old one, and counts the loan as restructured', async () => {
    const loan = await loanFor();
    const paid = (await repay(loan, '2025-03-01', 10_000_000)).json<{ loan: Loan }>().loan;
    const rescheduled = await post(`/api/v1/loans/${loan.id}/reschedule`, {
      version: paid.version,
      effectiveOn: '2025-03-20',
      termMonths: 18,
      decisionNumber: '30/QĐ-LMHTX',
      reason: 'Thiệt hại do bão số 3',
    });
    expect(rescheduled.statusCode, rescheduled.body).toBe(200);
    expect(rescheduled.json<Loan>()).toMatchObject({ status: 'rescheduled', maturityOn: '2026-07-15' });
    const { versions } = await get<LoanSchedule>(`/api/v1/loans/${loan.id}/schedule`);
    expect(versions.map((version) => [version.number, version.reason, version.termMonths, version.totalPrincipal])).toEqual([
      [2, 'reschedule', 18, 100_000_000],
      [1, 'disbursement', 12, 100_000_000],
    ]);
    expect(versions[1]?.lines).toHaveLength(12);
    // Before 20/03: 15/02 fully repaid, 15/03 repaid 1,083,448 of 8,333,333; the 90,583,219 left
    // spreads over the 16 dates 15/04/2025 … 15/07/2026: 5,661,451 each, the last 5,661,454.
    expect(versions[0]?.lines.slice(0, 3).map((line) => [line.dueDate, line.principal])).toEqual([
      ['2025-02-15', 8_333_333],
      ['2025-03-15', 1_083_448],
      ['2025-04-15', 5_661_451],
    ]);
    expect(versions[0]?.lines.at(-1)).toMatchObject({ dueDate: '2026-07-15', principal: 5_661_454 });
    // Principal is no longer overdue; the unpaid interest of 15/03 (454,376) still is: restructured → group 3.
    expect(await stateOf(loan, '2025-03-20')).toMatchObject({
      overduePrincipal: 0,
      interestDue: 454_376,
      daysPastDue: 5,
      isRestructured: true,
      debtGroup: 3,
      provision: 18_116_644,
    });
    const early = await repay(rescheduled.json<Loan>(), '2025-03-19', 454_376);
    expect(early.json<Problem>().code).toBe('before_rescheduling');
  });

  it('disburses a second tranche within the approved amount and the fund, and re-spreads the schedule', async () => {
    const loan = await loanFor({
      loan: { requestedAmount: 200_000_000, graceMonths: 3 },
      disbursedOn: '2025-01-10',
      amount: 120_000_000,
    });
    const over = await post(`/api/v1/loans/${loan.id}/disbursements`, {
      version: loan.version,
      disbursedOn: '2025-03-25',
      amount: 80_000_001,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json<Problem>().detail).toContain('80.000.000');
    const second = await post(`/api/v1/loans/${loan.id}/disbursements`, {
      version: loan.version,
      disbursedOn: '2025-03-25',
      amount: 80_000_000,
    });
    expect(second.statusCode, second.body).toBe(201);
    const { versions } = await get<LoanSchedule>(`/api/v1/loans/${loan.id}/schedule`);
    expect(versions[0]).toMatchObject({ number: 2, reason: 'tranche', totalPrincipal: 200_000_000 });
    // 15 days on 120,000,000 and 16 on 200,000,000 → 890,411 (worked example of the schedule tests).
    expect(versions[0]?.lines[2]).toEqual({ number: 3, dueDate: '2025-04-10', principal: 0, interest: 890_411 });

    const small = await createFund(context, staff, { name: 'Quỹ nhỏ', capital: 50_000_000 });
    const starved = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: small.id, until: 'contracted' });
    const refused = await post(`/api/v1/loans/${starved.id}/disbursements`, {
      version: starved.version,
      disbursedOn: '2025-01-15',
      amount: 60_000_000,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({ code: 'fund_insufficient', detail: 'Quỹ chỉ còn 50.000.000 đồng có thể giải ngân.' });
    const unsigned = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'approved' });
    const noContract = await post(`/api/v1/loans/${unsigned.id}/disbursements`, {
      version: unsigned.version,
      disbursedOn: '2025-01-15',
      amount: 1_000,
    });
    expect(noContract.json<Problem>().code).toBe('no_contract');
  });

  it('writes a loan off by a leader’s decision and keeps the fund’s books', async () => {
    const ownFund = await createFund(context, staff, { name: 'Quỹ xử lý rủi ro', capital: 500_000_000 });
    const loan = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: ownFund.id, until: 'disbursed' });
    const paid = (await repay(loan, '2025-02-15', 8_333_333 + 552_055)).json<{ loan: Loan }>().loan;
    const fundNow = await get<Fund>(`/api/v1/funds/${ownFund.id}`);
    expect(fundNow).toMatchObject({ lentOut: 91_666_667, available: 500_000_000 - 91_666_667, committed: 0 });
    const body = { version: paid.version, writtenOffOn: '2025-09-30', decisionNumber: '45/QĐ', reason: 'HTX giải thể, không còn tài sản' };
    expect((await post(`/api/v1/loans/${loan.id}/write-off`, body)).statusCode).toBe(403);
    const written = await post(`/api/v1/loans/${loan.id}/write-off`, body, leader);
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json<Loan>()).toMatchObject({ status: 'written_off', writeOff: { principal: 91_666_667, decisionNumber: '45/QĐ' } });
    expect(written.json<Loan>().writeOff?.interest).toBeGreaterThan(0);
    expect(await get<Fund>(`/api/v1/funds/${ownFund.id}`)).toMatchObject({
      lentOut: 0,
      writtenOff: 91_666_667,
      available: 500_000_000 - 91_666_667,
    });
  });

  it('shows a cooperative its own loan’s position and refuses it every change', async () => {
    const loan = await loanFor();
    const own = await context.userHeaders('cooperative', { organizationId: borrower.id });
    expect((await get<LoanState>(`/api/v1/loans/${loan.id}/state?asOf=2025-01-20`, own)).outstandingPrincipal).toBe(100_000_000);
    expect(
      (await post(`/api/v1/loans/${loan.id}/repayments`, { version: loan.version, paidOn: '2025-02-15', amount: 1_000 }, own)).statusCode,
    ).toBe(403);
    const viewer = await context.userHeaders('viewer');
    expect((await post(`/api/v1/loans/${loan.id}/close`, { version: loan.version, closedOn: '2025-02-15' }, viewer)).statusCode).toBe(403);
    expect(
      (await context.request({ method: 'GET', url: `/api/v1/loans/${loan.id}/state?asOf=2025-02-30`, headers: staff })).statusCode,
    ).toBe(400);
  });
});
