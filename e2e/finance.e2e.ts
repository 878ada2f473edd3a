import fs from 'node:fs';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFundService } from '../server/modules/finance/fund.service.ts';
import { systemActor } from '../server/platform/access.ts';
import { systemClock } from '../server/platform/clock.ts';
import { samplePdf } from '../server/testing/documents.ts';
import { buildFund } from '../server/testing/finance-factories.ts';
import { keepScreenshot, launchBrowser, openPage } from './support/browser.ts';
import { E2E_PASSWORD, type HoptacServer, startHoptac } from './support/hoptac-server.ts';
import { choose, logIn } from './support/pages.ts';

/** A step of the loan: its button on the page, its form, its submit button. */
async function takeStep(page: Page, button: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, submit: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('a cooperative borrows from the support fund', () => {
  let server: HoptacServer;
  let browser: Browser;
  let borrower: string;

  beforeAll(async () => {
    server = await startHoptac({ demoCount: 30 });
    await server.createUser('tindung', 'staff');
    await server.createUser('lanhdao', 'leader');
    await server.createUser('sotaichinh', 'viewer');
    // Given: the province's fund, as its officers set it up on the funds page.
    await createFundService({ db: server.db, clock: systemClock }).createFund(systemActor, buildFund({ provinceCode: '24' }));
    const { rows } = await sql<{
      name: string;
    }>`select name from organizations where kind = 'cooperative' order by sort_key limit 1`.execute(server.db);
    borrower = rows[0]?.name ?? '';
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('goes from the application to the first repayment, each step by the person whose job it is', async () => {
    const officer = await openPage(browser, server.url);
    await logIn(officer.page, 'tindung', E2E_PASSWORD);
    await officer.page.goto('/finance/loans');
    await officer.page.getByRole('link', { name: 'Lập hồ sơ vay' }).click();
    await choose(officer.page, 'Tổ chức vay', borrower.slice(0, 12), new RegExp(borrower));
    await officer.page.getByLabel('Số tiền đề nghị vay').fill('100000000');
    await officer.page.getByLabel('Thời hạn (tháng)').fill('12');
    await officer.page.getByLabel('Mục đích sử dụng vốn').fill('Mua máy sấy nông sản cho thành viên');
    await keepScreenshot(officer.page, 'finance-01-application');
    await officer.page.getByRole('button', { name: 'Lưu hồ sơ vay' }).click();
    await officer.page.getByRole('heading', { name: borrower }).waitFor();
    await officer.page.getByText('Đã nộp hồ sơ').first().waitFor();

    // The scanned application goes with the file, and comes back as it went in.
    const chooser = officer.page.waitForEvent('filechooser');
    await officer.page.getByRole('button', { name: 'Thêm tệp' }).click();
    await (await chooser).setFiles({ name: 'Đơn đề nghị vay.pdf', mimeType: 'application/pdf', buffer: samplePdf });
    const paper = officer.page.getByRole('link', { name: 'Đơn đề nghị vay.pdf' });
    await paper.waitFor();
    const download = officer.page.waitForEvent('download');
    await paper.click();
    const saved = await (await download).path();
    expect(fs.readFileSync(saved).equals(samplePdf)).toBe(true);

    await takeStep(
      officer.page,
      'Thẩm định',
      (dialog) => dialog.getByLabel('Ý kiến thẩm định').fill('Phương án khả thi, dòng tiền đủ trả nợ'),
      'Lưu thẩm định',
    );
    await officer.page.getByText('Đã thẩm định').first().waitFor();
    // The officer who appraised does not decide: there is no button for it.
    expect(await officer.page.getByRole('button', { name: 'Phê duyệt / từ chối' }).count()).toBe(0);
    const loanUrl = officer.page.url();

    const leader = await openPage(browser, server.url);
    await logIn(leader.page, 'lanhdao', E2E_PASSWORD);
    await leader.page.goto(loanUrl);
    await takeStep(leader.page, 'Phê duyệt / từ chối', (dialog) => dialog.getByLabel('Số quyết định').fill('15/QĐ-QHT'), 'Ghi quyết định');
    await leader.page.getByText('Đã phê duyệt').first().waitFor();
    await keepScreenshot(leader.page, 'finance-02-approved');
    await leader.context.close();

    await officer.page.reload();
    await takeStep(officer.page, 'Ký hợp đồng', (dialog) => dialog.getByLabel('Số hợp đồng').fill('07/HĐTD-QHT'), 'Ghi hợp đồng');
    await takeStep(officer.page, 'Giải ngân', async () => undefined, 'Giải ngân');
    await officer.page.getByText('Đang cho vay').first().waitFor();
    await officer.page.getByRole('tab', { name: 'Tình trạng nợ' }).click();
    await officer.page.getByText('100.000.000 đ').first().waitFor();

    // Paid on the day of the disbursement: no interest yet, all of it goes to principal.
    await takeStep(officer.page, 'Thu nợ', (dialog) => dialog.getByLabel('Số tiền').fill('5000000'), 'Ghi khoản thu');
    await officer.page.getByText('95.000.000 đ').first().waitFor();
    await keepScreenshot(officer.page, 'finance-03-state');
    await officer.page.getByRole('tab', { name: 'Lịch trả nợ' }).click();
    await officer.page.getByRole('table', { name: 'Lịch trả nợ' }).waitFor();
    expect(await officer.page.getByRole('table', { name: 'Lịch trả nợ' }).getByRole('row').count()).toBe(13);
    await officer.page.getByRole('tab', { name: 'Giải ngân và thu nợ' }).click();
    await officer.page.getByRole('table', { name: 'Thu nợ' }).getByText('Gốc: 5.000.000 đ').waitFor();
    await keepScreenshot(officer.page, 'finance-04-payments');
    const [statement] = await Promise.all([
      officer.page.waitForEvent('download'),
      officer.page.getByRole('link', { name: 'Tải sao kê (Excel)' }).click(),
    ]);
    expect(statement.suggestedFilename()).toMatch(/^sao-ke-07.*\.xlsx$/);
    await officer.context.close();
  });

  it('lets a department read the loans but take no step, also on a phone', async () => {
    const { context, page } = await openPage(browser, server.url, { width: 375, height: 812 });
    await logIn(page, 'sotaichinh', E2E_PASSWORD);
    await page.goto('/finance/loans');
    await page.getByRole('link', { name: borrower }).first().click();
    await page.getByRole('heading', { name: borrower }).waitFor();
    await page.getByText('Đang cho vay').first().waitFor();
    for (const button of ['Thu nợ', 'Giải ngân', 'Gia hạn, điều chỉnh', 'Tất toán']) {
      expect(await page.getByRole('button', { name: button, exact: true }).count(), button).toBe(0);
    }
    // The department reads the file's papers, and may neither add nor remove one.
    await page.getByRole('tab', { name: 'Hồ sơ vay' }).click();
    await page.getByRole('link', { name: 'Đơn đề nghị vay.pdf' }).waitFor();
    expect(await page.getByRole('button', { name: 'Thêm tệp' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Gỡ tệp/ }).count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await keepScreenshot(page, 'finance-05-viewer-phone');
    await context.close();
  });
});
