import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import type { AdvisoryActivity, AdvisoryAttachment, AdvisoryCase } from '../../../contracts/advisory.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../contracts/attachments.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { samplePdf, samplePng, sampleDocx, sampleJpeg } from '../../testing/documents.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { calendarDateInVietnam } from '../organizations/person.rules.ts';

type Headers = Record<string, string>;
type Problem = { code: string; detail: string; errors?: { field: string; message: string }[] };

const today = calendarDateInVietnam(new Date());
const dueOn = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('advisory activities, files and export', (kind) => {
  const context = useTestApp(kind);
  let staff: Headers;
  let organization: Organization;
  let consulting: AdvisoryCase;
  let founding: AdvisoryCase;

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    context.request({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  const upload = (caseId: string, name: string, content: Buffer, headers = staff) => {
    const body = multipartBody({ name, content });
    return context.request({
      method: 'POST',
      url: `/api/v1/advisory-cases/${caseId}/attachments`,
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    organization = (await call('POST', '/organizations', staff, buildOrganization({ name: 'HTX Nông sản Tam Tiến' }))).json<Organization>();
    consulting = (
      await call('POST', '/advisory-cases', staff, {
        kind: 'business_plan',
        title: 'Xây dựng phương án sản xuất kinh doanh',
        dueOn,
        organizationId: organization.id,
      })
    ).json<AdvisoryCase>();
    founding = (
      await call('POST', '/advisory-cases', staff, {
        kind: 'founding',
        title: 'Thành lập HTX Mây tre đan',
        dueOn,
        communeCode: '07699',
        groupName: 'HTX Mây tre đan Tân Tiến',
        contactName: 'Lê Văn Cường',
        contactPhone: '0987 000 111',
        intendedSector: 'industry_handicraft',
      })
    ).json<AdvisoryCase>();
  });

  it('logs work with date, who, what and hours, and corrects it with its version', async () => {
    const added = await call('POST', `/advisory-cases/${consulting.id}/activities`, staff, {
      happenedOn: today,
      description: 'Làm việc với Ban quản trị về phương án',
      hours: 2.5,
    });
    expect(added.statusCode, added.body).toBe(201);
    const activity = added.json<AdvisoryActivity>();
    expect(activity).toMatchObject({ hours: 2.5, user: { name: expect.stringMatching(/^Người dùng staff/) }, version: 1 });
    await call('POST', `/advisory-cases/${consulting.id}/activities`, staff, { happenedOn: today, description: 'Gọi điện', hours: 0.25 });

    const corrected = await call('PATCH', `/advisory-activities/${activity.id}`, staff, { version: 1, hours: 3 });
    expect(corrected.json<AdvisoryActivity>()).toMatchObject({ hours: 3, version: 2 });
    const stale = await call('PATCH', `/advisory-activities/${activity.id}`, staff, { version: 1, hours: 1 });
    expect(stale.statusCode).toBe(409);
    const detail = (await call('GET', `/advisory-cases/${consulting.id}`, staff)).json<AdvisoryCase>();
    expect(detail.totalHours).toBe(3.25);
    expect(detail.activities).toHaveLength(2);

    const odd = await call('POST', `/advisory-cases/${consulting.id}/activities`, staff, {
      happenedOn: today,
      description: 'X',
      hours: 0.3,
    });
    expect(odd.statusCode).toBe(400);
    const empty = await call('POST', `/advisory-cases/${consulting.id}/activities`, staff, { happenedOn: today, description: ' ' });
    expect(empty.json<Problem>().errors?.[0]).toEqual({ field: 'description', message: 'Không được để trống' });
    const viewer = await context.userHeaders('viewer');
    expect(
      (await call('POST', `/advisory-cases/${consulting.id}/activities`, viewer, { happenedOn: today, description: 'X' })).statusCode,
    ).toBe(403);
    expect((await call('PATCH', `/advisory-activities/${activity.id}`, viewer, { version: 2, hours: 1 })).statusCode).toBe(403);
  });

  it('keeps PDF, Word, JPEG and PNG files and gives them back byte for byte', async () => {
    for (const [name, content, type] of [
      ['Điều lệ dự thảo.pdf', samplePdf, 'application/pdf'],
      ['phuong-an.docx', sampleDocx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['anh-hop.jpg', sampleJpeg, 'image/jpeg'],
      ['so-do.png', samplePng, 'image/png'],
    ] as const) {
      const response = await upload(founding.id, name, content);
      expect(response.statusCode, response.body).toBe(201);
      const attachment = response.json<AdvisoryAttachment>();
      expect(attachment).toMatchObject({ name, contentType: type, size: content.length });
      const download = await call('GET', `/advisory-attachments/${attachment.id}`, staff);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe(type);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(download.rawPayload.equals(content)).toBe(true);
    }
    expect((await call('GET', `/advisory-cases/${founding.id}`, staff)).json<AdvisoryCase>().attachments).toHaveLength(4);
  });

  it('refuses other types, disguised files, files over 10 MB, and callers who may not attach', async () => {
    const executable = await upload(founding.id, 'bien-ban.pdf', Buffer.from('MZ\x90\x00 not a document'));
    expect(executable.statusCode).toBe(400);
    expect(executable.json<Problem>().detail).toBe('Chỉ nhận tệp PDF, Word (.docx), JPEG hoặc PNG.');
    const disguised = await upload(founding.id, 'anh.pdf', samplePng);
    expect(disguised.statusCode).toBe(400);
    const huge = await upload(founding.id, 'lon.pdf', Buffer.concat([samplePdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]));
    expect(huge.statusCode).toBe(413);
    const none = await call('POST', `/advisory-cases/${founding.id}/attachments`, { ...staff, 'content-type': 'application/json' }, {});
    expect(none.statusCode).toBe(400);
    const viewer = await context.userHeaders('viewer');
    expect((await upload(founding.id, 'a.pdf', samplePdf, viewer)).statusCode).toBe(403);
    expect((await upload(founding.id, 'a.pdf', samplePdf, await context.userHeaders('staff', { provinceCode: '01' }))).statusCode).toBe(
      404,
    );
    expect((await call('GET', `/advisory-cases/${founding.id}`, staff)).json<AdvisoryCase>().attachments).toHaveLength(4);
  });

  it('takes a file off the case: gone from the case and its download, kept in the history', async () => {
    const attachment = (await upload(consulting.id, 'tam-thoi.pdf', samplePdf)).json<AdvisoryAttachment>();
    const viewer = await context.userHeaders('viewer');
    expect((await call('DELETE', `/advisory-attachments/${attachment.id}`, viewer)).statusCode).toBe(403);
    expect((await call('DELETE', `/advisory-attachments/${attachment.id}`, staff)).statusCode).toBe(204);
    expect((await call('GET', `/advisory-attachments/${attachment.id}`, staff)).statusCode).toBe(404);
    expect((await call('DELETE', `/advisory-attachments/${attachment.id}`, staff)).statusCode).toBe(404);
    const detail = (await call('GET', `/advisory-cases/${consulting.id}`, staff)).json<AdvisoryCase>();
    expect(detail.attachments.map((item) => item.id)).not.toContain(attachment.id);
  });

  it('shows a cooperative its own cases only, and hides the contact phone from viewers', async () => {
    const cooperative = await context.userHeaders('cooperative', { organizationId: organization.id });
    const own = (await call('GET', '/advisory-cases?pageSize=200', cooperative)).json<{ items: { id: string }[] }>();
    expect(own.items.map((item) => item.id)).toEqual([consulting.id]);
    expect((await call('GET', `/advisory-cases/${founding.id}`, cooperative)).statusCode).toBe(404);
    expect((await call('PATCH', `/advisory-cases/${consulting.id}`, cooperative, { version: 1, title: 'Tự sửa' })).statusCode).toBe(403);

    const viewer = await context.userHeaders('viewer');
    const seen = (await call('GET', `/advisory-cases/${founding.id}`, viewer)).json<AdvisoryCase>();
    expect(seen).toMatchObject({ contactName: 'Lê Văn Cường', contactPhone: null, isContactHidden: true });
    const leader = (await call('GET', `/advisory-cases/${founding.id}`, await context.userHeaders('leader'))).json<AdvisoryCase>();
    expect(leader).toMatchObject({ contactPhone: '0987 000 111', isContactHidden: false });
  });

  it('exports the filtered list of cases to Excel', async () => {
    const response = await call('GET', '/advisory-cases/export?kind=founding', staff);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('Tên hồ sơ');
    const rows: unknown[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) rows.push(row.getCell(1).value);
    });
    expect(rows).toEqual([founding.id]);
    expect(sheet?.getRow(2).getCell(3).value).toBe('Tư vấn thành lập');
    expect(sheet?.getRow(2).getCell(10).value).toBe('0987 000 111');
    const viewer = await context.userHeaders('viewer');
    const hidden = await call('GET', '/advisory-cases/export?kind=founding', viewer);
    const viewerBook = new ExcelJS.Workbook();
    await viewerBook.xlsx.load(hidden.rawPayload as unknown as ArrayBuffer);
    expect(viewerBook.worksheets[0]?.getRow(2).getCell(10).value ?? null).toBeNull();
  });
});
