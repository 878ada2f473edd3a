import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, openPage } from './support/browser.ts';
import { E2E_PASSWORD, type HoptacServer, startHoptac } from './support/hoptac-server.ts';
import { choose, expectRowVisible, logIn, searchOrganizations } from './support/pages.ts';

/** The list in the shape provincial offices exchange (shared/data/samples/README.md), as the server tests read it. */
const SAMPLE = path.resolve(import.meta.dirname, '../../shared/data/samples/danh-sach-htx-2024.xlsx');

describe('an administrator brings a provincial list into the registry and keeps its yearly figures', () => {
  let server: HoptacServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startHoptac({ demoCount: 20 });
    // The sample's rows are in three provinces (24, 08, 37): an administrator of all provinces.
    await server.createUser('quantri', 'admin', { provinceCode: null });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports the sample list, choosing the commune of a split ward, and finds the new cooperatives', async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'quantri', E2E_PASSWORD);

    await page.getByRole('link', { name: 'Hợp tác xã & tổ chức' }).first().click();
    await page.getByRole('main').getByRole('link', { name: 'Nhập từ Excel' }).click();
    await page.locator('input[type=file]').setInputFiles(SAMPLE);
    await page.getByText('Đã chọn: danh-sach-htx-2024.xlsx').waitFor();
    await keepScreenshot(page, 'registry-import-01-upload');
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();

    // The preview: five organisations, one waiting for its commune.
    await page.getByRole('heading', { name: 'Các dòng' }).waitFor();
    await page.getByText('Tệp có 5 dòng dữ liệu').waitFor();
    expect(await page.getByRole('button', { name: 'Cần chọn xã: 1' }).count()).toBe(1);
    await keepScreenshot(page, 'registry-import-02-preview');

    // Old Phường Quang Trung was split in two: the user decides, the system never guesses.
    await choose(page, 'Chọn xã, phường cho dòng 11', 'Hà Giang 1', /Phường Hà Giang 1/);
    await page.getByRole('button', { name: 'Cần chọn xã: 0' }).waitFor();
    await page.getByRole('button', { name: 'Thêm mới: 5' }).waitFor();

    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nhập dữ liệu' }).click();
    // The commit runs as a job; the page follows it to the end.
    await page.getByText('Đã nhập xong', { exact: true }).waitFor();
    await page.getByText(/^5 tổ chức thêm mới, 0 cập nhật/).waitFor();
    expect(
      await page
        .getByRole('link', { name: 'Tải báo cáo' })
        .or(page.getByRole('button', { name: 'Tải báo cáo' }))
        .count(),
    ).toBe(1);
    await keepScreenshot(page, 'registry-import-03-committed');

    await page.getByRole('link', { name: 'Xem danh sách tổ chức' }).click();
    await searchOrganizations(page, 'che ta van');
    await expectRowVisible(page, 'HTX Chè Tả Ván');
    await keepScreenshot(page, 'registry-import-04-found');
    await context.close();
  });

  it("enters a year's figures on an organisation's page and changes an imported year", async () => {
    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'quantri', E2E_PASSWORD);
    await page.getByRole('link', { name: 'Hợp tác xã & tổ chức' }).first().click();
    await searchOrganizations(page, 'che ta van');
    await page.getByRole('link', { name: 'HTX Chè Tả Ván' }).first().click();
    await page.getByRole('heading', { name: 'HTX Chè Tả Ván' }).waitFor();

    await page.getByRole('tab', { name: 'Số liệu hằng năm' }).click();
    // The figures of 2024 came with the import (revenue in millions in the file).
    await page.getByText('820.000.000 đ').waitFor();

    await page.getByRole('button', { name: 'Nhập số liệu năm' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, 'Năm', '2023', '2023');
    await dialog.getByLabel('Thành viên chính thức').fill('19');
    await dialog.getByLabel('Doanh thu', { exact: true }).fill('640.000.000');
    await dialog.getByLabel('Lợi nhuận trước thuế').fill('-15.000.000');
    await dialog.getByLabel('Lao động thường xuyên').fill('4');
    // More workers who are members than workers: the server refuses, the field says why.
    await dialog.getByLabel('Lao động là thành viên').fill('6');
    await dialog.getByLabel('Điểm đánh giá').fill('70,5');
    await keepScreenshot(page, 'registry-import-05-figures-form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Không thể lớn hơn tổng số lao động thường xuyên').waitFor();
    await dialog.getByLabel('Lao động là thành viên').fill('3');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu số liệu năm 2023').waitFor();

    const table = page.getByRole('region', { name: 'Bảng số liệu theo năm' });
    await table.getByText('Năm 2023').waitFor();
    expect(await table.getByText('640.000.000 đ').count()).toBe(1);
    expect(await table.getByText('-15.000.000 đ').count()).toBe(1);
    expect(await table.getByText('Khá').count()).toBe(1);

    await page.getByRole('button', { name: 'Sửa số liệu năm 2024' }).click();
    await dialog.getByLabel('Thành viên chính thức').fill('25');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu số liệu năm 2024').waitFor();
    await table.getByRole('cell', { name: '25', exact: true }).waitFor();
    await keepScreenshot(page, 'registry-import-06-figures');
    await context.close();
  });

  it('brings in the list of key staff: people attached to the cooperatives they work for', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cán bộ');
    sheet.addRow(['DANH SÁCH CÁN BỘ CHỦ CHỐT']);
    sheet.addRow(['STT', 'Họ tên', 'Chức vụ', 'Tên HTX', 'Giới tính', 'SĐT', 'Ngày nhận chức']);
    sheet.addRow([1, 'Giàng Seo Phử', 'Giám đốc', 'HTX Chè Tả Ván', 'Nam', '0915 111 222', '01/03/2022']);
    sheet.addRow([2, 'Lò Thị Mai', 'Kế toán trưởng', 'HTX Chè Tả Ván', 'Nữ', null, null]);
    sheet.addRow([3, 'Vàng A Dình', 'Phó giám đốc', 'HTX Chè Tả Ván', 'Nam', null, null]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hoptac-people-')), 'can-bo-chu-chot.xlsx');
    await workbook.xlsx.writeFile(file);

    const { context, page } = await openPage(browser, server.url);
    await logIn(page, 'quantri', E2E_PASSWORD);
    await page.getByRole('link', { name: 'Người đại diện' }).first().click();
    await page.getByRole('main').getByRole('link', { name: 'Nhập từ Excel' }).click();
    // The page opens on the list of people; its template is the people one.
    await page.getByRole('link', { name: 'Tải mẫu danh sách cán bộ' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Tải lên và xem trước' }).click();

    await page.getByText('Tệp có 3 dòng dữ liệu').waitFor();
    await page.getByRole('button', { name: 'Thêm mới: 2' }).waitFor();
    await page.getByRole('button', { name: 'Lỗi: 1' }).waitFor();
    // The deputy is not a position the registry keeps: the row says so, in the user's words.
    await page.getByText(/Chức danh "Phó giám đốc" không thuộc/).waitFor();
    await keepScreenshot(page, 'registry-import-07-people-preview');

    await page.getByLabel(/Bỏ qua các dòng lỗi/).check();
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByText('Đã nhập xong', { exact: true }).waitFor();
    await page.getByText(/^2 dòng thêm người hoặc chức danh/).waitFor();

    await page.getByRole('link', { name: 'Xem danh sách người' }).click();
    await page.getByLabel('Tìm kiếm').first().fill('giang seo phu');
    await page.getByRole('link', { name: 'Giàng Seo Phử' }).first().click();
    await page.getByRole('heading', { name: 'Giàng Seo Phử' }).waitFor();
    await page.getByText('HTX Chè Tả Ván').first().waitFor();
    expect(await page.getByText('Giám đốc').count()).toBeGreaterThan(0);
    await keepScreenshot(page, 'registry-import-08-person');

    // The list goes back out to Excel with the template's columns.
    await page.getByRole('navigation').getByRole('link', { name: 'Người đại diện' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^danh-sach-can-bo-.*\.xlsx$/);

    // Both lists stay on record, with what they did, for the report later.
    await page.getByRole('navigation').getByRole('link', { name: 'Nhập từ Excel' }).click();
    await page.getByRole('heading', { name: 'Các lần nhập từ Excel' }).waitFor();
    await page.getByRole('link', { name: 'can-bo-chu-chot.xlsx' }).waitFor();
    await page.getByRole('link', { name: 'danh-sach-htx-2024.xlsx' }).waitFor();
    expect(await page.getByText('3 dòng: 2 thêm mới, 0 cập nhật, 1 lỗi').count()).toBe(1);
    await keepScreenshot(page, 'registry-import-09-list');
    await context.close();
  });
});
