import { beforeAll, expect, it } from 'vitest';
import type { AuditEntry, Problem } from '../../../contracts/common.ts';
import type { Fund, Loan } from '../../../contracts/finance.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { buildLoan, createFund, prepareLoan } from '../../testing/finance-factories.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('loans from application to contract', (kind) => {
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
      payload: buildOrganization({ name: 'HTX Nông nghiệp Vay Vốn' }),
    });
    borrower = response.json<Organization>();
  });

  const post = (url: string, headers: Record<string, string>, payload: object) =>
    context.request({ method: 'POST', url, headers, payload });

  it('takes an application through appraisal, a leader’s approval and the contract, keeping the history', async () => {
    const created = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { rateBp: undefined }));
    expect(created.statusCode, created.body).toBe(201);
    const applied = created.json<Loan>();
    expect(applied).toMatchObject({ status: 'applied', rateBp: 650, organizationName: 'HTX Nông nghiệp Vay Vốn', fundName: fund.name });
    expect(applied.documents).toEqual(['Phương án sản xuất kinh doanh', 'Báo cáo tài chính 2024']);

    const appraised = await post(`/api/v1/loans/${applied.id}/appraisal`, staff, {
      version: applied.version,
      findings: 'Phương án khả thi; đề nghị cho vay 90 triệu',
      recommendation: 'approve',
      recommendedAmount: 90_000_000,
      appraisedOn: '2025-01-05',
    });
    expect(appraised.statusCode, appraised.body).toBe(200);
    expect(appraised.json<Loan>()).toMatchObject({ status: 'appraising', appraisal: { recommendedAmount: 90_000_000, on: '2025-01-05' } });

    const decided = await post(`/api/v1/loans/${applied.id}/decision`, leader, {
      version: appraised.json<Loan>().version,
      outcome: 'approved',
      decisionNumber: '15/QĐ-LMHTX',
      decidedOn: '2025-01-08',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<Loan>()).toMatchObject({ status: 'approved', decision: { number: '15/QĐ-LMHTX', approvedAmount: 90_000_000 } });

    const signed = await post(`/api/v1/loans/${applied.id}/contract`, staff, {
      version: decided.json<Loan>().version,
      contractNumber: '01/2025/HĐTD',
      signedOn: '2025-01-10',
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<Loan>().contract).toEqual({
      number: '01/2025/HĐTD',
      signedOn: '2025-01-10',
      overdueFactorPercent: 150,
      allocationOrder: ['overdue_interest', 'interest', 'principal'],
    });

    const history = await context.request({ method: 'GET', url: `/api/v1/loans/${applied.id}/history`, headers: staff });
    expect(history.json<AuditEntry[]>().map((entry) => entry.action)).toEqual(['update', 'update', 'update', 'create']);
    const list = await context.request({ method: 'GET', url: '/api/v1/loans?q=01/2025', headers: staff });
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([applied.id]);
    const byName = await context.request({ method: 'GET', url: '/api/v1/loans?q=vay von&status=approved', headers: staff });
    expect(byName.json<{ total: number }>().total).toBe(1);
  });

  it('never lets the appraiser decide, even after becoming a leader, and says why in Vietnamese', async () => {
    const appraiser = await context.userHeaders('staff', { username: 'tham.dinh.vien' });
    const loan = await prepareLoan(context, {
      staff: appraiser,
      leader,
      organizationId: borrower.id,
      fundId: fund.id,
      until: 'appraising',
    });
    const admin = await context.userHeaders('admin');
    const session = await context.request({ method: 'GET', url: '/api/v1/session', headers: appraiser });
    const promoted = await context.request({
      method: 'PATCH',
      url: `/api/v1/users/${session.json<{ user: { id: string } }>().user.id}`,
      headers: admin,
      payload: { version: 1, role: 'leader' },
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const decision = { version: loan.version, outcome: 'approved', decisionNumber: '16/QĐ', decidedOn: '2025-01-08' };
    const refused = await post(`/api/v1/loans/${loan.id}/decision`, appraiser, decision);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'segregation_of_duties',
      detail: 'Người đã thẩm định hồ sơ vay không được phê duyệt hay từ chối chính hồ sơ đó. Hãy chuyển cho lãnh đạo khác quyết định.',
    });
    const inEnglish = await context.request({
      method: 'POST',
      url: `/api/v1/loans/${loan.id}/decision`,
      headers: { ...appraiser, 'accept-language': 'en' },
      payload: decision,
    });
    expect(inEnglish.json<Problem>().detail).toContain('Whoever appraised');
    // Staff, admins and viewers never decide; another leader does.
    for (const role of ['staff', 'admin', 'viewer'] as const) {
      expect((await post(`/api/v1/loans/${loan.id}/decision`, await context.userHeaders(role), decision)).statusCode).toBe(403);
    }
    expect((await post(`/api/v1/loans/${loan.id}/decision`, leader, decision)).statusCode).toBe(200);
  });

  it('rejects with a reason, and then takes no contract', async () => {
    const loan = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'appraising' });
    const noReason = await post(`/api/v1/loans/${loan.id}/decision`, leader, {
      version: loan.version,
      outcome: 'rejected',
      decisionNumber: '17/QĐ',
      decidedOn: '2025-01-08',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors).toEqual([{ field: 'reason', message: 'Hãy ghi lý do từ chối' }]);
    const rejected = await post(`/api/v1/loans/${loan.id}/decision`, leader, {
      version: loan.version,
      outcome: 'rejected',
      decisionNumber: '17/QĐ',
      decidedOn: '2025-01-08',
      reason: 'Chưa đủ vốn đối ứng 20%',
    });
    expect(rejected.json<Loan>()).toMatchObject({ status: 'rejected', decision: { outcome: 'rejected', approvedAmount: null } });
    const contract = await post(`/api/v1/loans/${loan.id}/contract`, staff, {
      version: rejected.json<Loan>().version,
      contractNumber: 'X-1',
      signedOn: '2025-01-10',
    });
    expect(contract.statusCode).toBe(409);
    expect(contract.json<Problem>()).toMatchObject({ code: 'invalid_state', detail: 'Khoản vay bị từ chối, không thể ký hợp đồng.' });
  });

  it('refuses terms outside the fund’s rules, an enterprise borrower and nonsense input', async () => {
    const tooMuch = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { requestedAmount: 2_000_000_001 }));
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json<Problem>().errors?.[0]?.field).toBe('requestedAmount');
    const tooLong = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { termMonths: 61 }));
    expect(tooLong.json<Problem>().errors?.[0]?.field).toBe('termMonths');
    const notQuarters = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { frequency: 'quarterly', termMonths: 10 }));
    expect(notQuarters.json<Problem>().errors?.[0]).toMatchObject({ field: 'termMonths' });
    const beforeRules = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { appliedOn: '2023-06-01' }));
    expect(beforeRules.json<Problem>().errors?.[0]?.field).toBe('fundId');
    const enterprise = (
      await post('/api/v1/organizations', staff, buildOrganization({ kind: 'enterprise', name: 'Công ty TNHH Thử Nghiệm' }))
    ).json<Organization>();
    expect((await post('/api/v1/loans', staff, buildLoan(enterprise.id, fund.id))).json<Problem>().errors?.[0]?.field).toBe(
      'organizationId',
    );
    const fraction = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { requestedAmount: 1_000.5 }));
    expect(fraction.statusCode).toBe(400);
    const zero = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { requestedAmount: 0 }));
    expect(zero.json<Problem>().errors).toEqual([{ field: 'requestedAmount', message: 'Số tiền phải lớn hơn 0 đồng' }]);
    const future = await post('/api/v1/loans', staff, buildLoan(borrower.id, fund.id, { appliedOn: '2099-01-01' }));
    expect(future.json<Problem>().errors?.[0]?.field).toBe('appliedOn');
    expect((await post('/api/v1/loans', {}, buildLoan(borrower.id, fund.id))).statusCode).toBe(401);
    expect((await post('/api/v1/loans', leader, buildLoan(borrower.id, fund.id))).statusCode).toBe(403);
  });

  it('edits the application only with the version read and before the decision', async () => {
    const loan = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'applied' });
    const patch = (payload: object) => context.request({ method: 'PATCH', url: `/api/v1/loans/${loan.id}`, headers: staff, payload });
    const changed = await patch({ version: loan.version, requestedAmount: 80_000_000, graceMonths: 3 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Loan>()).toMatchObject({ requestedAmount: 80_000_000, graceMonths: 3, version: loan.version + 1 });
    expect((await patch({ version: loan.version, purpose: 'Khác' })).statusCode).toBe(409);
    expect((await patch({ version: loan.version + 1, graceMonths: 12 })).json<Problem>().errors?.[0]?.field).toBe('graceMonths');
  });

  it('keeps contract numbers unique and each step in its order', async () => {
    const first = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'contracted' });
    const second = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'approved' });
    const duplicate = await post(`/api/v1/loans/${second.id}/contract`, staff, {
      version: second.version,
      contractNumber: first.contract?.number,
      signedOn: '2025-01-10',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<Problem>()).toMatchObject({ code: 'duplicate_contract_number', errors: [{ field: 'contractNumber' }] });
    const applied = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'applied' });
    const early = await post(`/api/v1/loans/${applied.id}/decision`, leader, {
      version: applied.version,
      outcome: 'approved',
      decisionNumber: '1',
      decidedOn: '2025-01-08',
    });
    expect(early.statusCode).toBe(409);
    const stale = await post(`/api/v1/loans/${second.id}/contract`, staff, { version: 1, contractNumber: 'Y-1', signedOn: '2025-01-10' });
    expect(stale.json<Problem>().code).toBe('version_conflict');
  });

  it('shows a cooperative its own loans only, and another province nothing', async () => {
    const loan = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'applied' });
    const own = await context.userHeaders('cooperative', { organizationId: borrower.id });
    expect((await context.request({ method: 'GET', url: `/api/v1/loans/${loan.id}`, headers: own })).statusCode).toBe(200);
    const other = (await post('/api/v1/organizations', staff, buildOrganization({ name: 'HTX Không Vay' }))).json<Organization>();
    const stranger = await context.userHeaders('cooperative', { organizationId: other.id });
    expect((await context.request({ method: 'GET', url: `/api/v1/loans/${loan.id}`, headers: stranger })).statusCode).toBe(404);
    const list = await context.request({ method: 'GET', url: '/api/v1/loans', headers: stranger });
    expect(list.json<{ total: number }>().total).toBe(0);
    const elsewhere = await context.userHeaders('staff', { provinceCode: '01' });
    expect((await context.request({ method: 'GET', url: `/api/v1/loans/${loan.id}`, headers: elsewhere })).statusCode).toBe(404);
    expect((await context.request({ method: 'GET', url: '/api/v1/loans/not-a-uuid', headers: staff })).statusCode).toBe(400);
  });
});
