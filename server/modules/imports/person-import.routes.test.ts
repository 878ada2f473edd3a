import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { Import, ImportRow } from '../../../contracts/imports.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import type { OrganizationPosition, PersonalDataExport, PersonSummary } from '../../../contracts/people.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';

type Headers = Record<string, string>;

/** A list as a district office keeps it: a title row, then the header, one row per person and position. */
async function peopleSheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cán bộ');
  sheet.addRow(['DANH SÁCH CÁN BỘ CHỦ CHỐT CÁC HTX NĂM 2026']);
  sheet.addRow(['STT', 'Họ tên', 'Chức vụ', 'MST', 'Tên HTX', 'Giới tính', 'Năm sinh', 'SĐT', 'Ngày nhận chức', 'Ngày kết thúc']);
  for (const [index, row] of rows.entries()) sheet.addRow([index + 1, ...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDatabase('importing a list of people and their positions', (kind) => {
  const context = useTestApp(kind);
  let staff: Headers;
  let tanTien: Organization;
  let dongTam: Organization;
  let otherProvince: Organization;

  const call = (method: 'GET' | 'POST', url: string, payload?: object, headers = staff) =>
    context.request({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  async function preview(content: Buffer, entity = 'people'): Promise<Import> {
    const body = multipartBody({ name: 'can-bo.xlsx', content }, { entity });
    const started = await context.request({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...staff, ...body.headers },
      payload: body.payload,
    });
    expect(started.statusCode, started.body).toBe(202);
    return settle(started.json<Import>().id);
  }

  async function settle(id: string): Promise<Import> {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const current = (await call('GET', `/imports/${id}`)).json<Import>();
      if (current.status !== 'previewing' && current.status !== 'committing') return current;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('import did not settle');
  }

  const rowsOf = async (id: string) => (await call('GET', `/imports/${id}/rows?pageSize=200`)).json<{ items: ImportRow[] }>().items;
  const positionsOf = async (organization: Organization) =>
    (await call('GET', `/organizations/${organization.id}/positions`)).json<{ items: OrganizationPosition[] }>().items;

  async function commit(item: Import, skipRowsWithErrors = false): Promise<Import> {
    const response = await call('POST', `/imports/${item.id}/commit`, { version: item.version, skipRowsWithErrors });
    expect(response.statusCode, response.body).toBe(202);
    return settle(item.id);
  }

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    const admin = await context.userHeaders('admin', { provinceCode: null });
    const create = async (overrides: Parameters<typeof buildOrganization>[0], headers = staff) =>
      (await call('POST', '/organizations', buildOrganization(overrides), headers)).json<Organization>();
    tanTien = await create({ name: 'Hợp tác xã Dịch vụ Nông nghiệp Tân Tiến' });
    dongTam = await create({ name: 'Hợp tác xã Đồng Tâm', taxCode: null });
    otherProvince = await create({ name: 'Hợp tác xã Hà Nội Xanh', communeCode: '00004' }, admin);
  });

  it('previews the list: people matched to organisations by tax code or name, nothing written yet', async () => {
    const file = await peopleSheet([
      ['Nguyễn Văn An', 'Giám đốc', tanTien.taxCode, null, 'Nam', 1975, '0912 345 678', '01/04/2021', null],
      ['Nguyễn Văn An', 'Chủ tịch HĐQT', tanTien.taxCode, null, 'Nam', 1975, '0912 345 678', '01/04/2021', null],
      ['Trần Thị Bình', 'Kế toán', null, 'HTX Đồng Tâm', 'Nữ', '12/03/1988', null, null, null],
      ['Lê Văn Cường', 'Phó giám đốc', tanTien.taxCode, null, 'Nam', 1980, null, null, null],
      ['Phạm Văn Dũng', 'Giám đốc', '0109999999', null, null, null, null, null, null],
      ['Hoàng Văn Em', 'Giám đốc', otherProvince.taxCode, null, null, null, null, null, null],
    ]);
    const item = await preview(file);
    expect(item.status, item.error ?? '').toBe('ready');
    expect(item.entity).toBe('people');
    expect(item.header?.rowNumber).toBe(2);
    expect(item.summary).toMatchObject({ rows: 6, create: 3, error: 3 });
    const rows = await rowsOf(item.id);
    expect(rows.find((row) => row.rowNumber === 5)).toMatchObject({ action: 'create', label: 'Trần Thị Bình — Kế toán — HTX Đồng Tâm' });
    expect(rows.find((row) => row.rowNumber === 6)?.errors[0]?.message).toContain('Phó giám đốc');
    expect(rows.find((row) => row.rowNumber === 7)?.errors[0]?.message).toContain('Không tìm thấy tổ chức');
    // Another province's organisation is out of a provincial officer's reach.
    expect(rows.find((row) => row.rowNumber === 8)?.errors[0]?.message).toContain('Không tìm thấy tổ chức');
    expect(await positionsOf(tanTien)).toEqual([]);

    const refused = await call('POST', `/imports/${item.id}/commit`, { version: item.version });
    expect(refused.statusCode).toBe(409);
    expect(await positionsOf(tanTien)).toEqual([]);
  });

  it('imports the good rows: one person holding two positions, the other in the organisation named without tax code; twice changes nothing', async () => {
    const rows: (string | number | null)[][] = [
      ['Nguyễn Văn An', 'Giám đốc', tanTien.taxCode, null, 'Nam', 1975, '0912 345 678', '01/04/2021', null],
      ['Nguyễn Văn An', 'Chủ tịch HĐQT', tanTien.taxCode, null, 'Nam', 1975, '0912 345 678', '01/04/2021', null],
      ['Trần Thị Bình', 'Kế toán', null, 'HTX Đồng Tâm', 'Nữ', '12/03/1988', null, null, null],
      ['Lê Văn Cường', 'Phó giám đốc', tanTien.taxCode, null, 'Nam', 1980, null, null, null],
    ];
    const committed = await commit(await preview(await peopleSheet(rows)), true);
    expect(committed.status, committed.error ?? '').toBe('committed');

    const atTanTien = await positionsOf(tanTien);
    expect(atTanTien.map((position) => position.position).sort()).toEqual(['chair', 'director']);
    expect(new Set(atTanTien.map((position) => position.person.id)).size).toBe(1);
    expect(atTanTien[0]).toMatchObject({ startedOn: '2021-04-01', endedOn: null, isCurrent: true });
    expect(atTanTien[0]?.person).toMatchObject({ fullName: 'Nguyễn Văn An', phone: '0912 345 678', gender: 'male' });
    const atDongTam = await positionsOf(dongTam);
    expect(atDongTam).toHaveLength(1);
    expect(atDongTam[0]).toMatchObject({ position: 'accountant', person: { fullName: 'Trần Thị Bình', gender: 'female' } });
    const found = (await call('GET', '/people?q=tran thi binh')).json<{ items: PersonSummary[] }>();
    expect(found.items).toHaveLength(1);

    // The person and both positions have their history, written by the import.
    const record = (await call('GET', `/people/${atTanTien[0]?.person.id}/personal-data`)).json<PersonalDataExport>();
    expect(record.history.map((entry) => `${entry.entityType} ${entry.action}`).sort()).toEqual([
      'organization_position create',
      'organization_position create',
      'person create',
    ]);

    const again = await preview(await peopleSheet(rows));
    expect(again.summary).toMatchObject({ rows: 4, create: 0, update: 0, unchanged: 3, error: 1 });
  });

  it('updates what the list says anew — a last day in office, a phone — and never erases with a blank cell', async () => {
    const file = await peopleSheet([
      ['Nguyễn Văn An', 'Giám đốc', tanTien.taxCode, null, null, null, null, '01/04/2021', '31/10/2026'],
      ['Trần Thị Bình', 'Kế toán', null, 'HTX Đồng Tâm', null, null, '0987 654 321', null, null],
    ]);
    const item = await preview(file);
    expect(item.summary).toMatchObject({ rows: 2, update: 2, create: 0, error: 0 });
    const rows = await rowsOf(item.id);
    expect(rows.find((row) => row.rowNumber === 3)?.changes).toEqual([{ field: 'endedOn', before: null, after: '2026-10-31' }]);
    expect(rows.find((row) => row.rowNumber === 4)?.changes).toEqual([{ field: 'phone', before: null, after: '0987 654 321' }]);
    expect((await commit(item)).status).toBe('committed');

    const director = (await positionsOf(tanTien)).find((position) => position.position === 'director');
    expect(director).toMatchObject({ endedOn: '2026-10-31', isCurrent: false, person: { phone: '0912 345 678' } });
    const accountant = (await positionsOf(dongTam))[0];
    expect(accountant?.person).toMatchObject({ phone: '0987 654 321', gender: 'female' });
  });

  it('stops the whole commit when someone changed a position after the preview, and writes nothing', async () => {
    const accountant = (await positionsOf(dongTam))[0];
    const item = await preview(
      await peopleSheet([
        ['Trần Thị Bình', 'Kế toán', null, 'HTX Đồng Tâm', null, 1988, null, null, '30/11/2026'],
        ['Võ Thị Giang', 'Kiểm soát viên', null, 'HTX Đồng Tâm', 'Nữ', 1990, null, null, null],
      ]),
    );
    expect(item.summary).toMatchObject({ update: 1, create: 1 });
    const edited = await context.request({
      method: 'PATCH',
      url: `/api/v1/positions/${accountant?.id}`,
      headers: staff,
      payload: { version: accountant?.version, startedOn: '2020-01-01' },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const failed = await commit(item);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('thay đổi kể từ lúc xem trước');
    const after = await positionsOf(dongTam);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ startedOn: '2020-01-01', endedOn: null });
  });

  it('round-trips: the exported list imports back unchanged, and an edit in Excel comes back as exactly that edit', async () => {
    const exported = await call('GET', '/people/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('danh-sach-can-bo-');
    const again = await preview(exported.rawPayload);
    expect(again.summary).toMatchObject({ rows: 3, unchanged: 3, create: 0, update: 0, error: 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('The export has no sheet');
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (name: string) => header.indexOf(name);
    const binh = [2, 3, 4].map((number) => sheet.getRow(number)).find((row) => row.getCell(column('Họ và tên')).value === 'Trần Thị Bình');
    if (!binh) throw new Error('Trần Thị Bình is not in the export');
    binh.getCell(column('Họ và tên')).value = 'Trần Thị Bính';
    binh.getCell(column('Năm sinh')).value = 1989;
    const edited = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(edited.summary).toMatchObject({ rows: 3, unchanged: 2, update: 1, error: 0 });
    const changed = (await rowsOf(edited.id)).find((row) => row.action === 'update');
    expect(changed?.changes).toEqual([
      { field: 'birthYear', before: 1988, after: 1989 },
      { field: 'fullName', before: 'Trần Thị Bình', after: 'Trần Thị Bính' },
    ]);
    expect((await commit(edited)).status).toBe('committed');
    expect((await positionsOf(dongTam))[0]?.person.fullName).toBe('Trần Thị Bính');

    // A viewer's copy carries no phone numbers.
    const viewer = await context.userHeaders('viewer');
    const viewed = await call('GET', '/people/export', undefined, viewer);
    const viewerBook = new ExcelJS.Workbook();
    await viewerBook.xlsx.load(viewed.rawPayload as unknown as ArrayBuffer);
    const phones = [2, 3, 4].map((number) => viewerBook.worksheets[0]?.getRow(number).getCell(column('Điện thoại')).value ?? null);
    expect(phones).toEqual([null, null, null]);
  });

  it('refuses a sheet that is not a list of people, and an unknown kind of list, writing nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Khác').addRow(['Tên sản phẩm', 'Giá']);
    const failed = await preview(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('Họ và tên');

    const body = multipartBody({ name: 'x.xlsx', content: await peopleSheet([]) }, { entity: 'loans' });
    const refused = await context.request({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...staff, ...body.headers },
      payload: body.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ detail: string }>().detail).toContain('danh sách người');
  });

  it('gives a template whose headers the import reads back', async () => {
    const template = await call('GET', '/people/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-disposition']).toContain('mau-nhap-can-bo.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const header = workbook.worksheets[0]?.getRow(1).values as string[];
    expect(header).toContain('Họ và tên');
    expect(header).toContain('Chức danh');
    const item = await preview(template.rawPayload);
    // The example row names an organisation this registry does not have.
    expect(item.summary).toMatchObject({ rows: 1, error: 1 });
  });
});
