import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { Dues, DuesBehind, Membership, MembershipStats } from '../../../contracts/membership.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';

type Headers = Record<string, string>;
type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };

const today = calendarDateInVietnam(new Date());
const thisYear = Number(today.slice(0, 4));
const lastYear = thisYear - 1;

describeEachDatabase('membership dues', (kind) => {
  const context = useTestApp(kind);
  let staff: Headers;
  /** Members since two years ago: a cooperative, a cooperative group and an enterprise; one former member. */
  let coop: Membership;
  let group: Membership;
  let enterprise: Membership;
  let former: Membership;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Headers, payload?: object) =>
    context.request({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function member(overrides: Parameters<typeof buildOrganization>[0], joinedOn: string): Promise<Membership> {
    const organization = (await call('POST', '/organizations', staff, buildOrganization(overrides))).json<Organization>();
    const response = await call('POST', '/memberships', staff, { organizationId: organization.id, category: 'official', joinedOn });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Membership>();
  }

  const save = (membership: Membership, year: number, payload: object, headers = staff) =>
    call('PUT', `/memberships/${membership.id}/dues/${year}`, headers, payload);
  const behind = async (query = '') => (await call('GET', `/membership-dues/behind?${query}`, staff)).json<DuesBehind>();

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    coop = await member({ name: 'HTX Dịch vụ Tam Tiến', communeCode: '07264' }, `${lastYear - 1}-05-01`);
    group = await member(
      { name: 'THT Trồng nấm Đồng Kỳ', kind: 'cooperative_group', taxCode: null, communeCode: '07282' },
      `${lastYear - 1}-06-01`,
    );
    enterprise = await member({ name: 'DN Chế biến Nông sản Bắc Ninh', kind: 'enterprise' }, `${lastYear - 1}-07-01`);
    former = await member({ name: 'HTX Đã Rời Liên minh' }, `${lastYear - 1}-01-01`);
    const left = await call('PATCH', `/memberships/${former.id}`, staff, {
      version: 1,
      leftOn: `${lastYear - 1}-12-31`,
      leftReason: 'Giải thể',
    });
    expect(left.statusCode, left.body).toBe(200);
  });

  it('records dues due and paid with a receipt, changing them only with the version read', async () => {
    const created = await save(coop, lastYear, {
      amountDue: 2_000_000,
      amountPaid: 2_000_000,
      paidOn: `${lastYear}-04-10`,
      receiptNumber: '015',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Dues>()).toMatchObject({ year: lastYear, outstanding: 0, status: 'paid', receiptNumber: '015', version: 1 });
    const noVersion = await save(coop, lastYear, { amountDue: 2_000_000 });
    expect(noVersion.statusCode).toBe(409);
    const changed = await save(coop, lastYear, {
      version: 1,
      amountDue: 2_500_000,
      amountPaid: 2_000_000,
      paidOn: `${lastYear}-04-10`,
      receiptNumber: '015',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Dues>()).toMatchObject({ outstanding: 500_000, status: 'partial', version: 2 });
    expect((await save(coop, lastYear, { version: 1, amountDue: 1 })).statusCode).toBe(409);
  });

  it('keeps receipt numbers unique within the province and year', async () => {
    const taken = await save(group, lastYear, {
      amountDue: 500_000,
      amountPaid: 500_000,
      paidOn: `${lastYear}-05-02`,
      receiptNumber: '015',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Problem>()).toMatchObject({ code: 'duplicate_receipt', detail: expect.stringContaining('HTX Dịch vụ Tam Tiến') });
    const otherYear = await save(group, thisYear, { amountDue: 500_000, amountPaid: 500_000, paidOn: today, receiptNumber: '015' });
    expect(otherYear.statusCode, otherYear.body).toBe(201);
  });

  it('refuses inconsistent amounts, a year outside the membership and callers who may not write', async () => {
    const over = await save(enterprise, lastYear, { amountDue: 1_000_000, amountPaid: 2_000_000, paidOn: today });
    expect(over.json<Problem>().errors).toEqual([{ field: 'amountPaid', message: 'Số đã nộp không được lớn hơn số phải nộp' }]);
    const undated = await save(enterprise, lastYear, { amountDue: 1_000_000, amountPaid: 1_000_000 });
    expect(undated.json<Problem>().errors).toEqual([{ field: 'paidOn', message: 'Hãy ghi ngày nộp' }]);
    const fraction = await save(enterprise, lastYear, { amountDue: 1_000_000.5 });
    expect(fraction.statusCode).toBe(400);
    expect((await save(former, thisYear, { amountDue: 1_000_000 })).json<Problem>().errors?.[0]?.field).toBe('year');
    expect((await save(enterprise, lastYear, { amountDue: 1_000_000 }, await context.userHeaders('viewer'))).statusCode).toBe(403);
    expect(
      (await save(enterprise, lastYear, { amountDue: 1_000_000 }, await context.userHeaders('staff', { provinceCode: '01' }))).statusCode,
    ).toBe(404);
  });

  it("sets a year's dues for every member without them, by kind, once", async () => {
    const amounts = { cooperative: 2_000_000, cooperative_group: 500_000, enterprise: 5_000_000 };
    const first = await call('POST', '/membership-dues/assess', staff, { year: lastYear, amounts });
    expect(first.statusCode, first.body).toBe(200);
    // The cooperative already had its dues; the group and the enterprise get theirs; the former member none.
    expect(first.json()).toEqual({ year: lastYear, created: 2, alreadySet: 1 });
    expect((await call('POST', '/membership-dues/assess', staff, { year: lastYear, amounts })).json()).toMatchObject({
      created: 0,
      alreadySet: 3,
    });
    const unpaid = (await call('GET', `/membership-dues?year=${lastYear}&status=unpaid`, staff)).json<{ items: Dues[] }>();
    expect(unpaid.items.map((row) => [row.organizationName, row.amountDue])).toEqual([
      ['DN Chế biến Nông sản Bắc Ninh', 5_000_000],
      ['THT Trồng nấm Đồng Kỳ', 500_000],
    ]);
    const national = await call('POST', '/membership-dues/assess', await context.userHeaders('staff'), {
      year: lastYear,
      amounts,
      provinceCode: '01',
    });
    expect(national.statusCode).toBe(403);
  });

  it('lists members behind with dues as of a year, with what they owe per year', async () => {
    const owing = await behind(`year=${thisYear}`);
    expect(owing.year).toBe(thisYear);
    expect(owing.items.map((item) => [item.organization.name, item.outstanding])).toEqual([
      ['DN Chế biến Nông sản Bắc Ninh', 5_000_000],
      ['HTX Dịch vụ Tam Tiến', 500_000],
      ['THT Trồng nấm Đồng Kỳ', 500_000],
    ]);
    expect(owing.items.find((item) => item.organization.name === 'HTX Dịch vụ Tam Tiến')).toMatchObject({
      years: [{ year: lastYear, outstanding: 500_000 }],
      lastPaidOn: `${lastYear}-04-10`,
    });
    expect(owing).toMatchObject({ total: 3, totalOutstanding: 6_000_000 });
    expect((await behind(`year=${thisYear}&kind=enterprise`)).total).toBe(1);
    expect((await behind(`year=${thisYear}&pageSize=1&page=2`)).items.map((item) => item.organization.name)).toEqual([
      'HTX Dịch vụ Tam Tiến',
    ]);

    const [groupDues] = (await call('GET', `/membership-dues?year=${lastYear}&q=trong%20nam`, staff)).json<{ items: Dues[] }>().items;
    const paid = await save(group, lastYear, {
      version: groupDues?.version,
      amountDue: 500_000,
      amountPaid: 500_000,
      paidOn: today,
      receiptNumber: '016',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect((await behind(`year=${thisYear}`)).items.map((item) => item.organization.name)).not.toContain('THT Trồng nấm Đồng Kỳ');
    const stats = (await call('GET', `/memberships/stats?year=${lastYear}`, staff)).json<MembershipStats>();
    expect(stats.dues).toEqual({ year: lastYear, due: 8_000_000, paid: 2_500_000, membersBehind: 2 });
  });

  it('lists the dues of the memberships asked for, as one page of the members list does', async () => {
    const list = async (ids: string) =>
      (await call('GET', `/membership-dues?year=${lastYear}&membershipIds=${ids}`, staff)).json<{ items: Dues[] }>();
    expect((await list(`${coop.id},${enterprise.id}`)).items.map((row) => row.membershipId).sort()).toEqual(
      [coop.id, enterprise.id].sort(),
    );
    expect((await list(group.id)).items.map((row) => row.organizationName)).toEqual(['THT Trồng nấm Đồng Kỳ']);
    expect((await call('GET', `/membership-dues?year=${lastYear}&membershipIds=not-an-id`, staff)).statusCode).toBe(400);
  });

  it('exports the dues list of a year to Excel and shows a cooperative only its own dues', async () => {
    const response = await call('GET', `/membership-dues/export?year=${lastYear}`, staff);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe(`Hội phí ${lastYear}`);
    const names: unknown[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) names.push(row.getCell(2).value);
    });
    expect(names).toEqual(['DN Chế biến Nông sản Bắc Ninh', 'HTX Dịch vụ Tam Tiến', 'THT Trồng nấm Đồng Kỳ']);
    expect(sheet?.getRow(3).getCell(7).value).toBe(500_000);

    const own = await context.userHeaders('cooperative', { organizationId: coop.organization.id });
    const seen = (await call('GET', `/membership-dues?year=${lastYear}`, own)).json<{ items: Dues[] }>();
    expect(seen.items.map((row) => row.organizationName)).toEqual(['HTX Dịch vụ Tam Tiến']);
    expect((await call('GET', `/membership-dues?year=${lastYear}`, await context.userHeaders('leader'))).statusCode).toBe(200);
    expect((await call('GET', '/membership-dues', staff)).statusCode).toBe(400);
  });
});
