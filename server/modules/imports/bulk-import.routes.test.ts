import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Import } from '../../../contracts/imports.ts';
import type { OrganizationSummary } from '../../../contracts/organizations.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { nextTaxCode, useTestApp } from '../../testing/test-app.ts';

/** Big enough, against an empty registry, for the commit to build the list indexes once at the end. */
const ROWS = 5_000;

describeEachDatabase('a first import of thousands of organisations', (kind) => {
  const context = useTestApp(kind);
  let admin: Record<string, string>;
  let communeCodes: string[];

  beforeAll(async () => {
    admin = await context.userHeaders('admin', { provinceCode: null });
    const { rows } = await sql<{ code: string }>`select code from communes where province_code = '24' order by code limit 50`.execute(
      context.database.db,
    );
    communeCodes = rows.map((row) => row.code);
  });

  const indexesOfOrganizations = async () => {
    const { rows } =
      kind === 'postgres'
        ? await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'organizations' order by 1`.execute(
            context.database.db,
          )
        : await sql<{ name: string }>`select name from pragma_index_list('organizations') order by 1`.execute(context.database.db);
    return rows.map((row) => row.name);
  };

  async function settle(id: string): Promise<Import> {
    for (let attempt = 0; attempt < 1_000; attempt += 1) {
      const current = (await context.request({ method: 'GET', url: `/api/v1/imports/${id}`, headers: admin })).json<Import>();
      if (current.status !== 'previewing' && current.status !== 'committing') return current;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('import did not settle');
  }

  /** Every other row has no tax code, as with many cooperative groups: those are matched by name in their commune. */
  async function bigList(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Tên HTX', 'Mã số thuế', 'Mã xã', 'Ngành nghề chính']);
    for (let number = 1; number <= ROWS; number += 1) {
      const taxCode = number % 2 === 0 ? null : nextTaxCode();
      sheet.addRow([`Hợp tác xã Thử Nghiệm Số ${number}`, taxCode, communeCodes[number % communeCodes.length], 'Nông nghiệp']);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  let file: Buffer;

  async function upload(content: Buffer): Promise<Import> {
    const body = multipartBody({ name: 'danh-sach-lon.xlsx', content });
    const uploaded = await context.request({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...admin, ...body.headers },
      payload: body.payload,
    });
    return settle(uploaded.json<Import>().id);
  }

  const list = async (query: string) =>
    (await context.request({ method: 'GET', url: `/api/v1/organizations?${query}`, headers: admin })).json<{
      items: OrganizationSummary[];
      total: number;
    }>();

  it('writes every row, and search and the filtered lists find them afterwards', async () => {
    const indexesBefore = await indexesOfOrganizations();
    file = await bigList();
    const preview = await upload(file);
    expect(preview.summary).toMatchObject({ rows: ROWS, create: ROWS, error: 0 });

    const commit = await context.request({
      method: 'POST',
      url: `/api/v1/imports/${preview.id}/commit`,
      headers: admin,
      payload: { version: preview.version },
    });
    expect(commit.statusCode, commit.body).toBe(202);
    const committed = await settle(preview.id);
    expect(committed.status, committed.error ?? '').toBe('committed');
    expect(committed.summary).toMatchObject({ create: ROWS });

    // Tax codes are searched too, and some hold the digits 4321: the name must be among the answers.
    expect((await list('q=thu%20nghiem%20so%204321')).items.map((item) => item.name)).toContain('Hợp tác xã Thử Nghiệm Số 4321');
    const firstCommune = communeCodes[0] ?? '';
    expect((await list(`communeCode=${firstCommune}&pageSize=200`)).total).toBe(ROWS / communeCodes.length);
    expect((await list('provinceCode=24&status=active')).total).toBe(ROWS);
    expect(await indexesOfOrganizations()).toEqual(indexesBefore);
  });

  it('changes nothing when the same list comes again, rows without a tax code found by name in their commune', async () => {
    const again = await upload(file);
    expect(again.summary).toMatchObject({ rows: ROWS, unchanged: ROWS, create: 0, update: 0, error: 0 });
  });
});
