// A reader reaches every page from the home page by following links, and gets back home from each.
import { test, expect } from '@playwright/test';
import { builtPages } from './site.ts';

test('every page is reachable from the home page by links alone, and links back home', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!);
  // Routes relative to the site's base path (the build is served under a sub-path).
  const toRoute = (href: string) => new URL(href).pathname.slice(origin.pathname.length);
  const seen = new Set<string>(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const route = queue.shift()!;
    await page.goto(route);
    // The site name in the header leads home from every page.
    const home = await page.locator('header .site-name a').evaluate((a: HTMLAnchorElement) => a.href);
    expect(toRoute(home), `home link on ${route}`).toBe('index.html');
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin.origin) continue;
      const next = toRoute(href);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  expect([...seen].sort()).toEqual(builtPages());
});

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
