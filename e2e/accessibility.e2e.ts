import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepScreenshot, launchBrowser, openPage } from './support/browser.ts';
import { E2E_PASSWORD, type HoptacServer, startHoptac } from './support/hoptac-server.ts';
import { logIn } from './support/pages.ts';

/** Serious and critical axe findings on the page as it stands, described for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('hoptac for everyone, on a desk and on a phone', () => {
  let server: HoptacServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startHoptac({ demoCount: 40 });
    await server.createUser('canbo.a11y', 'staff');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [
    { name: 'desk', width: 1280, height: 900 },
    { name: 'phone', width: 375, height: 812 },
  ]) {
    it(`has no serious or critical accessibility problems at ${viewport.width} px`, async () => {
      const { context, page } = await openPage(browser, server.url, viewport);
      await page.goto('/');
      await page.getByLabel('Tên đăng nhập').waitFor();
      expect(await seriousViolations(page), 'login').toEqual([]);
      await logIn(page, 'canbo.a11y', E2E_PASSWORD);
      for (const [path, name] of [
        ['/', 'dashboard'],
        ['/organizations', 'list'],
        ['/organizations/new', 'form'],
        ['/people', 'people'],
        ['/imports', 'imports'],
        ['/imports/new', 'import-new'],
        ['/finance', 'finance-portfolio'],
        ['/finance/funds', 'finance-funds'],
        ['/finance/bank-referrals', 'finance-referrals'],
        ['/advisory', 'advisory'],
        ['/advisory/reports', 'advisory-reports'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), path).toEqual([]);
        // Nothing wider than the screen: a phone scrolls down, never sideways.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(1);
        await keepScreenshot(page, `a11y-${viewport.name}-${name}`);
      }
      await context.close();
    });
  }
});
