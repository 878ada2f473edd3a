import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { Problem } from '../../../contracts/common.ts';
import type { BankReferral, BankReferralCounts } from '../../../contracts/finance.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('referrals to banks', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;
  let borrower: Organization;

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: staff,
      payload: buildOrganization({ name: 'HTX Vay Ngân Hàng' }),
    });
    borrower = response.json<Organization>();
  });

  const refer = (payload: object, headers = staff) => context.request({ method: 'POST', url: '/api/v1/bank-referrals', headers, payload });
  const referral = (overrides: object = {}) => ({
    organizationId: borrower.id,
    bank: 'agribank',
    bankBranch: 'Chi nhánh Bắc Ninh',
    purpose: 'Vốn lưu động vụ đông',
    amountRequested: 500_000_000,
    referredOn: '2025-03-10',
    ...overrides,
  });

  it('records a referral, then the bank’s answer with the version read', async () => {
    const created = await refer(referral());
    expect(created.statusCode, created.body).toBe(201);
    const saved = created.json<BankReferral>();
    expect(saved).toMatchObject({ status: 'referred', amountGranted: null, organizationName: 'HTX Vay Ngân Hàng', version: 1 });
    const patch = (payload: object) =>
      context.request({ method: 'PATCH', url: `/api/v1/bank-referrals/${saved.id}`, headers: staff, payload });
    const noAmount = await patch({ version: 1, status: 'approved', decidedOn: '2025-04-02' });
    expect(noAmount.json<Problem>().errors?.[0]?.field).toBe('amountGranted');
    const beforeReferral = await patch({ version: 1, status: 'rejected', decidedOn: '2025-03-01' });
    expect(beforeReferral.json<Problem>().errors?.[0]?.field).toBe('decidedOn');
    const approved = await patch({ version: 1, status: 'approved', decidedOn: '2025-04-02', amountGranted: 400_000_000 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<BankReferral>()).toMatchObject({ status: 'approved', amountGranted: 400_000_000, version: 2 });
    expect((await patch({ version: 1, notes: 'muộn' })).statusCode).toBe(409);
  });

  it('counts referrals by year, with results and amounts', async () => {
    await refer(
      referral({ bank: 'vbsp', referredOn: '2024-11-20', amountRequested: 100_000_000, status: 'rejected', decidedOn: '2024-12-01' }),
    );
    await refer(referral({ bank: 'bidv', referredOn: '2025-06-01', amountRequested: 300_000_000 }));
    const response = await context.request({ method: 'GET', url: '/api/v1/bank-referrals/counts', headers: staff });
    expect(response.json<BankReferralCounts>().years).toEqual([
      { year: 2024, referred: 1, approved: 0, rejected: 1, pending: 0, amountRequested: 100_000_000, amountGranted: 0 },
      { year: 2025, referred: 2, approved: 1, rejected: 0, pending: 1, amountRequested: 800_000_000, amountGranted: 400_000_000 },
    ]);
    const list = await context.request({ method: 'GET', url: '/api/v1/bank-referrals?year=2025&bank=bidv', headers: staff });
    expect(list.json<{ total: number }>().total).toBe(1);
  });

  it('exports the filtered referrals to Excel, newest first, amounts as numbers', async () => {
    const response = await context.request({ method: 'GET', url: '/api/v1/bank-referrals/export?year=2025', headers: staff });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    // Row 1 is the title, row 2 the headers; 2024's refusal is filtered out.
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(3).getCell(3).value).toBe('BIDV');
    expect(sheet?.getRow(4).getCell(2).value).toBe('HTX Vay Ngân Hàng');
    expect(sheet?.getRow(4).getCell(7).value).toBe('Được cho vay');
    expect(sheet?.getRow(4).getCell(8).value).toBe(400_000_000);
    expect((await context.request({ method: 'GET', url: '/api/v1/bank-referrals/export', headers: {} })).statusCode).toBe(401);
    expect((await context.request({ method: 'GET', url: '/api/v1/bank-referrals/export?bank=unknown', headers: staff })).statusCode).toBe(
      400,
    );
  });

  it('lets staff write, others read, and a cooperative see its own referrals only', async () => {
    expect((await refer(referral(), await context.userHeaders('viewer'))).statusCode).toBe(403);
    expect((await refer(referral(), {})).statusCode).toBe(401);
    expect((await refer(referral({ amountRequested: -5 }))).statusCode).toBe(400);
    expect((await refer(referral({ bank: 'unknown' }))).statusCode).toBe(400);
    const own = await context.userHeaders('cooperative', { organizationId: borrower.id });
    const mine = await context.request({ method: 'GET', url: '/api/v1/bank-referrals', headers: own });
    expect(mine.json<{ total: number }>().total).toBe(3);
    const other = (
      await context.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: staff,
        payload: buildOrganization({ name: 'HTX Khác' }),
      })
    ).json<Organization>();
    const stranger = await context.userHeaders('cooperative', { organizationId: other.id });
    expect(
      (await context.request({ method: 'GET', url: '/api/v1/bank-referrals', headers: stranger })).json<{ total: number }>().total,
    ).toBe(0);
  });
});
