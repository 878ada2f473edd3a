import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { AnnualReport } from '../../../contracts/annual-reports.ts';
import type { Page } from '../../../contracts/common.ts';
import type { Import, ImportListItem, ImportRow } from '../../../contracts/imports.ts';
import type { Organization, OrganizationSummary } from '../../../contracts/organizations.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { useTestApp } from '../../testing/test-app.ts';

const SAMPLE = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/data/samples/danh-sach-htx-2024.xlsx'));

describeEachDatabase('importing a list from Excel', (kind) => {
  const context = useTestApp(kind);
  let admin: Record<string, string>;

  beforeAll(async () => {
    admin = await context.userHeaders('admin', { provinceCode: null });
  });

  async function upload(name: string, content: Buffer, headers = admin) {
    const body = multipartBody({ name, content });
    return context.request({ method: 'POST', url: '/api/v1/imports', headers: { ...headers, ...body.headers }, payload: body.payload });
  }

  async function settle(id: string): Promise<Import> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const current = (await context.request({ method: 'GET', url: `/api/v1/imports/${id}`, headers: admin })).json<Import>();
      if (current.status !== 'previewing' && current.status !== 'committing') return current;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('import did not settle');
  }

  const rows = async (id: string, query = '') =>
    (await context.request({ method: 'GET', url: `/api/v1/imports/${id}/rows?pageSize=200${query}`, headers: admin })).json<{
      items: ImportRow[];
    }>().items;
  const findByName = async (name: string) =>
    (await context.request({ method: 'GET', url: `/api/v1/organizations?q=${encodeURIComponent(name)}`, headers: admin })).json<{
      items: OrganizationSummary[];
    }>().items;

  it('previews the sample list: five organisations, one commune to choose, nothing written yet', async () => {
    const response = await upload('danh-sach-htx-2024.xlsx', SAMPLE);
    expect(response.statusCode, response.body).toBe(202);
    const preview = await settle(response.json<Import>().id);
    expect(preview.status, preview.error ?? '').toBe('ready');
    expect(preview.header?.rowNumber).toBe(4);
    expect(preview.summary).toMatchObject({ rows: 5, create: 4, choose: 1, error: 0 });
    const previewRows = await rows(preview.id);
    expect(previewRows.map((row) => row.rowNumber)).toEqual([6, 7, 8, 11, 12]);
    const quangTrung = previewRows.find((row) => row.rowNumber === 11);
    expect(quangTrung?.candidates?.map((candidate) => candidate.code).sort()).toEqual(['00691', '00694']);
    expect(await findByName('Tả Ván')).toEqual([]);

    const early = await context.request({
      method: 'POST',
      url: `/api/v1/imports/${preview.id}/commit`,
      headers: admin,
      payload: { version: preview.version },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ detail: string }>().detail).toContain('cần chọn xã');
  });

  it('imports it once the commune is chosen, with old addresses mapped and money in whole đồng', async () => {
    const preview = await settle((await upload('danh-sach-htx-2024.xlsx', SAMPLE)).json<Import>().id);
    const wrong = await context.request({
      method: 'PUT',
      url: `/api/v1/imports/${preview.id}/rows/11/commune`,
      headers: admin,
      payload: { communeCode: '07699' },
    });
    expect(wrong.statusCode).toBe(400);
    const chosen = await context.request({
      method: 'PUT',
      url: `/api/v1/imports/${preview.id}/rows/11/commune`,
      headers: admin,
      payload: { communeCode: '00691' },
    });
    expect(chosen.json<ImportRow>()).toMatchObject({ action: 'create', chosenCommuneCode: '00691' });
    const ready = await settle(preview.id);
    const committed = await context.request({
      method: 'POST',
      url: `/api/v1/imports/${preview.id}/commit`,
      headers: admin,
      payload: { version: ready.version },
    });
    expect(committed.statusCode, committed.body).toBe(202);
    const done = await settle(preview.id);
    expect(done.status, done.error ?? '').toBe('committed');

    const expected = [
      ['HTX Dịch vụ Nông nghiệp Tân Tiến', '07699', 1_200_000_000, 3_450_500_000],
      ['HTX Chè Tả Ván', '00892', 500_000_000, 820_000_000],
      ['HTX Rau an toàn Đồng Tiến', '07246', 2_000_000_000, 5_100_000_000],
      ['HTX Vận tải Quang Trung', '00691', 3_000_000_000, 12_000_000_000],
      ['HTX Mây tre đan Hải Đông', '14287', 800_000_000, 1_750_000_000],
    ] as const;
    for (const [name, communeCode, capital, revenue] of expected) {
      const [summary] = await findByName(name);
      expect(summary, name).toMatchObject({ name, communeCode });
      const organization = (
        await context.request({ method: 'GET', url: `/api/v1/organizations/${summary?.id}`, headers: admin })
      ).json<Organization>();
      expect(organization.charterCapital, name).toBe(capital);
      expect(organization.addressAsImported, name).toMatch(/tỉnh/);
      const reports = (
        await context.request({ method: 'GET', url: `/api/v1/organizations/${summary?.id}/annual-reports`, headers: admin })
      ).json<{ items: AnnualReport[] }>().items;
      expect(
        reports.map((report) => [report.year, report.revenue]),
        name,
      ).toEqual([[2024, revenue]]);
    }
    const [taVan] = await findByName('HTX Chè Tả Ván');
    expect(taVan?.isNewModel).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const again = await settle((await upload('danh-sach-htx-2024.xlsx', SAMPLE)).json<Import>().id);
    expect(again.summary).toMatchObject({ rows: 5, unchanged: 5, create: 0, update: 0, choose: 0 });
  });

  it('round-trips: export, edit in Excel, import back changes exactly the edited cell', async () => {
    const exported = await context.request({
      method: 'GET',
      url: '/api/v1/organizations/export?provinceCode=24&figuresYear=2024',
      headers: admin,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(String(exported.headers['content-disposition'])).toContain('danh-sach-to-chuc');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headers = ((sheet?.getRow(1).values ?? []) as unknown[]).map(String);
    expect(headers).toContain('Mã số thuế');
    expect(sheet?.rowCount).toBe(3);
    const unchanged = await settle((await upload('xuat.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).json<Import>().id);
    expect(unchanged.summary).toMatchObject({ rows: 2, unchanged: 2 });

    const phoneColumn = headers.indexOf('Điện thoại');
    if (sheet) sheet.getRow(2).getCell(phoneColumn).value = '0909 123 456';
    const edited = await settle((await upload('xuat-da-sua.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).json<Import>().id);
    expect(edited.summary).toMatchObject({ rows: 2, update: 1, unchanged: 1 });
    const [change] = await rows(edited.id, '&action=update');
    expect(change?.changes).toEqual([{ field: 'phone', before: null, after: '0909 123 456' }]);
  });

  it('marks rows with formulas or bad values as errors and imports the rest only when asked', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Tên HTX', 'Mã số HTX', 'Địa chỉ', 'Ngành nghề chính', 'Vốn điều lệ (triệu đồng)', 'Ngày đăng ký']);
    sheet.addRow(['HTX Công Thức', '', 'Phường Tân Tiến, tỉnh Bắc Ninh', 'Nông nghiệp', { formula: '100*2', result: 200 }, '01/02/2020']);
    sheet.addRow(['HTX Ngày Sai', '', 'Phường Tân Tiến, tỉnh Bắc Ninh', 'Nông nghiệp', '200', '31/02/2020']);
    sheet.addRow(['HTX Hợp Lệ', '', 'Phường Tân Tiến, tỉnh Bắc Ninh', 'Nông nghiệp', '1.500', '01/02/2020']);
    const preview = await settle((await upload('co-loi.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).json<Import>().id);
    expect(preview.summary).toMatchObject({ rows: 3, create: 1, error: 2 });
    const errors = await rows(preview.id, '&action=error');
    expect(errors.map((row) => [row.rowNumber, row.errors[0]?.column])).toEqual([
      [2, 'Vốn điều lệ (triệu đồng)'],
      [3, 'Ngày đăng ký'],
    ]);
    expect(errors[0]?.errors[0]?.message).toContain('công thức');
    const refused = await context.request({
      method: 'POST',
      url: `/api/v1/imports/${preview.id}/commit`,
      headers: admin,
      payload: { version: preview.version },
    });
    expect(refused.statusCode).toBe(409);
    expect(await findByName('HTX Hợp Lệ')).toEqual([]);
    await context.request({
      method: 'POST',
      url: `/api/v1/imports/${preview.id}/commit`,
      headers: admin,
      payload: { version: preview.version, skipRowsWithErrors: true },
    });
    expect((await settle(preview.id)).status).toBe('committed');
    expect((await findByName('HTX Hợp Lệ')).map((item) => item.name)).toEqual(['HTX Hợp Lệ']);
    expect(await findByName('HTX Công Thức')).toEqual([]);

    const report = await context.request({ method: 'GET', url: `/api/v1/imports/${preview.id}/report`, headers: admin });
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const reportRows = (reportBook.worksheets[0]?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1, 4));
    expect(reportRows).toEqual([
      ['Dòng', 'Tên tổ chức', 'Kết quả'],
      [2, 'HTX Công Thức', 'Bỏ qua do lỗi'],
      [3, 'HTX Ngày Sai', 'Bỏ qua do lỗi'],
      [4, 'HTX Hợp Lệ', 'Thêm mới'],
    ]);
  });

  it('refuses files that are not spreadsheets, encrypted or damaged, writing nothing', async () => {
    const text = await upload('danh-sach.xlsx', Buffer.from('Đây không phải bảng tính'));
    expect(text.statusCode).toBe(400);
    expect(text.json<{ detail: string }>().detail).toContain('không phải bảng tính');
    const encrypted = await upload(
      'mat-khau.xlsx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    expect(encrypted.json<{ detail: string }>().detail).toContain('mật khẩu');
    const damaged = await upload('hong.xlsx', SAMPLE.subarray(0, 2000));
    expect(damaged.statusCode).toBe(400);
    const viewer = await context.userHeaders('viewer', { provinceCode: null });
    expect((await upload('danh-sach-htx-2024.xlsx', SAMPLE, viewer)).statusCode).toBe(403);
  });

  it('reports a list without a header row as failed with the reason', async () => {
    const csv = Buffer.from('a,b,c\n1,2,3\n');
    const started = await upload('khong-tieu-de.csv', csv);
    const failed = await settle(started.json<Import>().id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('Không tìm thấy dòng tiêu đề');
  });

  it('lists earlier imports newest first: an officer sees their own, an administrator everyone’s', async () => {
    const staff = await context.userHeaders('staff');
    const mine = await settle(
      (await upload('cua-toi.csv', Buffer.from('Tên tổ chức,Mã số thuế\nHTX Của Tôi,\n'), staff)).json<Import>().id,
    );
    const list = (headers: Record<string, string>, query = '') =>
      context.request({ method: 'GET', url: `/api/v1/imports?pageSize=100${query}`, headers });

    const own = (await list(staff)).json<Page<ImportListItem>>();
    expect(own.total).toBe(1);
    expect(own.items[0]).toMatchObject({ id: mine.id, fileName: 'cua-toi.csv', entity: 'organizations', status: 'ready' });
    expect(own.items[0]?.summary).toMatchObject({ rows: 1 });

    const everyone = (await list(admin)).json<Page<ImportListItem>>();
    expect(everyone.total).toBeGreaterThan(3);
    expect(everyone.items[0]?.id).toBe(mine.id);
    expect(everyone.items[0]?.createdByName).toContain('staff');
    const dates = everyone.items.map((item) => item.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(everyone.items.find((item) => item.fileName === 'khong-tieu-de.csv')?.error).toContain('Không tìm thấy dòng tiêu đề');
    expect((await list(admin, '&status=failed')).json<Page<ImportListItem>>().items.every((item) => item.status === 'failed')).toBe(true);
    expect((await list(admin, '&entity=people')).json<Page<ImportListItem>>().total).toBe(0);

    const viewer = await context.userHeaders('viewer');
    expect((await list(viewer)).statusCode).toBe(403);
  });
});
