import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, openPage } from './support/browser.ts';
import { E2E_PASSWORD, type HoptacServer, startHoptac } from './support/hoptac-server.ts';
import { choose, expectRowVisible, logIn, searchOrganizations } from './support/pages.ts';

describe('an Alliance officer keeps the registry', () => {
  let server: HoptacServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startHoptac({ demoCount: 60 });
    await server.createUser('chuyenvien', 'staff');
    await server.createUser('sokhdt', 'viewer');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in, registers a cooperative, finds it without diacritics, edits it and sees its history', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'chuyenvien', E2E_PASSWORD);
    await keepScreenshot(page, 'registry-01-dashboard');

    await page.getByRole('link', { name: 'Hợp tác xã & tổ chức' }).first().click();
    await page
      .getByRole('button', { name: 'Thêm mới' })
      .or(page.getByRole('link', { name: 'Thêm mới' }))
      .first()
      .click();
    await choose(page, 'Loại hình', 'Hợp', 'Hợp tác xã');
    await page.getByLabel('Tên', { exact: true }).fill('Hợp tác xã Nông nghiệp Đồng Tâm Xanh');
    await page.getByLabel('Mã số thuế').fill('0100109106');
    await choose(page, 'Xã/phường', 'tan tien', /Phường Tân Tiến.*Bắc Ninh/);
    await choose(page, 'Lĩnh vực', 'Nông', 'Nông nghiệp');
    await keepScreenshot(page, 'registry-02-form');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByRole('heading', { name: 'Hợp tác xã Nông nghiệp Đồng Tâm Xanh' }).waitFor();
    await keepScreenshot(page, 'registry-03-detail');

    await page.getByRole('link', { name: 'Hợp tác xã & tổ chức' }).first().click();
    await searchOrganizations(page, 'htx dong tam xanh');
    await expectRowVisible(page, 'Hợp tác xã Nông nghiệp Đồng Tâm Xanh');
    await keepScreenshot(page, 'registry-04-search');
    await page.getByRole('link', { name: 'Hợp tác xã Nông nghiệp Đồng Tâm Xanh' }).first().click();

    await page
      .getByRole('button', { name: 'Sửa' })
      .or(page.getByRole('link', { name: 'Sửa' }))
      .first()
      .click();
    await page.getByLabel('Điện thoại').fill('0912 345 678');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('0912 345 678').first().waitFor();

    await page.getByRole('tab', { name: /Lịch sử/ }).click();
    await page.getByText('Điện thoại').last().waitFor();
    expect(await page.getByText('0912 345 678').count()).toBeGreaterThan(0);
    await keepScreenshot(page, 'registry-05-history');
    await context.close();
  });

  it('lets a viewer read the registry but not change it', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'sokhdt', E2E_PASSWORD);
    await page.getByRole('link', { name: 'Hợp tác xã & tổ chức' }).first().click();
    await searchOrganizations(page, 'dong tam xanh');
    await page.getByRole('link', { name: 'Hợp tác xã Nông nghiệp Đồng Tâm Xanh' }).first().click();
    await page.getByRole('heading', { name: 'Hợp tác xã Nông nghiệp Đồng Tâm Xanh' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu trữ' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Thêm mới' }).count()).toBe(0);
    await keepScreenshot(page, 'registry-06-viewer');
    await context.close();
  });
});
