// A reader opens each document from the home page and comes back (reachability of every page by
// links is checked from the disk in offline.spec.ts).
import { test, expect } from '@playwright/test';

test('a reader can open each document from the home page and come back', async ({ page }) => {
  await page.goto('index.html');
  const titles = await page.locator('.card h3 a').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) {
    await page.getByRole('link', { name: title, exact: true }).first().click();
    await expect(page.locator('h1')).toHaveText(title);
    await page.locator('header .site-name a').click();
    await expect(page).toHaveURL(/\/index\.html$/);
  }
});
