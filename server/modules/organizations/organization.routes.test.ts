import { beforeAll, expect, it } from 'vitest';
import type { Organization, OrganizationSummary } from '../../../contracts/organizations.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { systemActor } from '../../platform/access.ts';
import { systemClock } from '../../platform/clock.ts';
import { generateOrganizations } from '../../seed/organization-generator.ts';
import { createPlacesRepository } from '../places/places.repository.ts';
import { createOrganizationService } from './organization.service.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

type Page = { items: OrganizationSummary[]; total: number; page: number; pageSize: number };

describeEachDatabase('organisations API', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
  });

  const create = (body: object, headers = staff) =>
    context.request({ method: 'POST', url: '/api/v1/organizations', headers, payload: body });
  const list = async (query: string, headers = staff) => {
    const response = await context.request({ method: 'GET', url: `/api/v1/organizations?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };

  it('registers a cooperative, derives its province and shows it back', async () => {
    const response = await create(buildOrganization({ name: '  Hợp tác xã Đồng Tâm  ' }));
    expect(response.statusCode, response.body).toBe(201);
    const organization = response.json<Organization>();
    expect(organization).toMatchObject({
      name: 'Hợp tác xã Đồng Tâm',
      provinceCode: '24',
      provinceName: 'Bắc Ninh',
      communeName: 'Phường Tân Tiến',
      charterCapital: 1_200_000_000,
      version: 1,
    });
    const fetched = await context.request({ method: 'GET', url: `/api/v1/organizations/${organization.id}`, headers: staff });
    expect(fetched.json<Organization>().taxCode).toBe(organization.taxCode);
  });

  it('finds it by every usual spelling of its name, in any order', async () => {
    for (const q of ['hop tac xa dong tam', 'HTX Đồng Tâm', 'ĐỒNG TÂM', 'Đồng Tâm'.normalize('NFD'), 'tam dong']) {
      const page = await list(`q=${encodeURIComponent(q)}`);
      expect(
        page.items.map((item) => item.name),
        q,
      ).toContain('Hợp tác xã Đồng Tâm');
    }
    expect((await list('q=dong%20tien')).items.map((item) => item.name)).not.toContain('Hợp tác xã Đồng Tâm');
  });

  it('understands THT, LHHTX and DN in searches and in names', async () => {
    await create(buildOrganization({ kind: 'cooperative_group', name: 'THT Rau sạch Bình Minh', taxCode: null }));
    await create(buildOrganization({ kind: 'cooperative_union', name: 'Liên hiệp hợp tác xã Thương mại Kinh Bắc' }));
    await create(buildOrganization({ kind: 'enterprise', name: 'DN Minh Phát' }));
    expect((await list('q=to%20hop%20tac%20rau%20sach')).items.map((item) => item.name)).toContain('THT Rau sạch Bình Minh');
    expect((await list('q=LHHTX%20kinh%20bac')).items.map((item) => item.name)).toContain('Liên hiệp hợp tác xã Thương mại Kinh Bắc');
    expect((await list('q=doanh%20nghiep%20minh%20phat')).items.map((item) => item.name)).toContain('DN Minh Phát');
  });

  it('filters, sorts in Vietnamese order and pages', async () => {
    for (const name of ['HTX Zô Lô', 'HTX Dương Liễu', 'HTX Đông Hưng', 'HTX Ea Súp']) {
      await create(buildOrganization({ name, sector: 'transport', isNewModel: false }));
    }
    const page = await list('sector=transport&sort=name&pageSize=3');
    expect(page.total).toBe(4);
    expect(page.items.map((item) => item.name)).toEqual(['HTX Dương Liễu', 'HTX Đông Hưng', 'HTX Ea Súp']);
    const second = await list('sector=transport&sort=name&pageSize=3&page=2');
    expect(second.items.map((item) => item.name)).toEqual(['HTX Zô Lô']);
    const reversed = await list('sector=transport&sort=-name&pageSize=1');
    expect(reversed.items[0]?.name).toBe('HTX Zô Lô');
    const newModel = await list('isNewModel=true&kind=cooperative_group');
    expect(newModel.items.every((item) => item.isNewModel && item.kind === 'cooperative_group')).toBe(true);
  });

  it('refuses bad input with field errors in Vietnamese, or English when asked, and saves nothing', async () => {
    const before = (await list('pageSize=1')).total;
    const bad = { ...buildOrganization(), name: 'A', taxCode: '12345', communeCode: 'abc', sector: 'fishing', email: 'not-mail' };
    const response = await create(bad);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json<{ errors: { field: string; message: string }[] }>();
    const fields = Object.fromEntries(problem.errors.map((error) => [error.field, error.message]));
    expect(fields.taxCode).toBe('Mã số thuế gồm 10 chữ số, hoặc 13 chữ số viết dạng 0123456789-001');
    expect(fields.name).toBe('Tên phải có ít nhất 3 ký tự');
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['communeCode', 'sector', 'email']));

    const english = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { ...staff, 'accept-language': 'en-US,en;q=0.9' },
      payload: bad,
    });
    expect(english.json<{ errors: { field: string; message: string }[] }>().errors.find((error) => error.field === 'name')?.message).toBe(
      'The name needs at least 3 characters',
    );
    expect((await list('pageSize=1')).total).toBe(before);
  });

  it('refuses a commune that does not exist', async () => {
    const response = await create(buildOrganization({ communeCode: '99999' }));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('communeCode');
  });

  it('never shows a stack trace or SQL for malformed requests', async () => {
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { ...staff, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/at .*\.ts|SELECT|INSERT|sqlite|postgres/i);
    const unknown = await context.request({ method: 'GET', url: '/api/v1/organizations/not-a-uuid', headers: staff });
    expect(unknown.statusCode).toBe(400);
  });

  it('asks to confirm a tax code whose check digit fails, and saves once confirmed', async () => {
    const input = buildOrganization({ name: 'HTX Có Mã Sai', taxCode: '0100109107' });
    const first = await create(input);
    expect(first.statusCode).toBe(422);
    expect(first.json<{ code: string; warnings: { field: string; message: string }[] }>()).toMatchObject({
      code: 'confirm_warnings',
      warnings: [{ field: 'taxCode', message: expect.stringContaining('0100109107') }],
    });
    expect((await list('q=co%20ma%20sai')).total).toBe(0);
    const confirmed = await create({ ...input, confirmWarnings: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('keeps tax codes unique among live organisations and names the holder', async () => {
    const holder = (await create(buildOrganization({ name: 'HTX Giữ Mã', taxCode: '0100109106' }))).json<Organization>();
    const duplicate = await create(buildOrganization({ name: 'HTX Trùng Mã', taxCode: '0100109106' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<{ detail: string; conflictId: string }>()).toMatchObject({
      detail: expect.stringContaining('HTX Giữ Mã'),
      conflictId: holder.id,
    });
    // Once the holder is archived the code is free for a live organisation again.
    await context.request({
      method: 'POST',
      url: `/api/v1/organizations/${holder.id}/archive`,
      headers: staff,
      payload: { version: holder.version, reason: 'Đăng ký trùng' },
    });
    expect((await create(buildOrganization({ name: 'HTX Trùng Mã', taxCode: '0100109106' }))).statusCode).toBe(201);
  });

  it('refuses a stale edit with 409 and overwrites nothing', async () => {
    const created = (await create(buildOrganization({ name: 'HTX Sửa Đồng Thời' }))).json<Organization>();
    const url = `/api/v1/organizations/${created.id}`;
    const first = await context.request({ method: 'PATCH', url, headers: staff, payload: { version: 1, phone: '0911 111 111' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Organization>().version).toBe(2);
    const stale = await context.request({ method: 'PATCH', url, headers: staff, payload: { version: 1, phone: '0922 222 222' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string; detail: string }>()).toMatchObject({
      code: 'version_conflict',
      detail: expect.stringContaining('Người khác đã lưu'),
    });
    const current = await context.request({ method: 'GET', url, headers: staff });
    expect(current.json<Organization>().phone).toBe('0911 111 111');
  });

  it('changes only the fields sent, re-validating the whole record', async () => {
    const created = (await create(buildOrganization({ name: 'HTX Một Phần', status: 'suspended' }))).json<Organization>();
    const url = `/api/v1/organizations/${created.id}`;
    const renamed = await context.request({ method: 'PATCH', url, headers: staff, payload: { version: 1, name: 'HTX Một Phần Mới' } });
    expect(renamed.json<Organization>()).toMatchObject({ name: 'HTX Một Phần Mới', status: 'suspended', charterCapital: 1_200_000_000 });
    const moved = await context.request({ method: 'PATCH', url, headers: staff, payload: { version: 2, communeCode: '00004' } });
    // A province officer cannot move an organisation into another province.
    expect(moved.statusCode).toBe(403);
  });

  it('archives with a reason and keeps the full history', async () => {
    const created = (await create(buildOrganization({ name: 'HTX Lịch Sử' }))).json<Organization>();
    const url = `/api/v1/organizations/${created.id}`;
    await context.request({ method: 'PATCH', url, headers: staff, payload: { version: 1, status: 'inactive' } });
    const noReason = await context.request({ method: 'POST', url: `${url}/archive`, headers: staff, payload: { version: 2, reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const archived = await context.request({
      method: 'POST',
      url: `${url}/archive`,
      headers: staff,
      payload: { version: 2, reason: 'Đã giải thể từ 2024' },
    });
    expect(archived.json<Organization>()).toMatchObject({ archivedReason: 'Đã giải thể từ 2024', version: 3 });
    expect((await list('q=htx%20lich%20su')).total).toBe(0);
    expect((await list('q=htx%20lich%20su&archived=true')).total).toBe(1);

    const history = await context.request({ method: 'GET', url: `${url}/history`, headers: staff });
    const entries = history.json<{
      items: { action: string; actorName: string; changes: { field: string; before: unknown; after: unknown }[] }[];
    }>().items;
    expect(entries.map((entry) => entry.action)).toEqual(['archive', 'update', 'create']);
    expect(entries[1]?.changes).toEqual([{ field: 'status', before: 'active', after: 'inactive' }]);
    expect(entries[0]?.actorName).toMatch(/^Người dùng staff/);
    const again = await context.request({ method: 'PATCH', url, headers: staff, payload: { version: 3, phone: '0900 000 000' } });
    expect(again.statusCode).toBe(409);
  });

  it('answers 404 for an unknown id and 401 without credentials', async () => {
    const missing = await context.request({
      method: 'GET',
      url: '/api/v1/organizations/01900000-0000-7000-8000-000000000000',
      headers: staff,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ detail: string }>().detail).toBe('Không tìm thấy tổ chức.');
    expect((await context.request({ method: 'GET', url: '/api/v1/organizations' })).statusCode).toBe(401);
    const badToken = await context.request({
      method: 'GET',
      url: '/api/v1/organizations',
      headers: { authorization: 'Bearer hoptac_nope' },
    });
    expect(badToken.statusCode).toBe(401);
  });

  it('keeps each province officer inside their province', async () => {
    const hanoi = await context.userHeaders('staff', { provinceCode: '01' });
    const inHanoi = await create(buildOrganization({ name: 'HTX Ba Đình', communeCode: '00004' }), hanoi);
    expect(inHanoi.statusCode).toBe(201);
    expect((await create(buildOrganization({ name: 'HTX Ngoài Tỉnh' }), hanoi)).statusCode).toBe(403);
    const hanoiList = await list('pageSize=200', hanoi);
    expect(hanoiList.items.every((item) => item.provinceCode === '01')).toBe(true);
    const id = inHanoi.json<Organization>().id;
    expect((await context.request({ method: 'GET', url: `/api/v1/organizations/${id}`, headers: staff })).statusCode).toBe(404);
    const national = await context.userHeaders('leader', { provinceCode: null });
    expect((await list('q=ba%20dinh', national)).total).toBe(1);
  });

  it('lets a cooperative see and update only its own contact details', async () => {
    const own = (await create(buildOrganization({ name: 'HTX Tự Phục Vụ' }))).json<Organization>();
    const coop = await context.userHeaders('cooperative', { organizationId: own.id });
    const visible = await list('pageSize=200', coop);
    expect(visible.items.map((item) => item.id)).toEqual([own.id]);
    const url = `/api/v1/organizations/${own.id}`;
    const phone = await context.request({ method: 'PATCH', url, headers: coop, payload: { version: 1, phone: '0987 654 321' } });
    expect(phone.statusCode).toBe(200);
    const taxCode = await context.request({ method: 'PATCH', url, headers: coop, payload: { version: 2, status: 'dissolved' } });
    expect(taxCode.statusCode).toBe(403);
  });

  it('counts a search up to 1,000 and says when there are more', async () => {
    const db = context.database.db;
    const communes = await createPlacesRepository(db).findCommunes({ tokens: [], provinceCode: '79', limit: 500 });
    const generated = generateOrganizations({ count: 1100, communeCodes: communes.map((commune) => commune.code) });
    const service = createOrganizationService({ db, places: createPlacesRepository(db), clock: systemClock });
    await service.createOrganizations(
      systemActor,
      generated.map((organization) => ({ ...organization, taxCode: null })),
    );
    const national = await context.userHeaders('viewer', { provinceCode: null });
    const broad = await context.request({ method: 'GET', url: '/api/v1/organizations?q=a&provinceCode=79', headers: national });
    expect(broad.json<{ total: number; totalIsExact: boolean; items: unknown[] }>()).toMatchObject({ total: 1000, totalIsExact: false });
    const filtered = await context.request({ method: 'GET', url: '/api/v1/organizations?provinceCode=79', headers: national });
    expect(filtered.json<{ total: number; totalIsExact: boolean }>()).toMatchObject({ total: 1100, totalIsExact: true });
  });

  it('counts by kind, status, sector and place for the dashboard', async () => {
    const response = await context.request({ method: 'GET', url: '/api/v1/organizations/stats', headers: staff });
    const stats = response.json<{
      total: number;
      placeLevel: string;
      byKind: { key: string; count: number }[];
      byPlace: { label: string }[];
    }>();
    expect(stats.placeLevel).toBe('commune');
    expect(stats.total).toBe((await list('pageSize=1')).total);
    expect(stats.byKind.reduce((sum, row) => sum + row.count, 0)).toBe(stats.total);
    expect(stats.byPlace[0]?.label).toBe('Phường Tân Tiến');
  });
});
