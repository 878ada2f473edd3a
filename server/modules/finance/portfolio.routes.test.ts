import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { Fund, Loan } from '../../../contracts/finance.ts';
import type { Portfolio } from '../../../contracts/finance-ledger.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { buildFund, createFund, prepareLoan } from '../../testing/finance-factories.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

/**
 * Three loans, figures worked out by hand:
 * - L1, provincial fund, farm cooperative in 07699: 100,000,000 monthly from 15/01/2025; the first
 *   instalment (8,333,333 + 552,055) paid on 15/02, nothing since.
 * - L2, central fund, trading cooperative in 07210: 200,000,000 at 4.8%, quarterly interest,
 *   principal at maturity, from 10/02/2025 (first due 10/05).
 * - L3, provincial fund, 07210: 50,000,000 from 20/01/2025, repaid in full on 10/02 with 21 days'
 *   interest (50,000,000 × 21 × 650 / 3,650,000 = 186,986.3 → 186,986) and closed that day.
 */
describeEachDatabase('the portfolio as of a date', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;
  let provincial: Fund;
  let central: Fund;
  let farm: Organization;

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    const leader = await context.userHeaders('leader');
    const nationalAdmin = await context.userHeaders('admin', { provinceCode: null });
    provincial = await createFund(context, staff, { capital: 1_000_000_000 });
    central = await createFund(context, nationalAdmin, {
      name: 'Quỹ hỗ trợ phát triển HTX Trung ương (ủy thác)',
      kind: 'central_entrusted',
      provinceCode: null,
      rules: { ...buildFund().rules, lendingRateBp: 480 },
    });
    const organization = async (name: string, overrides: object) =>
      (
        await context.request({
          method: 'POST',
          url: '/api/v1/organizations',
          headers: staff,
          payload: buildOrganization({ name, ...overrides }),
        })
      ).json<Organization>();
    farm = await organization('HTX Nông nghiệp Tân Tiến', {});
    const shop = await organization('HTX Thương mại Bắc Giang', { communeCode: '07210', sector: 'trade_services' });
    const repay = async (loan: Loan, paidOn: string, amount: number) => {
      const response = await context.request({
        method: 'POST',
        url: `/api/v1/loans/${loan.id}/repayments`,
        headers: staff,
        payload: { version: loan.version, paidOn, amount },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<{ loan: Loan }>().loan;
    };
    const l1 = await prepareLoan(context, { staff, leader, organizationId: farm.id, fundId: provincial.id, until: 'disbursed' });
    await repay(l1, '2025-02-15', 8_333_333 + 552_055);
    await prepareLoan(context, {
      staff,
      leader,
      organizationId: shop.id,
      fundId: central.id,
      until: 'disbursed',
      loan: { requestedAmount: 200_000_000, rateBp: 480, frequency: 'quarterly', principalMethod: 'bullet', appliedOn: '2025-02-01' },
      disbursedOn: '2025-02-10',
    });
    const l3 = await prepareLoan(context, {
      staff,
      leader,
      organizationId: shop.id,
      fundId: provincial.id,
      until: 'disbursed',
      loan: { requestedAmount: 50_000_000 },
      disbursedOn: '2025-01-20',
    });
    const paidOff = await repay(l3, '2025-02-10', 50_186_986);
    const closed = await context.request({
      method: 'POST',
      url: `/api/v1/loans/${l3.id}/close`,
      headers: staff,
      payload: { version: paidOff.version, closedOn: '2025-02-10' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
  });

  const portfolio = async (query: string, headers = staff) => {
    const response = await context.request({ method: 'GET', url: `/api/v1/finance/portfolio?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Portfolio>();
  };

  it('sums the outstanding by fund, debt group, sector and commune, with PAR 30 and provisions', async () => {
    const result = await portfolio('asOf=2025-04-20');
    // L1 owes 91,666,667; its 15/03 instalment is 36 days late → group 3, provision 20% = 18,333,333.
    // Overdue principal: 15/03 and 15/04, 8,333,333 each. Interest due: 457,078 (15/03) and, on the
    // 83,333,334 not overdue for 31 days, 460,046 (15/04). Overdue interest at 150% × 6.5%:
    // 8,333,333 × (36 + 5) days × 650 × 150 / 365,000,000 = 91,266.92 → 91,267.
    expect(result.totals).toEqual({
      loans: 2,
      outstanding: 291_666_667,
      overduePrincipal: 16_666_666,
      interestDue: 917_124,
      overdueInterest: 91_267,
      provision: 18_333_333,
      badDebt: 91_666_667,
      writtenOff: 0,
    });
    expect(result.byFund).toEqual([
      { fundId: central.id, fundName: central.name, loans: 1, outstanding: 200_000_000 },
      { fundId: provincial.id, fundName: provincial.name, loans: 1, outstanding: 91_666_667 },
    ]);
    expect(result.byDebtGroup).toEqual([
      { group: 1, loans: 1, outstanding: 200_000_000, provision: 0 },
      { group: 2, loans: 0, outstanding: 0, provision: 0 },
      { group: 3, loans: 1, outstanding: 91_666_667, provision: 18_333_333 },
      { group: 4, loans: 0, outstanding: 0, provision: 0 },
      { group: 5, loans: 0, outstanding: 0, provision: 0 },
    ]);
    expect(result.bySector).toEqual([
      { sector: 'agriculture', loans: 1, outstanding: 91_666_667 },
      { sector: 'trade_services', loans: 1, outstanding: 200_000_000 },
    ]);
    expect(result.byCommune.map((item) => [item.communeCode, item.outstanding])).toEqual([
      ['07210', 200_000_000],
      ['07699', 91_666_667],
    ]);
    // PAR 30 = 91,666,667 / 291,666,667 = 31.43% → 3,143 bp; nothing is 90 days late.
    expect(result.par30).toEqual({ outstanding: 91_666_667, ratioBp: 3143 });
    expect(result.par90).toEqual({ outstanding: 0, ratioBp: 0 });
  });

  it('lists what falls due in the month and what was collected month by month', async () => {
    const result = await portfolio('asOf=2025-04-20');
    expect(result.dueThisMonth).toMatchObject({ month: '2025-04', principal: 8_333_333, interest: 460_046 });
    expect(result.dueThisMonth.items.map((item) => [item.organizationName, item.dueDate])).toEqual([
      ['HTX Nông nghiệp Tân Tiến', '2025-04-15'],
    ]);
    // Whom to call: L1, late since its 15/03 instalment; L2 owes nothing yet.
    expect(result.overdueLoans).toEqual([
      expect.objectContaining({
        organizationName: 'HTX Nông nghiệp Tân Tiến',
        outstanding: 91_666_667,
        overduePrincipal: 16_666_666,
        overdueInterest: 91_267,
        oldestUnpaidDueDate: '2025-03-15',
        daysPastDue: 36,
        debtGroup: 3,
      }),
    ]);
    expect(result.collectionsByMonth).toHaveLength(12);
    expect(result.collectionsByMonth.at(0)?.month).toBe('2024-05');
    // February: L1's first instalment and L3's payoff.
    expect(result.collectionsByMonth.find((item) => item.month === '2025-02')).toEqual({
      month: '2025-02',
      principal: 58_333_333,
      interest: 739_041,
      overdueInterest: 0,
      total: 59_072_374,
    });
    expect(result.collectionsByMonth.find((item) => item.month === '2025-03')?.total).toBe(0);
  });

  it('counts only the loans owing on the date asked, and one fund when asked', async () => {
    // On 05/02: L1 and L3 owe their whole amounts; L2 is not disbursed yet.
    const early = await portfolio('asOf=2025-02-05');
    expect(early.totals).toMatchObject({ loans: 2, outstanding: 150_000_000, overduePrincipal: 0 });
    const central_ = await portfolio(`asOf=2025-04-20&fundId=${central.id}`);
    expect(central_.totals).toMatchObject({ loans: 1, outstanding: 200_000_000 });
  });

  it('is the Alliance’s view: viewers read it, a cooperative does not, another province sees none of it', async () => {
    expect((await portfolio('asOf=2025-04-20', await context.userHeaders('viewer'))).totals.loans).toBe(2);
    const cooperative = await context.userHeaders('cooperative', { organizationId: farm.id });
    expect((await context.request({ method: 'GET', url: '/api/v1/finance/portfolio', headers: cooperative })).statusCode).toBe(403);
    const elsewhere = await context.userHeaders('staff', { provinceCode: '01' });
    expect((await portfolio('asOf=2025-04-20', elsewhere)).totals.loans).toBe(0);
    expect((await context.request({ method: 'GET', url: '/api/v1/finance/portfolio?asOf=20-04-2025', headers: staff })).statusCode).toBe(
      400,
    );
  });

  it('exports the loans owing on the date to Excel, one row each, with the same figures', async () => {
    const response = await context.request({ method: 'GET', url: '/api/v1/finance/portfolio/export?asOf=2025-04-20', headers: staff });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('du-no-quy-2025-04-20.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Dư nợ Quỹ hỗ trợ phát triển HTX đến ngày 20/04/2025');
    expect(sheet?.getRow(2).getCell(10).value).toBe('Dư nợ gốc (đồng)');
    const rows = [3, 4].map((number) => sheet?.getRow(number).values as unknown[]);
    expect(rows.map((row) => [row[2], row[10], row[14], row[15], row[16]])).toEqual([
      ['HTX Nông nghiệp Tân Tiến', 91_666_667, 36, 3, 18_333_333],
      ['HTX Thương mại Bắc Giang', 200_000_000, 0, 1, 0],
    ]);
    // The page's reports follow, a sheet each, adding up to the same outstanding.
    expect(workbook.worksheets.map((each) => each.name)).toEqual([
      'Dư nợ',
      'Theo quỹ',
      'Theo nhóm nợ',
      'Theo ngành',
      'Theo xã',
      'Đến hạn trong tháng',
      'Quá hạn',
      'Thu nợ theo tháng',
    ]);
    const byGroup = workbook.getWorksheet('Theo nhóm nợ');
    expect(byGroup?.getRow(1).getCell(1).value).toContain('PAR 30: ');
    const groups = [3, 4, 5, 6, 7].map((number) => byGroup?.getRow(number).values as unknown[]);
    expect(groups.map((row) => row[1])).toEqual([1, 2, 3, 4, 5]);
    expect(groups.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(291_666_667);
    expect(groups.find((row) => row[1] === 3)?.slice(2)).toEqual([1, 91_666_667, 18_333_333]);
    const overdue = workbook.getWorksheet('Quá hạn');
    const overdueRow = overdue?.getRow(3).values as unknown[] | undefined;
    expect(overdueRow?.slice(2)).toEqual([
      'HTX Nông nghiệp Tân Tiến',
      expect.any(String),
      91_666_667,
      16_666_666,
      expect.any(Number),
      91_267,
      expect.anything(),
      36,
      3,
    ]);
    expect(overdue?.rowCount).toBe(3);
    const collections = workbook.getWorksheet('Thu nợ theo tháng');
    expect(collections?.rowCount).toBe(14);
    const cooperative = await context.userHeaders('cooperative', { organizationId: farm.id });
    expect((await context.request({ method: 'GET', url: '/api/v1/finance/portfolio/export', headers: cooperative })).statusCode).toBe(403);
  });
});
