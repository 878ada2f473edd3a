import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fund, Loan } from '../contracts/finance.ts';
import { createAuthenticationService } from '../server/modules/access/authentication.service.ts';
import { createCredentialRepository } from '../server/modules/access/credential.repository.ts';
import { createUserRepository } from '../server/modules/access/user.repository.ts';
import { todayInVietnam } from '../server/modules/finance/loan-calendar.rules.ts';
import { systemClock } from '../server/platform/clock.ts';
import { buildFund, buildLoan } from '../server/testing/finance-factories.ts';
import { keepScreenshot, launchBrowser, openPage } from './support/browser.ts';
import { E2E_PASSWORD, type HoptacServer, startHoptac } from './support/hoptac-server.ts';
import { choose, logIn } from './support/pages.ts';

/** An API token for a user, so the journey's givens go through the same rules as the pages. */
async function apiHeaders(server: HoptacServer, username: string): Promise<Record<string, string>> {
  const users = createUserRepository(server.db);
  const user = await users.findCredentials(username);
  if (!user) throw new Error(`no user ${username}`);
  const authentication = createAuthenticationService({
    users,
    credentials: createCredentialRepository(server.db),
    clock: systemClock,
    sessionDays: 1,
  });
  return { authorization: `Bearer ${await authentication.createApiToken(user.id, 'e2e')}` };
}

describe('the support fund’s reports: portfolio, funds and bank referrals', () => {
  let server: HoptacServer;
  let browser: Browser;
  let borrower: string;
  let staff: Record<string, string>;
  const today = todayInVietnam(new Date());

  beforeAll(async () => {
    server = await startHoptac({ demoCount: 30 });
    await server.createUser('tindung', 'staff');
    await server.createUser('lanhdao', 'leader');
    staff = await apiHeaders(server, 'tindung');
    const leader = await apiHeaders(server, 'lanhdao');
    const call = async <T>(headers: Record<string, string>, url: string, payload: object): Promise<T> => {
      const response = await fetch(`${server.url}/api/v1${url}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`${url}: ${response.status} ${body}`);
      const parsed = JSON.parse(body) as T | { loan: T };
      return typeof parsed === 'object' && parsed !== null && 'loan' in parsed ? parsed.loan : (parsed as T);
    };
    const { rows } = await sql<{
      id: string;
      name: string;
    }>`select id, name from organizations where kind = 'cooperative' order by sort_key limit 1`.execute(server.db);
    borrower = rows[0]?.name ?? '';
    // Given: the province's fund and one loan of 100,000,000 đ disbursed today, 5,000,000 đ repaid the same day.
    const fund = await call<Fund>(staff, '/funds', buildFund());
    let loan = await call<Loan>(staff, '/loans', buildLoan(rows[0]?.id ?? '', fund.id, { appliedOn: today }));
    loan = await call<Loan>(staff, `/loans/${loan.id}/appraisal`, {
      version: loan.version,
      findings: 'Phương án khả thi',
      recommendation: 'approve',
      appraisedOn: today,
    });
    loan = await call<Loan>(leader, `/loans/${loan.id}/decision`, {
      version: loan.version,
      outcome: 'approved',
      decisionNumber: '21/QĐ-QHT',
      decidedOn: today,
    });
    loan = await call<Loan>(staff, `/loans/${loan.id}/contract`, { version: loan.version, contractNumber: '09/HĐTD-QHT', signedOn: today });
    loan = await call<Loan>(staff, `/loans/${loan.id}/disbursements`, { version: loan.version, disbursedOn: today, amount: 100_000_000 });
    await call<Loan>(staff, `/loans/${loan.id}/repayments`, { version: loan.version, paidOn: today, amount: 5_000_000 });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows what is owed on the portfolio page and in its Excel workbook', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'lanhdao', E2E_PASSWORD);
    await page.getByRole('link', { name: 'Quỹ hỗ trợ phát triển HTX' }).first().click();
    await page.getByRole('heading', { name: 'Tổng quan danh mục cho vay' }).waitFor();
    await page.getByRole('table', { name: 'Dư nợ theo quỹ' }).getByText('95.000.000 đ').waitFor();
    // The first card: the outstanding principal of every fund, to the đồng.
    await page.getByText('Dư nợ gốc', { exact: true }).first().locator('..').getByText('95.000.000 đ').waitFor();
    await page.getByRole('table', { name: 'Thu nợ theo tháng' }).getByText('5.000.000 đ').first().waitFor();
    await keepScreenshot(page, 'finance-reports-01-portfolio');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`du-no-quy-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Dư nợ');
    // Row 1: the title; row 2: the headers; row 3: the loan, its outstanding principal in column 10.
    expect(sheet?.getRow(3).getCell(2).value).toBe(borrower);
    expect(sheet?.getRow(3).getCell(10).value).toBe(95_000_000);

    // A date before the loan: nothing was owed; the date lives in the address.
    await page.goto('/finance?asOf=2024-01-01');
    await page.getByText('Dư nợ của Quỹ đến ngày 01/01/2024').waitFor();
    await page.getByText('Dư nợ gốc', { exact: true }).first().locator('..').getByText('0 đ', { exact: true }).waitFor();
    expect(await page.getByText('95.000.000 đ').count()).toBe(0);

    // Two months on with nothing more paid, the loan is late: it heads the list of whom to call.
    const later = new Date(`${today}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 62);
    await page.goto(`/finance?asOf=${later.toISOString().slice(0, 10)}`);
    const overdue = page.getByRole('table', { name: 'Khoản vay quá hạn (1)' });
    await overdue.getByRole('link', { name: borrower }).waitFor();
    await overdue.getByRole('cell', { name: /^\d+ ngày · nhóm \d$/ }).waitFor();
    await context.close();
  });

  it('opens a fund that shows its balance, beside the one lent from', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'tindung', E2E_PASSWORD);
    await page.goto('/finance');
    await page.getByRole('navigation', { name: 'Các trang của Quỹ' }).getByRole('link', { name: 'Quỹ', exact: true }).click();
    await page.getByRole('heading', { name: 'Quỹ và nguồn vốn' }).waitFor();
    const lentFrom = page.getByRole('row').filter({ hasText: 'Quỹ hỗ trợ phát triển HTX tỉnh Bắc Ninh' });
    await lentFrom.getByText('9.905.000.000 đ').waitFor();

    await page.getByRole('button', { name: 'Thêm quỹ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên quỹ').fill('Quỹ hỗ trợ HTX nông nghiệp công nghệ cao');
    await dialog.getByLabel('Vốn của quỹ').fill('2500000000');
    await dialog.getByLabel('Lãi suất cho vay (%/năm)').fill('4,8');
    // Without the largest loan the fund is refused, and that field of its rules says so.
    await dialog.getByRole('button', { name: 'Lưu quỹ' }).click();
    await expect.poll(() => dialog.getByLabel('Mức cho vay tối đa').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Mức cho vay tối đa').fill('500000000');
    await dialog.getByRole('button', { name: 'Lưu quỹ' }).click();
    await dialog.waitFor({ state: 'detached' });
    const opened = page.getByRole('row').filter({ hasText: 'Quỹ hỗ trợ HTX nông nghiệp công nghệ cao' });
    await opened.getByText('2.500.000.000 đ').first().waitFor();
    expect(await opened.getByText('2.500.000.000 đ').count()).toBe(2);
    await opened.getByText('4,8%/năm').waitFor();

    await page.getByRole('button', { name: 'Quy định: Quỹ hỗ trợ HTX nông nghiệp công nghệ cao' }).click();
    await page.getByRole('dialog').getByText('Đang áp dụng').waitFor();
    await page.getByRole('dialog').getByText('500.000.000 đ').waitFor();
    // A new version of the rules, from the first of next month: the one in force stays in force until then.
    await page.getByRole('button', { name: 'Thêm quy định mới' }).click();
    await page.getByRole('dialog').getByLabel('Lãi suất cho vay (%/năm)').fill('5,2');
    await page.getByRole('button', { name: 'Lưu quy định' }).click();
    await page.getByRole('dialog').getByText('Sắp áp dụng').waitFor();
    await page.getByRole('dialog').getByText('5,2%/năm').waitFor();
    await page.getByRole('dialog').getByText('Đang áp dụng').waitFor();
    await keepScreenshot(page, 'finance-reports-02-fund-rules');
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // Someone else changes the capital while the form is open: the save is refused, the form shows theirs.
    await page.getByRole('button', { name: 'Sửa: Quỹ hỗ trợ HTX nông nghiệp công nghệ cao' }).click();
    const listed = (await (await fetch(`${server.url}/api/v1/funds`, { headers: staff })).json()) as Fund[];
    const fund = listed.find((each) => each.name === 'Quỹ hỗ trợ HTX nông nghiệp công nghệ cao');
    const elsewhere = await fetch(`${server.url}/api/v1/funds/${fund?.id}`, {
      method: 'PATCH',
      headers: { ...staff, 'content-type': 'application/json' },
      body: JSON.stringify({ version: fund?.version, capital: 2_600_000_000 }),
    });
    expect(elsewhere.status).toBe(200);
    const editing = page.getByRole('dialog');
    await editing.getByLabel('Vốn của quỹ').fill('3000000000');
    await editing.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await editing.getByText('Người khác vừa sửa quỹ này trước bạn').waitFor();
    // The fund is read again in the background; the form then holds the other user's figure.
    await expect.poll(() => editing.getByLabel('Vốn của quỹ').inputValue()).toBe('2.600.000.000');
    await editing.getByLabel('Vốn của quỹ').fill('3000000000');
    await editing.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await editing.waitFor({ state: 'detached' });
    await opened.getByText('3.000.000.000 đ').first().waitFor();
    await context.close();
  });

  it('records a referral to a bank, its approval, and counts it in its year', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'tindung', E2E_PASSWORD);
    await page.goto('/finance/bank-referrals');
    await page.getByRole('heading', { name: 'Giới thiệu vay vốn ngân hàng' }).waitFor();
    await page.getByRole('button', { name: 'Ghi hồ sơ giới thiệu' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Tổ chức được giới thiệu', borrower.slice(0, 12), new RegExp(borrower));
    await dialog.getByLabel('Số tiền đề nghị vay').fill('300000000');
    await dialog.getByLabel('Mục đích vay').fill('Vốn lưu động mua phân bón vụ đông');
    await dialog.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: borrower });
    await row.getByText('Chờ ngân hàng trả lời').waitFor();

    await page.getByRole('button', { name: `Cập nhật kết quả: ${borrower}` }).click();
    // The list's own "Kết quả" filter sits behind the dialog: pick in the dialog.
    await page.getByRole('dialog').getByLabel('Kết quả', { exact: true }).click();
    await page.getByRole('option', { name: 'Được cho vay' }).click();
    await page.getByRole('dialog').getByLabel('Số tiền được vay').fill('250000000');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu kết quả' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByText('Được cho vay').waitFor();
    await row.getByText('250.000.000 đ').waitFor();

    const year = today.slice(0, 4);
    const counts = page.getByRole('table', { name: 'Tổng hợp theo năm' }).getByRole('row').filter({ hasText: year });
    await counts.getByText('250.000.000 đ').waitFor();
    expect(await counts.getByRole('cell').allTextContents()).toEqual([year, '1', '1', '0', '0', '300.000.000 đ', '250.000.000 đ']);

    // Filters live in the address: another year shows nothing, this one the referral.
    await page.goto(`/finance/bank-referrals?year=${Number(year) - 5}`);
    await page.getByText('Chưa có hồ sơ giới thiệu nào').waitFor();
    await page.goto(`/finance/bank-referrals?year=${year}&status=approved&bank=agribank`);
    await page.getByRole('table', { name: 'Giới thiệu vay vốn ngân hàng' }).getByText(borrower).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    // The same filters: one referral under the title and the headers.
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(3).getCell(2).value).toBe(borrower);
    expect(sheet?.getRow(3).getCell(8).value).toBe(250_000_000);
    await keepScreenshot(page, 'finance-reports-03-referrals');
    await context.close();
  });

  it('has no serious accessibility problem with figures in it, and fits a phone', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 812 },
    ]) {
      const { context, page } = await openPage(browser, server.url, viewport);
      await logIn(page, 'tindung', E2E_PASSWORD);
      for (const path of ['/finance', '/finance/funds', '/finance/bank-referrals']) {
        await page.goto(path);
        await page.getByRole('heading').first().waitFor();
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        expect(
          serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(' | ')}`),
          `${path} at ${viewport.width}`,
        ).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${viewport.width}`).toBeLessThanOrEqual(1);
        if (viewport.width < 400) await keepScreenshot(page, `finance-reports-phone${path.replaceAll('/', '-')}`);
      }
      await context.close();
    }
  });
});
