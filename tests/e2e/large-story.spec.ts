// A story large enough for its lists to split (a generated one, tests/e2e/builds.ts largeStory):
// the home page lists the first documents and leads to the list of all of them, the glossary
// leads to one page per row of the syllabary, and every page stays within the weight budget. The
// new pages pass the same accessibility checks as every page of the real site.
import { test, expect } from '@playwright/test';
import { axeViolations, wcagTags as tags } from './axe.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builds, largeStory, urlOf } from './builds.ts';
import { builtPages, loadedFiles } from './site.ts';

const dir = builds.large;
const pages = builtPages(dir);
const rowPages = pages.filter((p) => p.startsWith('glossary/'));
const listPages = pages.filter((p) => p === 'documents.html' || p.startsWith('documents/'));

test.use({ baseURL: urlOf('large'), locale: 'ja-JP' });

test('the home page lists the first documents, and the list pages every document, each once', async ({ page }) => {
  await page.goto('index.html');
  await expect(page.locator('.card-list > li')).toHaveCount(10);
  await page.getByRole('link', { name: `すべての記事(${largeStory.documents}件)` }).click();
  await expect(page).toHaveURL(/documents\.html$/);
  const seen: string[] = [];
  for (const route of listPages) {
    await page.goto(route);
    seen.push(...(await page.locator('main ol > li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))));
  }
  expect(listPages.length).toBe(2);
  expect(new Set(seen).size).toBe(largeStory.documents);
  expect(seen.every((href) => /\/articles\/[a-z0-9-]+\.html$/.test(href))).toBe(true);
});

test('the glossary leads to a page per row of the syllabary, which together hold every actor', async ({ page }) => {
  await page.goto('actors.html');
  const rows = page.getByRole('navigation', { name: '人物・国・組織の読みの行' }).getByRole('link');
  expect(await rows.count()).toBe(rowPages.length);
  let actors = 0;
  for (const route of rowPages) {
    await page.goto(route);
    await expect(page.getByRole('navigation', { name: '人物・国・組織の読みの行' }).locator('[aria-current="page"]')).toHaveCount(1);
    actors += await page.locator('dl.glossary > dt').count();
  }
  expect(actors).toBe(largeStory.actors);
});

for (const route of ['actors.html', listPages[1]!, rowPages[0]!]) {
  test(`${route}: axe finds nothing, and every link on it leads to a page of the build`, async ({ page, request }) => {
    await page.goto(route);
    expect(await axeViolations(page, { tags })).toEqual([]);
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href.split('#')[0]!))]);
    for (const href of hrefs.filter((h) => h.startsWith(urlOf('large')) && !h.includes('?'))) {
      expect((await request.get(href)).status(), href).toBe(200);
    }
  });
}

test('every page of the large story, with what it loads, weighs under 25 KB compressed', () => {
  const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
  for (const route of pages) {
    const html = readFileSync(join(dir, route), 'utf8');
    const total = gz(html) + loadedFiles(dir, route, html).reduce((n, f) => n + gz(readFileSync(f)), 0);
    expect(total, route).toBeLessThan(25 * 1024);
  }
});
