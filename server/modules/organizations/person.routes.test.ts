import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../../contracts/organizations.ts';
import {
  ERASED_NAME,
  type OrganizationPosition,
  type Person,
  type PersonalDataExport,
  type PersonSummary,
} from '../../../contracts/people.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

type Headers = Record<string, string>;
type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };

describeEachDatabase('people and their positions', (kind) => {
  const context = useTestApp(kind);
  let staff: Headers;
  let nationalAdmin: Headers;
  /** Two cooperatives in Bắc Ninh (24) and one in Hà Nội (01). */
  let hoaBinh: Organization;
  let anPhu: Organization;
  let thuDo: Organization;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
    context.request({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function createOrganization(headers: Headers, overrides: Parameters<typeof buildOrganization>[0]): Promise<Organization> {
    const response = await call('POST', '/organizations', headers, buildOrganization(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Organization>();
  }

  async function appoint(organization: Organization, payload: object, headers = staff): Promise<OrganizationPosition> {
    const response = await call('POST', `/organizations/${organization.id}/positions`, headers, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<OrganizationPosition>();
  }

  async function getPerson(id: string, headers = staff): Promise<Person> {
    const response = await call('GET', `/people/${id}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Person>();
  }

  async function findPeople(query: string, headers = staff): Promise<PersonSummary[]> {
    const response = await call('GET', `/people?pageSize=200&${query}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: PersonSummary[] }>().items;
  }

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    nationalAdmin = await context.userHeaders('admin', { provinceCode: null });
    hoaBinh = await createOrganization(staff, { name: 'HTX Hòa Bình' });
    anPhu = await createOrganization(staff, { name: 'HTX An Phú' });
    thuDo = await createOrganization(nationalAdmin, { name: 'HTX Thủ Đô', communeCode: '00004' });
  });

  describe('recording people', () => {
    it('appoints a new person to an organisation and shows the person with the position', async () => {
      const chair = await appoint(hoaBinh, {
        person: { fullName: '  Nguyễn Thị Hoa  ', gender: 'female', birthYear: 1978, phone: '0912 345 678', email: 'hoa@example.vn' },
        position: 'chair',
        startedOn: '2020-03-01',
      });
      expect(chair).toMatchObject({
        organizationId: hoaBinh.id,
        organizationName: 'HTX Hòa Bình',
        position: 'chair',
        startedOn: '2020-03-01',
        endedOn: null,
        isCurrent: true,
        version: 1,
        person: { fullName: 'Nguyễn Thị Hoa', gender: 'female', phone: '0912 345 678', isPersonalDataHidden: false },
      });
      const person = await getPerson(chair.person.id);
      expect(person).toMatchObject({ fullName: 'Nguyễn Thị Hoa', birthYear: 1978, provinceCode: '24', erasedAt: null, version: 1 });
      expect(person.positions).toEqual([expect.objectContaining({ id: chair.id, organizationName: 'HTX Hòa Bình', isCurrent: true })]);
    });

    it('records a person on their own, kept by the province of the staff member', async () => {
      const response = await call('POST', '/people', staff, { fullName: 'Lê Văn Tám', phone: '' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<Person>()).toMatchObject({ fullName: 'Lê Văn Tám', phone: null, provinceCode: '24', positions: [] });
    });

    it('finds people by name in any spelling and by phone digits', async () => {
      for (const q of ['nguyen thi hoa', 'HOA NGUYỄN', 'Nguyễn Thị Hoa'.normalize('NFD'), '0912345678', '345 678']) {
        expect(
          (await findPeople(`q=${encodeURIComponent(q)}`)).map((person) => person.fullName),
          q,
        ).toContain('Nguyễn Thị Hoa');
      }
      expect(await findPeople('q=tran%20van')).toEqual([]);
      const hoa = (await findPeople('q=hoa'))[0];
      expect(hoa?.currentPositions).toEqual([expect.objectContaining({ organizationName: 'HTX Hòa Bình', position: 'chair' })]);
    });

    it('refuses bad input with field errors in Vietnamese, or English when asked', async () => {
      const bad = { fullName: 'A', gender: 'other', birthYear: 1800, email: 'not-mail', phone: 'call me' };
      const response = await call('POST', '/people', staff, bad);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const fields = Object.fromEntries((response.json<Problem>().errors ?? []).map((error) => [error.field, error.message]));
      expect(fields.fullName).toBe('Họ tên phải có ít nhất 2 ký tự');
      expect(Object.keys(fields)).toEqual(expect.arrayContaining(['gender', 'birthYear', 'email', 'phone']));
      const english = await call('POST', '/people', { ...staff, 'accept-language': 'en' }, bad);
      expect(english.json<Problem>().errors?.find((error) => error.field === 'fullName')?.message).toBe(
        'The full name needs at least 2 characters',
      );
      const future = await call('POST', '/people', staff, { fullName: 'Trẻ Sơ Sinh', birthYear: new Date().getFullYear() + 2 });
      expect(future.statusCode).toBe(400);
      expect(future.json<Problem>().errors).toEqual([{ field: 'birthYear', message: 'Năm sinh chưa đến' }]);
    });

    it('refuses a position without exactly one of a person on record and a new person, or ending before it starts', async () => {
      const url = `/organizations/${hoaBinh.id}/positions`;
      const neither = await call('POST', url, staff, { position: 'contact' });
      expect(neither.statusCode).toBe(400);
      expect(neither.json<Problem>().errors?.[0]?.field).toBe('personId');
      const both = await call('POST', url, staff, { personId: randomUUID(), person: { fullName: 'Hai Người' }, position: 'contact' });
      expect(both.json<Problem>().errors?.map((error) => error.field)).toEqual(['personId']);
      const backwards = await call('POST', url, staff, {
        person: { fullName: 'Ngược Thời Gian' },
        position: 'contact',
        startedOn: '2024-05-01',
        endedOn: '2024-04-30',
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json<Problem>().errors).toEqual([{ field: 'endedOn', message: 'Ngày kết thúc không được trước ngày bắt đầu' }]);
      expect((await call('POST', url, staff, { person: { fullName: 'Chức Lạ' }, position: 'treasurer' })).statusCode).toBe(400);
      expect((await findPeople('q=nguoc%20thoi%20gian')).length).toBe(0);
    });

    it('answers 401 without a login and 404 for someone who does not exist', async () => {
      expect((await call('GET', '/people', {})).statusCode).toBe(401);
      expect((await call('POST', '/people', {}, { fullName: 'Ẩn Danh' })).statusCode).toBe(401);
      const missing = await call('GET', `/people/${randomUUID()}`, staff);
      expect(missing.statusCode).toBe(404);
      expect(missing.json<Problem>().detail).toBe('Không tìm thấy người này.');
      expect((await call('PATCH', `/positions/${randomUUID()}`, staff, { version: 1, endedOn: '2024-01-01' })).statusCode).toBe(404);
      expect((await call('GET', `/organizations/${randomUUID()}/positions`, staff)).statusCode).toBe(404);
      const appointMissing = await call('POST', `/organizations/${hoaBinh.id}/positions`, staff, {
        personId: randomUUID(),
        position: 'contact',
      });
      expect(appointMissing.statusCode).toBe(404);
      expect((await call('GET', '/people/not-a-uuid', staff)).statusCode).toBe(400);
    });

    it('refuses a stale edit with 409, overwrites nothing, and keeps who changed what', async () => {
      const created = (await call('POST', '/people', staff, { fullName: 'Phạm Văn Sửa', phone: '0900 000 001' })).json<Person>();
      const url = `/people/${created.id}`;
      const first = await call('PATCH', url, staff, { version: 1, phone: '0900 000 002' });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<Person>()).toMatchObject({ phone: '0900 000 002', fullName: 'Phạm Văn Sửa', version: 2 });
      const stale = await call('PATCH', url, staff, { version: 1, phone: '0900 000 003' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<Problem>().code).toBe('version_conflict');
      expect((await getPerson(created.id)).phone).toBe('0900 000 002');
      expect((await call('PATCH', url, staff, { version: 2, fullName: 'X' })).statusCode).toBe(400);
      const exported = (await call('GET', `${url}/personal-data`, staff)).json<PersonalDataExport>();
      expect(exported.history.map((entry) => entry.action)).toEqual(['update', 'create']);
      expect(exported.history[0]).toMatchObject({
        entityType: 'person',
        actorName: expect.stringMatching(/^Người dùng staff/),
        changes: [{ field: 'phone', before: '0900 000 001', after: '0900 000 002' }],
      });
    });
  });

  describe('positions over time', () => {
    let person: Person;
    let directorAtHoaBinh: OrganizationPosition;

    it('lets one person hold positions in two organisations, one after the other', async () => {
      directorAtHoaBinh = await appoint(hoaBinh, {
        person: { fullName: 'Trần Văn Minh', phone: '0987 111 222' },
        position: 'director',
        startedOn: '2018-01-01',
      });
      // He leaves Hòa Bình: the position keeps its history with a last day.
      const left = await call('PATCH', `/positions/${directorAtHoaBinh.id}`, staff, { version: 1, endedOn: '2022-06-30' });
      expect(left.statusCode, left.body).toBe(200);
      expect(left.json<OrganizationPosition>()).toMatchObject({ endedOn: '2022-06-30', isCurrent: false, version: 2 });
      await appoint(anPhu, { personId: directorAtHoaBinh.person.id, position: 'director', startedOn: '2022-07-01' });
      await appoint(anPhu, { personId: directorAtHoaBinh.person.id, position: 'legal_representative', startedOn: '2022-07-01' });

      person = await getPerson(directorAtHoaBinh.person.id);
      expect(person.positions.map((item) => [item.organizationName, item.position, item.isCurrent])).toEqual([
        ['HTX An Phú', 'legal_representative', true],
        ['HTX An Phú', 'director', true],
        ['HTX Hòa Bình', 'director', false],
      ]);
    });

    it("lists an organisation's people current first, former ones kept", async () => {
      const response = await call('GET', `/organizations/${hoaBinh.id}/positions`, staff);
      const items = response.json<{ items: OrganizationPosition[] }>().items;
      expect(items.at(-1)).toMatchObject({ person: { fullName: 'Trần Văn Minh' }, isCurrent: false, endedOn: '2022-06-30' });
      expect(items[0]?.isCurrent).toBe(true);
    });

    it('filters people by organisation, position and whether they hold it now', async () => {
      const names = async (query: string) => (await findPeople(query)).map((item) => item.fullName);
      expect(await names(`organizationId=${hoaBinh.id}&current=true`)).not.toContain('Trần Văn Minh');
      expect(await names(`organizationId=${hoaBinh.id}&current=false`)).toEqual(['Trần Văn Minh']);
      expect(await names(`organizationId=${anPhu.id}&position=director&current=true`)).toEqual(['Trần Văn Minh']);
      expect(await names('position=chair')).toEqual(['Nguyễn Thị Hoa']);
    });

    it('refuses the same position twice at the same time, a stale change and dates in the wrong order', async () => {
      const again = await call('POST', `/organizations/${anPhu.id}/positions`, staff, {
        personId: person.id,
        position: 'director',
        startedOn: '2024-01-01',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json<Problem>()).toMatchObject({ code: 'overlapping_position', detail: expect.stringContaining('HTX An Phú') });
      const url = `/positions/${directorAtHoaBinh.id}`;
      expect((await call('PATCH', url, staff, { version: 1, endedOn: '2022-05-31' })).statusCode).toBe(409);
      const backwards = await call('PATCH', url, staff, { version: 2, endedOn: '2017-12-31' });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json<Problem>().errors?.[0]?.field).toBe('endedOn');
    });
  });

  describe('who sees personal data', () => {
    it('hides phone, e-mail, birth year and notes from a viewer, everywhere', async () => {
      const viewer = await context.userHeaders('viewer');
      const [hoa] = await findPeople('q=nguyen%20thi%20hoa', viewer);
      expect(hoa).toMatchObject({ fullName: 'Nguyễn Thị Hoa', gender: 'female', phone: null, email: null, isPersonalDataHidden: true });
      const detail = await call('GET', `/people/${hoa?.id}`, viewer);
      expect(detail.json<Person>()).toMatchObject({
        fullName: 'Nguyễn Thị Hoa',
        birthYear: null,
        phone: null,
        email: null,
        notes: null,
        positions: [expect.objectContaining({ position: 'chair', organizationName: 'HTX Hòa Bình' })],
      });
      const positions = await call('GET', `/organizations/${hoaBinh.id}/positions`, viewer);
      for (const body of [detail.body, positions.body]) {
        expect(body).not.toContain('345 678');
        expect(body).not.toContain('hoa@example.vn');
        expect(body).not.toContain('1978');
      }
      // Nor can a viewer find out whose a phone number is.
      expect(await findPeople('q=0912345678', viewer)).toEqual([]);
      expect((await call('GET', `/people/${hoa?.id}/personal-data`, viewer)).statusCode).toBe(403);
    });

    it('shows them to leaders, who only read', async () => {
      const leader = await context.userHeaders('leader');
      const [hoa] = await findPeople('q=0912345678', leader);
      expect(hoa?.phone).toBe('0912 345 678');
      const edit = await call('PATCH', `/people/${hoa?.id}`, leader, { version: 1, phone: '0900 999 999' });
      expect(edit.statusCode).toBe(403);
      expect((await call('POST', '/people', leader, { fullName: 'Lãnh Đạo Thêm' })).statusCode).toBe(403);
      expect((await call('GET', `/people/${hoa?.id}/personal-data`, leader)).statusCode).toBe(403);
    });

    it('lets a cooperative see and edit its current people, but not those who left or work elsewhere', async () => {
      const minh = (await findPeople('q=tran%20van%20minh'))[0];
      const anPhuAccount = await context.userHeaders('cooperative', { organizationId: anPhu.id });
      const seenByAnPhu = await getPerson(minh?.id ?? '', anPhuAccount);
      expect(seenByAnPhu).toMatchObject({ phone: '0987 111 222', isPersonalDataHidden: false });
      // Only its own organisation's positions: Hòa Bình's history is not An Phú's business.
      expect(seenByAnPhu.positions.every((item) => item.organizationId === anPhu.id)).toBe(true);
      const changed = await call('PATCH', `/people/${minh?.id}`, anPhuAccount, { version: minh?.version, phone: '0987 333 444' });
      expect(changed.statusCode, changed.body).toBe(200);

      const hoaBinhAccount = await context.userHeaders('cooperative', { organizationId: hoaBinh.id });
      const seenByHoaBinh = await getPerson(minh?.id ?? '', hoaBinhAccount);
      expect(seenByHoaBinh).toMatchObject({ fullName: 'Trần Văn Minh', phone: null, isPersonalDataHidden: true });
      expect((await call('PATCH', `/people/${minh?.id}`, hoaBinhAccount, { version: 2, phone: '0900 000 000' })).statusCode).toBe(403);
      expect((await findPeople('q=tran%20van%20minh', hoaBinhAccount)).map((item) => item.phone)).toEqual([null]);

      // People with no position at Hòa Bình do not exist for it.
      const tam = (await findPeople('q=le%20van%20tam'))[0];
      expect((await call('GET', `/people/${tam?.id}`, hoaBinhAccount)).statusCode).toBe(404);
      expect((await findPeople('', hoaBinhAccount)).every((item) => item.fullName !== 'Lê Văn Tám')).toBe(true);
      expect((await call('GET', `/organizations/${anPhu.id}/positions`, hoaBinhAccount)).statusCode).toBe(404);
      expect(
        (
          await call('POST', `/organizations/${anPhu.id}/positions`, hoaBinhAccount, {
            person: { fullName: 'Xen Ngang' },
            position: 'contact',
          })
        ).statusCode,
      ).toBe(404);
      // A filter does not reveal positions held elsewhere either.
      expect(await findPeople(`organizationId=${anPhu.id}`, hoaBinhAccount)).toEqual([]);

      const accountant = await appoint(
        hoaBinh,
        { person: { fullName: 'Đỗ Thu Kế', phone: '0977 000 111' }, position: 'accountant' },
        hoaBinhAccount,
      );
      expect(accountant.person).toMatchObject({ phone: '0977 000 111', isPersonalDataHidden: false });
      const ended = await call('PATCH', `/positions/${accountant.id}`, hoaBinhAccount, { version: 1, endedOn: '2026-01-31' });
      expect(ended.statusCode, ended.body).toBe(200);
      expect((await call('POST', '/people', hoaBinhAccount, { fullName: 'Tự Thêm' })).statusCode).toBe(403);
      const anPhuPosition = seenByAnPhu.positions[0];
      const otherOrganization = await call('PATCH', `/positions/${anPhuPosition?.id}`, hoaBinhAccount, {
        version: 1,
        endedOn: '2026-01-31',
      });
      expect(otherOrganization.statusCode).toBe(404);
    });
  });

  describe('provinces', () => {
    it("keeps another province's people out of sight until they work in this one", async () => {
      const created = await call('POST', '/people', nationalAdmin, {
        fullName: 'Vũ Thị Hà Nội',
        provinceCode: '01',
        phone: '0243 000 111',
      });
      expect(created.statusCode, created.body).toBe(201);
      const haNoi = created.json<Person>();
      expect((await call('GET', `/people/${haNoi.id}`, staff)).statusCode).toBe(404);
      expect((await findPeople('q=vu%20thi%20ha%20noi')).length).toBe(0);
      expect((await call('PATCH', `/people/${haNoi.id}`, staff, { version: 1, phone: '1' })).statusCode).toBe(404);

      await appoint(thuDo, { personId: haNoi.id, position: 'chair', startedOn: '2015-01-01' }, nationalAdmin);
      await appoint(hoaBinh, { personId: haNoi.id, position: 'controller', startedOn: '2023-01-01' }, nationalAdmin);
      const seen = await getPerson(haNoi.id);
      // Province 24 sees her work in its own organisations only.
      expect(seen.positions.map((item) => item.organizationName)).toEqual(['HTX Hòa Bình']);
      expect((await getPerson(haNoi.id, nationalAdmin)).positions.map((item) => item.organizationName)).toEqual([
        'HTX Thủ Đô',
        'HTX Hòa Bình',
      ]);
      expect((await call('PATCH', `/people/${haNoi.id}`, staff, { version: 1, notes: 'Kiêm nhiệm' })).statusCode).toBe(200);
      // Hà Nội keeps the record, so Hà Nội carries out an erasure.
      expect((await call('POST', `/people/${haNoi.id}/erase`, staff, { version: 2, reason: 'Đơn đề nghị' })).statusCode).toBe(403);
      // Positions in another province's organisations are not this province's to give.
      expect(
        (await call('POST', `/organizations/${thuDo.id}/positions`, staff, { personId: haNoi.id, position: 'contact' })).statusCode,
      ).toBe(404);
      const export24 = (await call('GET', `/people/${haNoi.id}/personal-data`, staff)).json<PersonalDataExport>();
      // A data-subject export lists everything kept, in every province.
      expect(export24.person.positions.map((item) => item.organizationName)).toEqual(['HTX Thủ Đô', 'HTX Hòa Bình']);
    });

    it('records people only in the own province, and asks a national user which province keeps them', async () => {
      expect((await call('POST', '/people', staff, { fullName: 'Người Tỉnh Khác', provinceCode: '01' })).statusCode).toBe(403);
      const noProvince = await call('POST', '/people', nationalAdmin, { fullName: 'Người Chưa Có Tỉnh' });
      expect(noProvince.statusCode).toBe(400);
      expect(noProvince.json<Problem>().errors?.[0]?.field).toBe('provinceCode');
      expect((await call('POST', '/people', nationalAdmin, { fullName: 'Người Tỉnh Lạ', provinceCode: '99' })).statusCode).toBe(400);
    });
  });

  describe('data-subject requests', () => {
    it('exports everything held about a person, as a JSON download for staff', async () => {
      const [hoa] = await findPeople('q=nguyen%20thi%20hoa');
      const response = await call('GET', `/people/${hoa?.id}/personal-data`, staff);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toContain('attachment');
      const exported = response.json<PersonalDataExport>();
      expect(exported.person).toMatchObject({
        fullName: 'Nguyễn Thị Hoa',
        phone: '0912 345 678',
        email: 'hoa@example.vn',
        birthYear: 1978,
      });
      expect(exported.history.map((entry) => `${entry.entityType} ${entry.action}`).sort()).toEqual([
        'organization_position create',
        'person create',
      ]);
      const cooperative = await context.userHeaders('cooperative', { organizationId: hoaBinh.id });
      expect((await call('GET', `/people/${hoa?.id}/personal-data`, cooperative)).statusCode).toBe(403);
    });

    it('erases name and personal data on request, keeps the positions and leaves nothing in the history', async () => {
      const appointed = await appoint(anPhu, {
        person: { fullName: 'Hoàng Văn Xóa', birthYear: 1965, phone: '0966 123 456', email: 'xoa@example.vn', notes: 'Hay gọi buổi sáng' },
        position: 'controller',
        startedOn: '2019-01-01',
      });
      const id = appointed.person.id;
      await call('PATCH', `/people/${id}`, staff, { version: 1, phone: '0966 654 321' });
      const viewer = await context.userHeaders('viewer');
      expect((await call('POST', `/people/${id}/erase`, viewer, { version: 2, reason: 'Đơn đề nghị' })).statusCode).toBe(403);
      expect((await call('POST', `/people/${id}/erase`, staff, { version: 1, reason: 'Đơn đề nghị' })).statusCode).toBe(409);
      expect((await call('POST', `/people/${id}/erase`, staff, { version: 2, reason: ' ' })).statusCode).toBe(400);

      const erasedResponse = await call('POST', `/people/${id}/erase`, staff, { version: 2, reason: 'Đơn đề nghị ngày 12/11/2026' });
      expect(erasedResponse.statusCode, erasedResponse.body).toBe(200);
      const erased = erasedResponse.json<Person>();
      expect(erased).toMatchObject({ fullName: ERASED_NAME, birthYear: null, phone: null, email: null, notes: null, version: 3 });
      expect(erased.erasedAt).not.toBeNull();
      expect(erased.positions).toEqual([expect.objectContaining({ id: appointed.id, position: 'controller' })]);

      const positions = (await call('GET', `/organizations/${anPhu.id}/positions`, staff)).json<{ items: OrganizationPosition[] }>().items;
      expect(positions.find((item) => item.id === appointed.id)?.person).toMatchObject({ fullName: ERASED_NAME, phone: null });
      expect(await findPeople('q=hoang%20van%20xoa')).toEqual([]);
      expect(await findPeople('q=0966')).toEqual([]);

      const exported = await call('GET', `/people/${id}/personal-data`, staff);
      for (const erasedValue of ['Hoàng Văn Xóa', '0966', 'xoa@example.vn', '1965', 'Hay gọi'])
        expect(exported.body).not.toContain(erasedValue);
      const history = exported.json<PersonalDataExport>().history.filter((entry) => entry.entityType === 'person');
      expect(history.map((entry) => entry.action)).toEqual(['erase', 'update', 'create']);
      expect(history[0]?.changes).toEqual(
        expect.arrayContaining([{ field: 'erasureRequest', before: null, after: 'Đơn đề nghị ngày 12/11/2026' }]),
      );
      expect(history[1]?.changes).toEqual([{ field: 'phone', before: ERASED_NAME, after: ERASED_NAME }]);

      expect((await call('POST', `/people/${id}/erase`, staff, { version: 3, reason: 'Lần nữa' })).statusCode).toBe(409);
      expect((await call('PATCH', `/people/${id}`, staff, { version: 3, fullName: 'Hoàng Văn Xóa' })).statusCode).toBe(409);
      const reappoint = await call('POST', `/organizations/${hoaBinh.id}/positions`, staff, { personId: id, position: 'contact' });
      expect(reappoint.json<Problem>().code).toBe('erased');
      // The organisation's history can still be completed: the position gets its last day.
      const ended = await call('PATCH', `/positions/${appointed.id}`, staff, { version: 1, endedOn: '2025-12-31' });
      expect(ended.statusCode, ended.body).toBe(200);
    });
  });
});
