import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { AdvisoryBoard, AdvisoryCase, AdvisoryCaseSummary, AdvisoryStats, FoundedStats } from '../../../contracts/advisory.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { buildOrganization, nextTaxCode, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';

type Headers = Record<string, string>;
type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };
type Page = { items: AdvisoryCaseSummary[]; total: number; page: number; pageSize: number };

const today = calendarDateInVietnam(new Date());
const daysAgo = (days: number) => new Date(Date.parse(today) - days * 86_400_000).toISOString().slice(0, 10);
const daysAhead = (days: number) => daysAgo(-days);
const thisYear = Number(today.slice(0, 4));

/** A founding group in Phường Tân Tiến, Bắc Ninh (24). */
const foundingCase = (overrides: object = {}) => ({
  kind: 'founding',
  title: 'Tư vấn thành lập HTX Rau an toàn Tân Tiến',
  dueOn: daysAhead(60),
  communeCode: '07699',
  groupName: 'Hợp tác xã Rau an toàn Tân Tiến',
  contactName: 'Trần Thị Bình',
  contactPhone: '0912 111 222',
  intendedSector: 'agriculture',
  foundingMembers: 9,
  ...overrides,
});

describeEachDatabase('advisory cases', (kind) => {
  const context = useTestApp(kind);
  let staff: Headers;
  let staffId: string;
  let hanoiStaff: Headers;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
    context.request({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function open(payload: object, headers = staff): Promise<AdvisoryCase> {
    const response = await call('POST', '/advisory-cases', headers, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<AdvisoryCase>();
  }

  async function move(item: AdvisoryCase, stage: string, extra: object = {}): Promise<AdvisoryCase> {
    const response = await call('POST', `/advisory-cases/${item.id}/stage`, staff, { version: item.version, stage, ...extra });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AdvisoryCase>();
  }

  async function createOrganization(overrides: Parameters<typeof buildOrganization>[0] = {}): Promise<Organization> {
    const response = await call('POST', '/organizations', staff, buildOrganization(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Organization>();
  }

  const list = async (query: string, headers = staff) => {
    const response = await call('GET', `/advisory-cases?${query}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };
  const founded = async (query = '') => (await call('GET', `/advisory-cases/founded-stats?${query}`, staff)).json<FoundedStats>();

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    staffId = (await call('GET', '/session', staff)).json<{ user: { id: string } }>().user.id;
    hanoiStaff = await context.userHeaders('staff', { provinceCode: '01' });
  });

  it('lists the officers a case may be assigned to: active admins and staff of the province', async () => {
    const leader = await context.userHeaders('leader');
    await context.userHeaders('viewer');
    const response = await call('GET', '/advisory-officers', leader);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json<{ items: { id: string; name: string }[] }>();
    expect(items.map((officer) => officer.id)).toContain(staffId);
    expect(items.every((officer) => /admin|staff/.test(officer.name))).toBe(true);
    // Another province's staff are not offered.
    const hanoiId = (await call('GET', '/session', hanoiStaff)).json<{ user: { id: string } }>().user.id;
    expect(items.map((officer) => officer.id)).not.toContain(hanoiId);
    // The officer offered is one the server accepts.
    const opened = await open(foundingCase({ assignedOfficerId: items[0]?.id }));
    expect(opened.assignedOfficer.id).toBe(items[0]?.id);

    expect((await call('GET', '/advisory-officers', await context.userHeaders('viewer'))).statusCode).toBe(403);
    expect((await call('GET', '/advisory-officers', {})).statusCode).toBe(401);
  });

  it('takes a founding group from inquiry to a registered cooperative, counted as founded with support', async () => {
    const before = await founded();
    const opened = await open(foundingCase());
    expect(opened).toMatchObject({
      stage: 'inquiry',
      openedOn: today,
      provinceCode: '24',
      communeName: 'Phường Tân Tiến',
      assignedOfficer: { id: staffId },
      intendedKind: 'cooperative',
      organization: null,
      nextStages: ['preparing', 'dropped'],
      isOverdue: false,
      version: 1,
    });
    const preparing = await move(opened, 'preparing');
    const submitted = await move(preparing, 'submitted');
    expect(submitted.nextStages).toContain('registered');

    const response = await call('POST', `/advisory-cases/${opened.id}/register`, staff, {
      version: submitted.version,
      registeredOn: today,
      organization: { taxCode: nextTaxCode(), isNewModel: true, legalRepresentative: 'Trần Thị Bình' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const registered = response.json<AdvisoryCase>();
    expect(registered).toMatchObject({ stage: 'registered', closedOn: today, registeredOn: today, nextStages: [] });
    expect(registered.organization).toMatchObject({
      name: 'Hợp tác xã Rau an toàn Tân Tiến',
      isNewModel: true,
      foundedWithSupportOn: today,
    });

    const organization = (await call('GET', `/organizations/${registered.organization?.id}`, staff)).json<Organization>();
    expect(organization).toMatchObject({
      kind: 'cooperative',
      sector: 'agriculture',
      communeCode: '07699',
      registeredOn: today,
      foundedWithSupportOn: today,
    });

    const after = await founded();
    expect(after.thisYear.total).toBe(before.thisYear.total + 1);
    expect(after.thisYear.newModel).toBe(before.thisYear.newModel + 1);
    expect(after.thisTerm.total).toBe(before.thisTerm.total + 1);
    expect(after.term.label).toMatch(/^\d{4}–\d{4}$/);
    expect(after.bySector.find((row) => row.key === 'agriculture')?.total).toBeGreaterThanOrEqual(1);
    expect(after.byCommune.find((row) => row.key === '07699')).toMatchObject({ label: 'Phường Tân Tiến', provinceCode: '24' });
    expect(after.byYear.find((row) => row.year === thisYear)?.total).toBe(after.thisYear.total);

    const stats = (await call('GET', '/advisory-cases/stats', staff)).json<AdvisoryStats>();
    expect(stats.rows.find((row) => row.period === String(thisYear) && row.kind === 'founding')).toMatchObject({
      opened: expect.any(Number),
      registered: expect.any(Number),
    });
    expect(stats.totals.registered).toBeGreaterThanOrEqual(1);

    const history = (await call('GET', `/advisory-cases/${opened.id}/history`, staff)).json<{ items: { action: string }[] }>();
    expect(history.items.map((entry) => entry.action)).toEqual(['update', 'update', 'update', 'create']);
    const again = await call('POST', `/advisory-cases/${opened.id}/register`, staff, {
      version: registered.version,
      registeredOn: today,
      organization: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('registers by linking an organisation already in the registry, once', async () => {
    const existing = await createOrganization({ name: 'HTX Chăn nuôi Đa Mai', communeCode: '07228', sector: 'agriculture' });
    const item = await move(
      await move(await open(foundingCase({ communeCode: '07228', groupName: 'HTX Chăn nuôi Đa Mai' })), 'preparing'),
      'submitted',
    );
    const response = await call('POST', `/advisory-cases/${item.id}/register`, staff, {
      version: item.version,
      registeredOn: today,
      organizationId: existing.id,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<AdvisoryCase>().organization).toMatchObject({ id: existing.id, foundedWithSupportOn: today });
    const organization = (await call('GET', `/organizations/${existing.id}`, staff)).json<Organization>();
    expect(organization).toMatchObject({ foundedWithSupportOn: today, version: 2 });

    const other = await move(await move(await open(foundingCase({ communeCode: '07228' })), 'preparing'), 'submitted');
    const twice = await call('POST', `/advisory-cases/${other.id}/register`, staff, {
      version: other.version,
      registeredOn: today,
      organizationId: existing.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().code).toBe('already_founded_with_support');
    expect((await call('GET', `/advisory-cases/${other.id}`, staff)).json<AdvisoryCase>().stage).toBe('submitted');
  });

  it('leaves nothing half-saved when the new organisation is refused', async () => {
    const holder = await createOrganization({ name: 'HTX Giữ Mã Số' });
    const item = await move(await move(await open(foundingCase()), 'preparing'), 'submitted');
    const response = await call('POST', `/advisory-cases/${item.id}/register`, staff, {
      version: item.version,
      registeredOn: today,
      organization: { taxCode: holder.taxCode },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<Problem>().code).toBe('duplicate_tax_code');
    const unchanged = (await call('GET', `/advisory-cases/${item.id}`, staff)).json<AdvisoryCase>();
    expect(unchanged).toMatchObject({ stage: 'submitted', organization: null, version: item.version });

    const invalid = await call('POST', `/advisory-cases/${item.id}/register`, staff, {
      version: item.version,
      registeredOn: today,
      organization: { name: 'A' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<Problem>().errors?.[0]).toMatchObject({ field: 'organization.name', message: 'Tên phải có ít nhất 3 ký tự' });
  });

  it('refuses stage moves the process does not allow, and a drop without a reason', async () => {
    const item = await open(foundingCase());
    const register = await call('POST', `/advisory-cases/${item.id}/stage`, staff, { version: 1, stage: 'registered' });
    expect(register.json<Problem>().code).toBe('use_registration');
    const skip = await call('POST', `/advisory-cases/${item.id}/stage`, staff, { version: 1, stage: 'submitted' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json<Problem>().code).toBe('stage_not_allowed');
    const early = await call('POST', `/advisory-cases/${item.id}/register`, staff, { version: 1, registeredOn: today, organization: {} });
    expect(early.json<Problem>().code).toBe('stage_not_allowed');
    const noReason = await call('POST', `/advisory-cases/${item.id}/stage`, staff, { version: 1, stage: 'dropped' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors).toEqual([{ field: 'reason', message: 'Hãy ghi lý do dừng hồ sơ' }]);
    const dropped = await move(item, 'dropped', { reason: 'Nhóm chưa đủ 5 thành viên' });
    expect(dropped).toMatchObject({
      stage: 'dropped',
      closedOn: today,
      droppedReason: 'Nhóm chưa đủ 5 thành viên',
      nextStages: ['inquiry'],
    });
    const reopened = await move(dropped, 'inquiry');
    expect(reopened).toMatchObject({ closedOn: null, droppedReason: null });

    const consulting = await open({
      kind: 'accounting',
      title: 'Hướng dẫn kế toán',
      dueOn: daysAhead(10),
      organizationId: (await createOrganization()).id,
    });
    const notFounding = await call('POST', `/advisory-cases/${consulting.id}/register`, staff, {
      version: 1,
      registeredOn: today,
      organization: {},
    });
    expect(notFounding.json<Problem>().code).toBe('not_founding');
    expect((await move(await move(consulting, 'preparing'), 'completed')).stage).toBe('completed');
  });

  it('refuses invalid cases with field errors in Vietnamese or English', async () => {
    const bare = await call('POST', '/advisory-cases', staff, { kind: 'founding', title: 'Thành lập HTX', dueOn: daysAhead(5) });
    expect(bare.statusCode).toBe(400);
    const fields = Object.fromEntries((bare.json<Problem>().errors ?? []).map((error) => [error.field, error.message]));
    expect(fields).toEqual({ communeCode: 'Không được để trống', groupName: 'Không được để trống', intendedSector: 'Không được để trống' });

    const consulting = await call(
      'POST',
      '/advisory-cases',
      { ...staff, 'accept-language': 'en' },
      { kind: 'governance', title: 'Quản trị', dueOn: daysAgo(5), openedOn: today },
    );
    expect(consulting.json<Problem>().errors).toEqual(
      expect.arrayContaining([
        { field: 'organizationId', message: 'Choose the organisation being advised' },
        { field: 'dueOn', message: 'The due date cannot be before the opening date' },
      ]),
    );
    const future = await call('POST', '/advisory-cases', staff, foundingCase({ openedOn: daysAhead(3) }));
    expect(future.json<Problem>().errors?.[0]?.field).toBe('openedOn');
    const leader = (await call('GET', '/session', await context.userHeaders('leader'))).json<{ user: { id: string } }>().user.id;
    const wrongOfficer = await call('POST', '/advisory-cases', staff, foundingCase({ assignedOfficerId: leader }));
    expect(wrongOfficer.json<Problem>().errors?.[0]?.field).toBe('assignedOfficerId');
    const tooLong = await call('POST', '/advisory-cases', staff, foundingCase({ title: 'x'.repeat(201) }));
    expect(tooLong.statusCode).toBe(400);
  });

  it('answers 401, 403, 404 and 409 as the registry does', async () => {
    expect((await context.request({ method: 'GET', url: '/api/v1/advisory-cases' })).statusCode).toBe(401);
    const viewer = await context.userHeaders('viewer');
    expect((await call('POST', '/advisory-cases', viewer, foundingCase())).statusCode).toBe(403);
    expect((await call('POST', '/advisory-cases', hanoiStaff, foundingCase())).statusCode).toBe(403);
    const item = await open(foundingCase());
    expect((await call('GET', `/advisory-cases/${item.id}`, hanoiStaff)).statusCode).toBe(404);
    const missing = await call('GET', '/advisory-cases/01900000-0000-7000-8000-000000000000', staff);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<Problem>().detail).toBe('Không tìm thấy hồ sơ tư vấn.');
    expect((await call('PATCH', `/advisory-cases/${item.id}`, viewer, { version: 1, title: 'Đổi tên' })).statusCode).toBe(403);

    const first = await call('PATCH', `/advisory-cases/${item.id}`, staff, { version: 1, dueOn: daysAhead(90) });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await call('PATCH', `/advisory-cases/${item.id}`, staff, { version: 1, title: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().code).toBe('version_conflict');
    const staleMove = await call('POST', `/advisory-cases/${item.id}/stage`, staff, { version: 1, stage: 'preparing' });
    expect(staleMove.statusCode).toBe(409);
    expect((await call('GET', `/advisory-cases/${item.id}`, staff)).json<AdvisoryCase>()).toMatchObject({
      title: item.title,
      dueOn: daysAhead(90),
      stage: 'inquiry',
      version: 2,
    });
  });

  it('filters the list by search, kind, stage, officer, place, period and overdue, and pages', async () => {
    const colleague = await context.userHeaders('staff');
    const colleagueId = (await call('GET', '/session', colleague)).json<{ user: { id: string } }>().user.id;
    const late = await open(
      foundingCase({ title: 'Thành lập HTX Dược liệu Xuân Lương', communeCode: '07246', openedOn: daysAgo(40), dueOn: daysAgo(10) }),
      colleague,
    );
    const organization = await createOrganization({ name: 'HTX Vận tải Đồng Kỳ', communeCode: '07282' });
    await open(
      { kind: 'digital_transformation', title: 'Chuyển đổi số', dueOn: daysAhead(30), organizationId: organization.id },
      colleague,
    );

    expect((await list('q=duoc%20lieu%20xuan%20luong')).items.map((item) => item.id)).toEqual([late.id]);
    expect((await list('q=van%20tai%20dong%20ky')).items.map((item) => item.kind)).toEqual(['digital_transformation']);
    expect((await list(`officerId=${colleagueId}`)).total).toBe(2);
    expect((await list('overdue=true')).items.map((item) => item.id)).toEqual([late.id]);
    expect((await list('overdue=true')).items[0]?.isOverdue).toBe(true);
    expect((await list('communeCode=07246')).total).toBe(1);
    expect((await list(`openedFrom=${daysAgo(50)}&openedTo=${daysAgo(30)}`)).items.map((item) => item.id)).toEqual([late.id]);
    expect((await list('kind=digital_transformation&stage=inquiry')).total).toBe(1);
    expect((await list(`organizationId=${organization.id}`)).items[0]?.organization?.name).toBe('HTX Vận tải Đồng Kỳ');
    expect((await list('isOpen=false')).items.every((item) => ['registered', 'completed', 'dropped'].includes(item.stage))).toBe(true);
    const all = await list('pageSize=200');
    const paged = await list('pageSize=2&page=2&sort=dueOn');
    expect(paged).toMatchObject({ total: all.total, page: 2, pageSize: 2 });
    expect(paged.items).toHaveLength(2);
    const byDue = await list('pageSize=200&sort=dueOn');
    expect(byDue.items.map((item) => item.dueOn)).toEqual([...byDue.items.map((item) => item.dueOn)].sort());
    expect((await call('GET', '/advisory-cases?pageSize=201', staff)).statusCode).toBe(400);
  });

  it('shows a board of stages with counts and the soonest-due cards first', async () => {
    const response = await call('GET', '/advisory-cases/board?kind=founding&limit=2', staff);
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json<AdvisoryBoard>();
    expect(board.columns.map((column) => column.stage)).toEqual(['inquiry', 'preparing', 'submitted', 'registered', 'dropped']);
    const inquiry = board.columns.find((column) => column.stage === 'inquiry');
    expect(inquiry?.count).toBe((await list('kind=founding&stage=inquiry')).total);
    expect(inquiry?.cards.length).toBeLessThanOrEqual(2);
    const dues = inquiry?.cards.map((card) => card.dueOn) ?? [];
    expect(dues).toEqual([...dues].sort());
    expect(board.columns.find((column) => column.stage === 'registered')?.count).toBeGreaterThanOrEqual(2);
    const all = (await call('GET', '/advisory-cases/board', staff)).json<AdvisoryBoard>();
    expect(all.columns).toHaveLength(6);
  });

  it('counts cases per quarter and organisations founded per term, within the province', async () => {
    const stats = (
      await call('GET', `/advisory-cases/stats?groupBy=quarter&from=${thisYear - 1}-01-01&to=${today}`, staff)
    ).json<AdvisoryStats>();
    expect(stats.rows.every((row) => /^\d{4}-Q[1-4]$/.test(row.period))).toBe(true);
    expect(stats.totals.opened).toBe(stats.rows.reduce((sum, row) => sum + row.opened, 0));
    expect(stats.overdueNow).toBeGreaterThanOrEqual(1);
    const backwards = await call('GET', '/advisory-cases/stats?from=2026-05-01&to=2026-01-01', staff);
    expect(backwards.statusCode).toBe(400);

    const earlier = (await call('GET', '/advisory-cases/founded-stats?term=2020', staff)).json<FoundedStats>();
    expect(earlier.term).toMatchObject({ label: '2020–2025', firstYear: 2020, lastYear: 2024 });
    expect(earlier.thisTerm.total).toBe(0);
    expect(earlier.byTerm.map((term) => term.label)).toContain('2020–2025');
    const hanoi = (await call('GET', '/advisory-cases/founded-stats', hanoiStaff)).json<FoundedStats>();
    expect(hanoi.thisYear.total).toBe(0);
  });

  it('writes the reports page as a workbook whose figures are the page’s', async () => {
    const stats = (
      await call('GET', `/advisory-cases/stats?groupBy=quarter&from=${thisYear}-01-01&to=${thisYear}-12-31`, staff)
    ).json<AdvisoryStats>();
    const founded = (await call('GET', `/advisory-cases/founded-stats?year=${thisYear}`, staff)).json<FoundedStats>();
    const response = await call('GET', `/advisory-cases/report/export?year=${thisYear}&groupBy=quarter`, staff);
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['content-disposition'])).toContain(`bao-cao-tu-van-thanh-lap-${thisYear}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng hợp',
      'Hồ sơ theo kỳ',
      'Thành lập theo năm',
      'Theo nhiệm kỳ',
      'Theo ngành',
      'Theo loại hình',
      'Theo xã',
    ]);
    const cellsOf = (name: string) =>
      (workbook.getWorksheet(name)?.getSheetValues() ?? []).slice(3).map((row) => (Array.isArray(row) ? row.slice(1) : []));
    const summary = new Map(cellsOf('Tổng hợp').map(([label, value]) => [String(label), value]));
    expect(summary.get(`Tổ chức thành lập với sự hỗ trợ của Liên minh, năm ${thisYear}`)).toBe(founded.thisYear.total);
    expect(summary.get(`Hồ sơ tư vấn tiếp nhận trong năm ${thisYear}`)).toBe(stats.totals.opened);
    expect(summary.get('Hồ sơ đang mở hiện nay')).toBe(stats.openNow);
    const byPeriod = cellsOf('Hồ sơ theo kỳ');
    expect(byPeriod).toHaveLength(stats.rows.length);
    expect(byPeriod.every(([period]) => /^Quý [1-4]\/\d{4}$/.test(String(period)))).toBe(true);
    expect(byPeriod.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(stats.totals.opened);
    expect(cellsOf('Theo xã').map(([commune, total]) => [commune, total])).toEqual(founded.byCommune.map((row) => [row.label, row.total]));

    const hanoi = await call('GET', `/advisory-cases/report/export?year=${thisYear}`, hanoiStaff);
    const hanoiBook = new ExcelJS.Workbook();
    await hanoiBook.xlsx.load(hanoi.rawPayload as unknown as ArrayBuffer);
    expect(hanoiBook.getWorksheet('Theo xã')?.rowCount).toBe(2);
    expect((await call('GET', '/advisory-cases/report/export?groupBy=week', staff)).statusCode).toBe(400);
  });
});
