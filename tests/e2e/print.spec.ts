// On paper: the article without navigation or controls, and external links with their address.
import { test, expect } from '@playwright/test';

test('printing leaves out navigation and controls and prints where external links lead', async ({ page }) => {
  await page.goto('timeline.html');
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-nav', '.breadcrumbs', '[data-theme-toggle]', '.skip-link']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  const source = page.locator('.event a[href^="https://"]').first();
  const href = await source.getAttribute('href');
  const after = await source.evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toBe(`" (${href})"`);
  await expect(page.locator('h1')).toBeVisible();

  await page.goto('articles/analysis.html');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.share')).toBeHidden();
  await expect(page.locator('.permalink').first()).toBeHidden();
  await expect(page.locator('.prose p').first()).toBeVisible();
});
