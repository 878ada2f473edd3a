import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** What a user does on hoptac's pages, in their words; specs read as the journey. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Logged in: the login form gives way to the app (on a phone the user's name hides in the menu).
  await page.getByLabel('Tên đăng nhập').waitFor({ state: 'detached' });
  await page.getByRole('heading').first().waitFor();
}

/** Picks an option of a Mantine select or combobox by typing and clicking what appears. */
export async function choose(page: Page, label: string, typed: string, option: string | RegExp): Promise<void> {
  const input = page
    .getByRole('textbox', { name: label })
    .or(page.getByLabel(label, { exact: true }))
    .first();
  await input.click();
  // A searchable select takes typing; a plain one only opens its list.
  if (await input.isEditable()) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

export async function searchOrganizations(page: Page, text: string): Promise<void> {
  await page.getByLabel('Tìm kiếm').first().fill(text);
  // The list follows the box after a short pause; the address bar shows the search.
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

export async function expectRowVisible(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name }).first().waitFor();
  expect(await page.getByRole('link', { name }).count()).toBeGreaterThan(0);
}
