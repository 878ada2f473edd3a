import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, openPage } from './support/browser.ts';
import { E2E_PASSWORD, type HoptacServer, startHoptac } from './support/hoptac-server.ts';
import { choose, logIn } from './support/pages.ts';

const vietnamToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const year = Number(vietnamToday.slice(0, 4));
const yesterday = new Date(Date.parse(vietnamToday) - 86_400_000).toISOString().slice(0, 10);
const shown = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

async function openMembers(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Thành viên Liên minh' }).first().click();
  await page.getByRole('heading', { name: 'Thành viên Liên minh' }).waitFor();
}

async function admit(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Kết nạp thành viên' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, 'Đơn vị', name, new RegExp(name));
  await dialog.getByLabel('Ngày gia nhập').fill(`01/01/${year}`);
  await dialog.getByLabel('Ngày gia nhập').press('Tab');
  await keepScreenshot(page, 'membership-01-admit');
  await dialog.getByRole('button', { name: 'Kết nạp', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('link', { name }).first().waitFor();
}

/** Serious and critical axe findings on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('an Alliance officer keeps the members and their dues', () => {
  let server: HoptacServer;
  let browser: Browser;
  let cooperativeName = '';
  let otherCooperativeName = '';

  beforeAll(async () => {
    server = await startHoptac({ demoCount: 40 });
    await server.createUser('chuyenvien', 'staff');
    await server.createUser('lanhdao', 'viewer');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admits a cooperative, assesses the dues, records payments, records its leaving and exports the list', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'chuyenvien', E2E_PASSWORD);
    const found = await page.request.get('/api/v1/organizations?kind=cooperative&pageSize=2');
    [cooperativeName = '', otherCooperativeName = ''] = ((await found.json()) as { items: { name: string }[] }).items.map(
      (item) => item.name,
    );
    expect(otherCooperativeName).not.toBe('');

    await openMembers(page);
    await admit(page, otherCooperativeName);
    await admit(page, cooperativeName);
    await page.getByText('Thành viên chính thức').first().waitFor();
    expect(await seriousViolations(page), '/members').toEqual([]);
    await keepScreenshot(page, 'membership-02-list');

    // Someone else changes the membership while the officer edits it: nothing is overwritten.
    await page.getByRole('button', { name: `Sửa thông tin thành viên ${cooperativeName}` }).click();
    const session = (await (await page.request.get('/api/v1/session')).json()) as { csrfToken: string };
    const [membership] = (
      (await (await page.request.get(`/api/v1/memberships?q=${encodeURIComponent(cooperativeName)}`)).json()) as {
        items: { id: string; version: number }[];
      }
    ).items;
    const meanwhile = await page.request.patch(`/api/v1/memberships/${membership?.id}`, {
      headers: { 'X-CSRF-Token': session.csrfToken },
      data: { version: membership?.version, notes: 'Sửa từ máy khác' },
    });
    expect(meanwhile.status()).toBe(200);
    await page.getByRole('dialog').getByLabel('Số quyết định kết nạp').fill('15/QĐ-LMHTX');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').getByText('Người khác đã lưu thay đổi trước bạn').waitFor();
    // The form now shows what the other person saved.
    await expect.poll(() => page.getByRole('dialog').getByLabel('Ghi chú').inputValue()).toBe('Sửa từ máy khác');
    await page.getByRole('dialog').getByLabel('Số quyết định kết nạp').fill('15/QĐ-LMHTX');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // Admitting it again for an overlapping period is refused with the server's words.
    await page.getByRole('button', { name: 'Kết nạp thành viên' }).click();
    await choose(page, 'Đơn vị', cooperativeName, new RegExp(cooperativeName));
    await page.getByRole('dialog').getByRole('button', { name: 'Kết nạp', exact: true }).click();
    await page.getByRole('alert').getByText('đã là thành viên Liên minh trong khoảng thời gian này').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();

    await page.getByRole('link', { name: 'Hội phí' }).first().click();
    await page.getByRole('heading', { name: `Hội phí năm ${year}` }).waitFor();
    await page.getByRole('button', { name: `Tính hội phí năm ${year}` }).click();
    await page.getByRole('dialog').getByLabel('Hợp tác xã', { exact: true }).fill('1000000');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('Sẽ lập hội phí như sau').waitFor();
    await keepScreenshot(page, 'membership-03-assess');
    await page.getByRole('button', { name: 'Xác nhận tính hội phí' }).click();

    await page.getByText(`Đã lập hội phí năm ${year} cho 2 đơn vị`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).last().click();
    await page.getByLabel('Chỉ hiện đơn vị còn nợ').check();
    await page.waitForURL((url) => url.searchParams.get('behind') === 'true');
    await page.getByRole('link', { name: cooperativeName }).waitFor();
    await keepScreenshot(page, 'membership-04-behind');

    await page.getByRole('button', { name: `Ghi nhận nộp hội phí năm ${year} của ${cooperativeName}` }).click();
    await page.getByRole('dialog').getByLabel('Tổng số đã nộp trong năm').fill('400000');
    await page.getByRole('dialog').getByLabel('Số biên lai').fill(`BL-${year}-017`);
    await keepScreenshot(page, 'membership-05-payment');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(`còn nợ 600.000 đ`).waitFor();
    await page.getByRole('cell', { name: '600.000 đ' }).first().waitFor();

    await page.getByRole('button', { name: `Ghi nhận nộp hội phí năm ${year} của ${cooperativeName}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp đủ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(`đã nộp đủ hội phí năm ${year}`).waitFor();
    await page.getByRole('link', { name: cooperativeName }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: otherCooperativeName }).waitFor();

    // The same receipt number cannot be used twice in a year.
    await page.getByRole('button', { name: `Ghi nhận nộp hội phí năm ${year} của ${otherCooperativeName}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nộp đủ' }).click();
    await page.getByRole('dialog').getByLabel('Số biên lai').fill(`BL-${year}-017`);
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('dialog').getByText(`Biên lai số BL-${year}-017 năm ${year} đã được ghi`).waitFor();
    await page.getByRole('dialog').getByText('Số biên lai đã dùng trong năm').waitFor();
    await keepScreenshot(page, 'membership-05b-duplicate-receipt');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    expect(await seriousViolations(page), '/members/dues?behind=true').toEqual([]);

    await page.getByLabel('Chỉ hiện đơn vị còn nợ').uncheck();
    await page.getByRole('cell', { name: `BL-${year}-017` }).waitFor();
    await page.getByText('Đã nộp đủ').first().waitFor();
    await keepScreenshot(page, 'membership-06-dues');

    // It leaves the Alliance: yesterday was its last day.
    await page.getByRole('link', { name: cooperativeName }).first().click();
    await page.getByRole('tab', { name: 'Thành viên Liên minh' }).click();
    await page.getByText('Đang là thành viên Liên minh').waitFor();
    await page.getByRole('button', { name: 'Ra khỏi Liên minh' }).click();
    const leaving = page.getByRole('dialog');
    await leaving.getByLabel('Ngày ra khỏi Liên minh').fill(shown(yesterday));
    await leaving.getByLabel('Ngày ra khỏi Liên minh').press('Tab');
    await leaving.getByRole('button', { name: 'Ghi nhận ra khỏi' }).click();
    await leaving.getByText('Hãy ghi lý do ra khỏi Liên minh').waitFor();
    await leaving.getByLabel('Lý do ra khỏi').fill('Hợp tác xã tạm ngừng hoạt động, xin ra khỏi Liên minh');
    await leaving.getByRole('button', { name: 'Ghi nhận ra khỏi' }).click();
    await leaving.waitFor({ state: 'detached' });
    await page.getByText('Hiện không là thành viên Liên minh').waitFor();
    await page.getByText(`Thành viên từ 01/01/${year} đến ${shown(yesterday)}`).waitFor();
    await keepScreenshot(page, 'membership-07-tab');

    await openMembers(page);
    await page.getByRole('link', { name: cooperativeName }).first().waitFor();
    await choose(page, 'Hiện trạng', '', 'Đang là thành viên');
    await page.waitForURL((url) => url.searchParams.get('state') === 'current');
    await page.getByRole('link', { name: cooperativeName }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: otherCooperativeName }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Xuất Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await context.close();
  });

  it('shows a viewer the members and dues without buttons to change them, also on a phone', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'lanhdao', E2E_PASSWORD);
    await openMembers(page);
    await page.getByRole('link', { name: cooperativeName }).first().waitFor();
    // This year's dues show beside each member.
    await page
      .getByRole('row', { name: new RegExp(cooperativeName) })
      .getByText('Đã nộp đủ')
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(otherCooperativeName) })
      .getByText('Chưa nộp')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Kết nạp thành viên' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Ra khỏi/ }).count()).toBe(0);
    await page.goto(`/members/dues?year=${year}`);
    await page.getByRole('cell', { name: `BL-${year}-017` }).waitFor();
    expect(await page.getByRole('button', { name: /Tính hội phí/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Ghi nhận nộp/ }).count()).toBe(0);
    await page.getByRole('link', { name: cooperativeName }).first().click();
    await page.getByRole('tab', { name: 'Thành viên Liên minh' }).click();
    await page.getByText('Lý do ra khỏi: Hợp tác xã tạm ngừng hoạt động').waitFor();
    expect(await page.getByRole('button', { name: /Kết nạp|Ghi nhận|Sửa/ }).count()).toBe(0);
    await context.close();

    const phone = await openPage(browser, server.url, { width: 375, height: 800 });
    await logIn(phone.page, 'lanhdao', E2E_PASSWORD);
    await phone.page.goto('/members');
    await phone.page.getByRole('heading', { name: 'Thành viên Liên minh' }).waitFor();
    await phone.page.getByRole('link', { name: cooperativeName }).first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(phone.page), 'phone /members').toEqual([]);
    await keepScreenshot(phone.page, 'membership-08-phone-members');
    await phone.page.goto(`/members/dues?year=${year}`);
    await phone.page.getByRole('link', { name: cooperativeName }).first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await keepScreenshot(phone.page, 'membership-09-phone-dues');
    await phone.page.getByRole('link', { name: cooperativeName }).first().click();
    await phone.page.getByRole('tab', { name: 'Thành viên Liên minh' }).click();
    await phone.page.getByText('Hiện không là thành viên Liên minh').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await keepScreenshot(phone.page, 'membership-10-phone-tab');
    await phone.context.close();
  });
});
