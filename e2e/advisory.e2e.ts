import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, openPage } from './support/browser.ts';
import { E2E_PASSWORD, type HoptacServer, startHoptac } from './support/hoptac-server.ts';
import { choose, logIn } from './support/pages.ts';

const vietnamToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const year = Number(vietnamToday.slice(0, 4));
const shown = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const groupName = 'Hợp tác xã Rau an toàn Tân Tiến';

async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Takes the case to the next stage through its button and the dialog it opens. */
async function moveTo(page: Page, button: string, stage: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(stage, { exact: true }).first().waitFor();
}

describe('an officer helps a group found a cooperative', () => {
  let server: HoptacServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startHoptac({ demoCount: 20 });
    await server.createUser('tuvan', 'staff');
    await server.createUser('sonongnghiep', 'viewer');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a founding case, logs work, attaches a file, registers the cooperative and sees it counted', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'tuvan', E2E_PASSWORD);
    const before = (await (await page.request.get(`/api/v1/advisory-cases/founded-stats?year=${year}`)).json()) as {
      thisYear: { total: number };
    };

    await page.getByRole('link', { name: 'Tư vấn & thành lập HTX' }).first().click();
    await page.getByRole('heading', { name: 'Tư vấn & thành lập HTX' }).waitFor();
    await page.getByRole('link', { name: 'Mở hồ sơ mới' }).click();
    await page.getByRole('heading', { name: 'Mở hồ sơ tư vấn' }).waitFor();

    // Without the group's details the server says what is missing, field by field.
    await page.getByRole('button', { name: 'Mở hồ sơ', exact: true }).click();
    await page.getByRole('alert').first().waitFor();
    await keepScreenshot(page, 'advisory-01-create-errors');

    await page.getByLabel('Tên dự kiến của HTX').fill(groupName);
    await choose(page, 'Xã, phường của nhóm sáng lập', 'tan tien', /Phường Tân Tiến/);
    await page.getByLabel('Người liên hệ').fill('Trần Thị Bình');
    await page.getByLabel('Số điện thoại liên hệ').fill('0912 111 222');
    await choose(page, 'Ngành dự kiến', '', 'Nông nghiệp');
    await page.getByLabel('Số thành viên sáng lập').fill('9');
    await keepScreenshot(page, 'advisory-02-create');
    await page.getByRole('button', { name: 'Mở hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: groupName }).waitFor();
    await page.getByText('Tiếp nhận', { exact: true }).first().waitFor();

    await page.getByRole('tab', { name: 'Nhật ký tư vấn' }).click();
    await page.getByRole('button', { name: 'Ghi nhật ký' }).click();
    const log = page.getByRole('dialog');
    await log.getByLabel('Nội dung công việc').fill('Họp nhóm sáng lập, hướng dẫn xây dựng điều lệ');
    await log.getByLabel('Số giờ').fill('1,5');
    await log.getByRole('button', { name: 'Lưu' }).click();
    await log.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Họp nhóm sáng lập, hướng dẫn xây dựng điều lệ' }).waitFor();
    await page.getByText('Tổng cộng 1,5 giờ').waitFor();

    await page.getByRole('tab', { name: 'Tệp đính kèm' }).click();
    const fileInput = page.locator('input[type="file"]');
    // A text file named .pdf is refused with the server's words.
    await fileInput.setInputFiles({ name: 'dieu-le.pdf', mimeType: 'application/pdf', buffer: Buffer.from('không phải PDF') });
    await page.getByRole('alert').getByText('Chỉ nhận tệp PDF, Word (.docx), JPEG hoặc PNG').waitFor();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await fileInput.setInputFiles({ name: 'du-thao-dieu-le.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('link', { name: 'du-thao-dieu-le.pdf' }).waitFor();
    await keepScreenshot(page, 'advisory-03-attachments');

    // A colleague saves the case while the officer edits it: nothing is overwritten.
    await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const current = (await (await page.request.get(`/api/v1/advisory-cases/${caseId}`)).json()) as { version: number };
    const meanwhile = await page.request.patch(`/api/v1/advisory-cases/${caseId}`, {
      headers: { 'X-CSRF-Token': session.csrfToken },
      data: { version: current.version, description: 'Nhóm hẹn họp lần hai vào tuần sau' },
    });
    expect(meanwhile.status()).toBe(200);
    const editing = page.getByRole('dialog');
    await editing.getByLabel('Số thành viên sáng lập').fill('11');
    await editing.getByRole('button', { name: 'Lưu' }).click();
    await editing.getByText('Người khác đã lưu thay đổi trước bạn').waitFor();
    await expect.poll(() => editing.getByLabel('Ghi chú').inputValue()).toBe('Nhóm hẹn họp lần hai vào tuần sau');
    await editing.getByLabel('Số thành viên sáng lập').fill('11');
    await editing.getByRole('button', { name: 'Lưu' }).click();
    await editing.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Thông tin' }).click();
    await page.getByRole('cell', { name: '11', exact: true }).waitFor();

    // The first move from the board, as an officer going through the week's cases does.
    await page.goto('/advisory?view=board');
    await page
      .getByRole('region', { name: 'Tiếp nhận' })
      .getByRole('button', { name: `Chuyển giai đoạn hồ sơ ${groupName}` })
      .click();
    await page.getByRole('menuitem', { name: 'Chuyển sang: Chuẩn bị hồ sơ' }).click();
    const fromBoard = page.getByRole('dialog');
    await fromBoard.getByRole('button', { name: 'Chuyển sang: Chuẩn bị hồ sơ', exact: true }).click();
    await fromBoard.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Chuẩn bị hồ sơ' }).getByRole('link', { name: groupName }).waitFor();
    expect(await page.getByRole('region', { name: 'Tiếp nhận' }).getByRole('link', { name: groupName }).count()).toBe(0);
    await keepScreenshot(page, 'advisory-03b-board-move');
    await page.getByRole('region', { name: 'Chuẩn bị hồ sơ' }).getByRole('link', { name: groupName }).click();
    await page.getByRole('heading', { name: groupName }).waitFor();
    await moveTo(page, 'Chuyển sang: Đã nộp hồ sơ', 'Đã nộp hồ sơ');

    await page.getByRole('button', { name: 'Đăng ký thành lập' }).click();
    const registration = page.getByRole('dialog');
    await expect.poll(() => registration.getByLabel('Tên tổ chức đã đăng ký').inputValue()).toBe(groupName);
    await registration.getByLabel('Cơ quan cấp đăng ký').fill('Sở Tài chính tỉnh Bắc Ninh');
    await keepScreenshot(page, 'advisory-04-register');
    await registration.getByRole('button', { name: 'Ghi nhận đăng ký' }).click();
    await registration.waitFor({ state: 'detached' });
    await page.getByText(`${groupName} được thành lập với sự hỗ trợ của Liên minh, đăng ký ngày ${shown(vietnamToday)}.`).waitFor();
    await keepScreenshot(page, 'advisory-05-registered');
    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    await page.getByRole('cell', { name: 'Đã nộp hồ sơ', exact: true }).first().waitFor();
    // Places read as names, not as codes.
    await page.getByRole('cell', { name: 'Phường Tân Tiến', exact: true }).first().waitFor();
    expect(await page.getByRole('cell', { name: '07699', exact: true }).count()).toBe(0);
    await keepScreenshot(page, 'advisory-05b-history');

    await page.getByRole('link', { name: 'Xem hồ sơ tổ chức', exact: true }).click();
    await page.getByRole('heading', { name: groupName }).waitFor();
    await page.getByText(`Tổ chức được thành lập với sự hỗ trợ của Liên minh, đăng ký ngày ${shown(vietnamToday)}.`).waitFor();
    await page.getByRole('link', { name: `Tư vấn thành lập ${groupName}` }).waitFor();
    await keepScreenshot(page, 'advisory-06-organization');

    await page.goto('/advisory?view=board');
    await page.getByRole('region', { name: 'Đã đăng ký' }).getByRole('link', { name: groupName }).waitFor();
    expect(await seriousViolations(page), '/advisory?view=board').toEqual([]);
    await keepScreenshot(page, 'advisory-07-board');

    await page.getByRole('link', { name: 'Báo cáo tư vấn, thành lập' }).click();
    await page.getByRole('heading', { name: 'Báo cáo tư vấn, thành lập' }).waitFor();
    const foundedThisYear = page.getByText(`Thành lập năm ${year}`, { exact: true }).locator('..');
    await foundedThisYear.getByText(String(before.thisYear.total + 1), { exact: true }).waitFor();
    expect(await seriousViolations(page), '/advisory/reports').toEqual([]);
    await keepScreenshot(page, 'advisory-08-reports');
    const yearExport = page.waitForEvent('download');
    await page.getByRole('link', { name: `Xuất Excel hồ sơ tiếp nhận năm ${year}` }).click();
    expect((await yearExport).suggestedFilename()).toMatch(/\.xlsx$/);
    // The report as the Alliance sends it on: the same count as the page, in Excel.
    const reportExport = page.waitForEvent('download');
    await page.getByRole('link', { name: `Xuất Excel báo cáo năm ${year}` }).click();
    const report = await reportExport;
    expect(report.suggestedFilename()).toBe(`bao-cao-tu-van-thanh-lap-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await report.path()) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('Tổng hợp');
    expect(summary?.getRow(3).getCell(1).value).toBe(`Tổ chức thành lập với sự hỗ trợ của Liên minh, năm ${year}`);
    expect(summary?.getRow(3).getCell(2).value).toBe(before.thisYear.total + 1);

    await page.goto('/advisory');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Xuất Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await context.close();
  });

  it('shows a viewer the cases without the button to open one, also on a phone', async () => {
    const phone = await openPage(browser, server.url, { width: 375, height: 800 });
    await logIn(phone.page, 'sonongnghiep', E2E_PASSWORD);
    await phone.page.goto('/advisory');
    await phone.page.getByRole('link', { name: groupName }).waitFor();
    expect(await phone.page.getByRole('link', { name: 'Mở hồ sơ mới' }).count()).toBe(0);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await keepScreenshot(phone.page, 'advisory-09-phone-list');
    await phone.page.getByRole('link', { name: groupName }).click();
    await phone.page.getByRole('heading', { name: groupName }).waitFor();
    expect(await phone.page.getByRole('button', { name: /Chuyển sang|Dừng hồ sơ|Sửa hồ sơ/ }).count()).toBe(0);
    await phone.page.getByText('(ẩn với tài khoản chỉ xem)').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await keepScreenshot(phone.page, 'advisory-10-phone-case');
    await phone.page.goto('/advisory/reports');
    await phone.page.getByRole('heading', { name: 'Báo cáo tư vấn, thành lập' }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await keepScreenshot(phone.page, 'advisory-11-phone-reports');
    await phone.context.close();
  });
});
