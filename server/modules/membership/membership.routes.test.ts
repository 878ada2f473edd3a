import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { Membership, MembershipStats, OrganizationMemberships } from '../../../contracts/membership.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';

type Headers = Record<string, string>;
type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };
type Page = { items: Membership[]; total: number };

const today = calendarDateInVietnam(new Date());
const thisYear = Number(today.slice(0, 4));
const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('Alliance membership', (kind) => {
  const context = useTestApp(kind);
  let staff: Headers;
  let cooperative: Organization;
  let enterprise: Organization;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
    context.request({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function createOrganization(overrides: Parameters<typeof buildOrganization>[0]): Promise<Organization> {
    const response = await call('POST', '/organizations', staff, buildOrganization(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Organization>();
  }

  async function admit(payload: object, headers = staff): Promise<Membership> {
    const response = await call('POST', '/memberships', headers, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Membership>();
  }

  const list = async (query: string, headers = staff) => (await call('GET', `/memberships?${query}`, headers)).json<Page>();

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    cooperative = await createOrganization({ name: 'HTX Thủy sản Xuân Lương', communeCode: '07246' });
    enterprise = await createOrganization({ name: 'Công ty TNHH Nông sản Kinh Bắc', kind: 'enterprise', isNewModel: false });
  });

  it('admits an organisation, once at a time, from a day already past', async () => {
    const membership = await admit({
      organizationId: cooperative.id,
      category: 'official',
      joinedOn: '2023-03-01',
      decisionNumber: '12/QĐ-LM',
    });
    expect(membership).toMatchObject({
      organization: { id: cooperative.id, name: 'HTX Thủy sản Xuân Lương', communeName: 'Xã Xuân Lương', provinceCode: '24' },
      category: 'official',
      joinedOn: '2023-03-01',
      leftOn: null,
      isCurrent: true,
      version: 1,
    });
    const again = await call('POST', '/memberships', staff, {
      organizationId: cooperative.id,
      category: 'associate',
      joinedOn: '2024-01-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem & { conflictId: string }>()).toMatchObject({ code: 'membership_overlap', conflictId: membership.id });
    const future = await call('POST', '/memberships', staff, { organizationId: enterprise.id, category: 'associate', joinedOn: tomorrow });
    expect(future.json<Problem>().errors?.[0]?.field).toBe('joinedOn');
    const badCategory = await call('POST', '/memberships', staff, { organizationId: enterprise.id, category: 'honorary', joinedOn: today });
    expect(badCategory.statusCode).toBe(400);
  });

  it('answers 401, 403 and 404 like the registry', async () => {
    expect((await context.request({ method: 'GET', url: '/api/v1/memberships' })).statusCode).toBe(401);
    const viewer = await context.userHeaders('viewer');
    const payload = { organizationId: enterprise.id, category: 'associate', joinedOn: today };
    expect((await call('POST', '/memberships', viewer, payload)).statusCode).toBe(403);
    expect((await call('POST', '/memberships', await context.userHeaders('staff', { provinceCode: '01' }), payload)).statusCode).toBe(404);
    expect((await call('GET', '/memberships/01900000-0000-7000-8000-000000000000', staff)).statusCode).toBe(404);
    expect((await list('pageSize=200', viewer)).total).toBeGreaterThanOrEqual(1);
  });

  it('records leaving with a reason, refuses a stale change, and admits again later', async () => {
    const [current] = (await list(`organizationId=${cooperative.id}`)).items;
    if (!current) throw new Error('no membership');
    const url = `/memberships/${current.id}`;
    const noReason = await call('PATCH', url, staff, { version: current.version, leftOn: '2024-12-31' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors).toEqual([{ field: 'leftReason', message: 'Hãy ghi lý do ra khỏi Liên minh' }]);
    const beforeJoining = await call('PATCH', url, staff, { version: current.version, leftOn: '2020-01-01', leftReason: 'X' });
    expect(beforeJoining.statusCode).toBe(400);
    const left = await call('PATCH', url, staff, { version: current.version, leftOn: '2024-12-31', leftReason: 'Tạm ngừng hoạt động' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json<Membership>()).toMatchObject({
      leftOn: '2024-12-31',
      leftReason: 'Tạm ngừng hoạt động',
      isCurrent: false,
      version: 2,
    });
    const stale = await call('PATCH', url, staff, { version: current.version, notes: 'Ghi đè' });
    expect(stale.statusCode).toBe(409);

    const overlapping = await call('POST', '/memberships', staff, {
      organizationId: cooperative.id,
      category: 'official',
      joinedOn: '2024-06-01',
    });
    expect(overlapping.statusCode).toBe(409);
    const rejoined = await admit({ organizationId: cooperative.id, category: 'official', joinedOn: `${thisYear}-01-15` });
    expect(rejoined.isCurrent).toBe(true);

    const tab = (await call('GET', `/organizations/${cooperative.id}/memberships`, staff)).json<OrganizationMemberships>();
    expect(tab.items.map((item) => [item.joinedOn, item.isCurrent])).toEqual([
      [`${thisYear}-01-15`, true],
      ['2023-03-01', false],
    ]);
    expect(tab.items[0]?.dues).toEqual([]);
  });

  it('filters members by current or former, kind, year joined and name', async () => {
    await admit({ organizationId: enterprise.id, category: 'associate', joinedOn: `${thisYear}-02-01` });
    expect((await list('kind=enterprise')).items.map((item) => item.organization.id)).toEqual([enterprise.id]);
    expect((await list('isCurrent=false')).items.map((item) => item.joinedOn)).toEqual(['2023-03-01']);
    expect((await list(`joinedYear=${thisYear}&isCurrent=true`)).total).toBe(2);
    expect((await list('q=nong%20san%20kinh%20bac')).items[0]?.organization.name).toBe('Công ty TNHH Nông sản Kinh Bắc');
    expect((await list('category=associate')).total).toBe(1);
    const sorted = (await list('sort=-joinedOn')).items.map((item) => item.joinedOn);
    expect(sorted).toEqual([...sorted].sort().reverse());
  });

  it('exports the filtered list of members to Excel', async () => {
    const rowsOf = async (query: string, headers = staff) => {
      const response = await call('GET', `/memberships/export?${query}`, headers);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toContain('.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet?.name).toBe('Thành viên');
      const rows: unknown[][] = [];
      sheet?.eachRow((row, number) => {
        if (number > 1) rows.push([2, 6, 9].map((column) => row.getCell(column).value));
      });
      return rows;
    };
    expect(await rowsOf('isCurrent=false')).toEqual([['HTX Thủy sản Xuân Lương', 'Chính thức', 'Tạm ngừng hoạt động']]);
    const current = await rowsOf('isCurrent=true');
    expect(current.map((row) => row[0]).sort()).toEqual(['Công ty TNHH Nông sản Kinh Bắc', 'HTX Thủy sản Xuân Lương']);
    expect(await rowsOf('category=associate')).toEqual([['Công ty TNHH Nông sản Kinh Bắc', 'Liên kết', null]]);
    const own = await context.userHeaders('cooperative', { organizationId: enterprise.id });
    expect((await rowsOf('', own)).map((row) => row[0])).toEqual(['Công ty TNHH Nông sản Kinh Bắc']);
    expect((await context.request({ method: 'GET', url: '/api/v1/memberships/export' })).statusCode).toBe(401);
  });

  it('counts members by kind and members joined per year, enterprises included', async () => {
    const response = await call('GET', `/memberships/stats?fromYear=2020`, staff);
    expect(response.statusCode, response.body).toBe(200);
    const stats = response.json<MembershipStats>();
    expect(stats.year).toBe(thisYear);
    expect(stats.members.total).toBe(2);
    expect(stats.members.byKind.find((row) => row.key === 'enterprise')?.count).toBe(1);
    expect(stats.members.byCategory).toEqual([
      { key: 'official', count: 1 },
      { key: 'associate', count: 1 },
    ]);
    expect(stats.joinedByYear).toEqual(
      expect.arrayContaining([
        { year: 2023, kind: 'cooperative', count: 1 },
        { year: thisYear, kind: 'enterprise', count: 1 },
      ]),
    );
    expect(stats.leftByYear).toEqual([{ year: 2024, kind: 'cooperative', count: 1 }]);
    const past = (await call('GET', '/memberships/stats?year=2024', staff)).json<MembershipStats>();
    expect(past.members.total).toBe(1);
  });

  it('shows a cooperative its own membership only', async () => {
    const own = await context.userHeaders('cooperative', { organizationId: enterprise.id });
    expect((await list('pageSize=200', own)).items.map((item) => item.organization.id)).toEqual([enterprise.id]);
    expect((await call('GET', `/organizations/${cooperative.id}/memberships`, own)).statusCode).toBe(404);
    const [membership] = (await list('', own)).items;
    expect((await call('PATCH', `/memberships/${membership?.id}`, own, { version: 1, notes: 'Tự sửa' })).statusCode).toBe(403);
  });
});
