import { beforeAll, expect, it } from 'vitest';
import type { Problem } from '../../../contracts/common.ts';
import type { Fund, Loan, LoanAttachment } from '../../../contracts/finance.ts';
import type { Organization } from '../../../contracts/organizations.ts';
import { sampleDocx, samplePdf, samplePng } from '../../testing/documents.ts';
import { createFund, prepareLoan } from '../../testing/finance-factories.ts';
import { multipartBody } from '../../testing/multipart.ts';
import { describeEachDatabase } from '../../testing/test-database.ts';
import { buildOrganization, useTestApp } from '../../testing/test-app.ts';

describeEachDatabase('the scanned papers of a loan’s file', (kind) => {
  const context = useTestApp(kind);
  let staff: Record<string, string>;
  let leader: Record<string, string>;
  let fund: Fund;
  let borrower: Organization;
  let loan: Loan;

  const call = (method: 'GET' | 'DELETE', url: string, headers: Record<string, string>) =>
    context.request({ method, url: `/api/v1${url}`, headers });
  const upload = (loanId: string, name: string, content: Buffer, headers = staff) => {
    const body = multipartBody({ name, content });
    return context.request({
      method: 'POST',
      url: `/api/v1/loans/${loanId}/attachments`,
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const papersOf = async (loanId: string, headers = staff) =>
    (await call('GET', `/loans/${loanId}/attachments`, headers)).json<LoanAttachment[]>();

  beforeAll(async () => {
    staff = await context.userHeaders('staff');
    leader = await context.userHeaders('leader');
    fund = await createFund(context, staff);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: staff,
      payload: buildOrganization({ name: 'HTX Chè Tân Cương' }),
    });
    borrower = response.json<Organization>();
    loan = await prepareLoan(context, { staff, leader, organizationId: borrower.id, fundId: fund.id, until: 'applied' });
  });

  it('keeps the application’s papers and the leader’s signed decision, and gives them back byte for byte', async () => {
    const application = await upload(loan.id, 'Đơn đề nghị vay vốn.pdf', samplePdf);
    expect(application.statusCode, application.body).toBe(201);
    const plan = await upload(loan.id, 'phuong-an-san-xuat.docx', sampleDocx);
    expect(plan.statusCode, plan.body).toBe(201);
    const decision = await upload(loan.id, 'quyet-dinh-cho-vay.png', samplePng, leader);
    expect(decision.statusCode, decision.body).toBe(201);

    const papers = await papersOf(loan.id);
    expect(papers.map((paper) => [paper.name, paper.type])).toEqual([
      ['quyet-dinh-cho-vay.png', 'png'],
      ['phuong-an-san-xuat.docx', 'docx'],
      ['Đơn đề nghị vay vốn.pdf', 'pdf'],
    ]);
    expect(papers[2]).toMatchObject({ loanId: loan.id, size: samplePdf.length, uploadedBy: expect.stringContaining('staff') });

    const download = await call('GET', `/loan-attachments/${application.json<LoanAttachment>().id}`, staff);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(samplePdf)).toBe(true);
  });

  it('refuses what is not a PDF, Word, JPEG or PNG, a disguised file, and those who may not file papers', async () => {
    const before = (await papersOf(loan.id)).length;
    const executable = await upload(loan.id, 'bang-luong.pdf', Buffer.from('MZ\x90\x00 not a document'));
    expect(executable.statusCode).toBe(400);
    expect(executable.json<Problem>().detail).toBe('Chỉ nhận tệp PDF, Word (.docx), JPEG hoặc PNG.');
    expect((await upload(loan.id, 'anh.pdf', samplePng)).statusCode).toBe(400);
    expect((await upload(loan.id, 'a.pdf', samplePdf, await context.userHeaders('viewer'))).statusCode).toBe(403);
    const cooperative = await context.userHeaders('cooperative', { organizationId: borrower.id });
    expect((await upload(loan.id, 'a.pdf', samplePdf, cooperative)).statusCode).toBe(403);
    const elsewhere = await context.userHeaders('staff', { provinceCode: '01' });
    expect((await upload(loan.id, 'a.pdf', samplePdf, elsewhere)).statusCode).toBe(404);
    expect(await papersOf(loan.id)).toHaveLength(before);
  });

  it('shows the borrower its own loan’s papers and nobody else’s', async () => {
    const paper = (await papersOf(loan.id))[0];
    const cooperative = await context.userHeaders('cooperative', { organizationId: borrower.id });
    expect((await call('GET', `/loan-attachments/${paper?.id}`, cooperative)).statusCode).toBe(200);
    const other = (
      await context.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: staff,
        payload: buildOrganization({ name: 'HTX Khác' }),
      })
    ).json<Organization>();
    const stranger = await context.userHeaders('cooperative', { organizationId: other.id });
    expect((await call('GET', `/loan-attachments/${paper?.id}`, stranger)).statusCode).toBe(404);
    expect((await call('GET', `/loans/${loan.id}/attachments`, stranger)).statusCode).toBe(404);
  });

  it('takes a paper off the file: gone from the list and the download, kept in the history', async () => {
    const paper = (await upload(loan.id, 'nham.pdf', samplePdf)).json<LoanAttachment>();
    expect((await call('DELETE', `/loan-attachments/${paper.id}`, await context.userHeaders('viewer'))).statusCode).toBe(403);
    expect((await call('DELETE', `/loan-attachments/${paper.id}`, staff)).statusCode).toBe(204);
    expect((await call('GET', `/loan-attachments/${paper.id}`, staff)).statusCode).toBe(404);
    expect((await call('DELETE', `/loan-attachments/${paper.id}`, staff)).statusCode).toBe(404);
    expect((await papersOf(loan.id)).map((item) => item.id)).not.toContain(paper.id);
    const history = await context.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'loan_attachment')
      .where('entity_id', '=', paper.id)
      .orderBy('at')
      .execute();
    expect(history.map((row) => row.action)).toEqual(['create', 'archive']);
  });
});
