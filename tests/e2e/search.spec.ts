// Search over the built site: the expected hits for real queries, served at the root, under a
// sub-path and from the disk; every result link opens an existing element; the status region;
// IME composition; keyboard only; the header form; offline; no JavaScript; axe in both themes.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir } from './site.ts';
import { serveStatic } from './static-server.ts';
import { builds, BASE_PATH } from './builds.ts';

/** Queries, the link that must come first, links the results must include, and their number. */
const cases: Array<{ q: string; first?: string; includes: string[]; count?: number }> = [
  { q: 'ゼレンスキー', first: 'actors/zelensky.html', includes: ['articles/analysis.html#p10', 'timeline.html#zelensky-inauguration'], count: 9 },
  { q: 'ぜれんすきー', first: 'actors/zelensky.html', includes: ['articles/analysis.html#p10'], count: 9 },
  // ワルツ is a variant of ウォルツ: the actor first, then every text that names him ウォルツ.
  { q: 'ワルツ', first: 'actors/waltz.html', includes: ['articles/analysis.html#p2', 'timeline.html#waltz-removed'], count: 10 },
  { q: '停戦', includes: ['articles/analysis.html#p4', 'articles/statement.html#p3', 'timeline.html#joint-statement'], count: 17 },
  { q: '捕虜交換', includes: ['timeline.html#joint-statement', 'timeline.html#trump-zelensky-call'] },
  { q: 'どこにもない言葉', includes: [], count: 0 },
];

async function results(page: Page): Promise<string[]> {
  return page.locator('[data-search-results] li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

/** Collects CSP violations and console errors of a page. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

/** Runs every case against the search page at `searchUrl` and checks hits, status and targets. */
async function runCases(page: Page, searchUrl: string, dir: string) {
  const problems = await watch(page);
  for (const c of cases) {
    await page.goto(`${searchUrl}?q=${encodeURIComponent(c.q)}`);
    const status = page.getByRole('status');
    if (c.count === 0) {
      await expect(status).toHaveText(`「${c.q}」は見つかりませんでした`);
      expect(await results(page)).toEqual([]);
      continue;
    }
    await expect(status).toContainText('件見つかりました');
    const hrefs = await results(page);
    if (c.first) expect(hrefs[0], c.q).toBe(c.first);
    for (const href of c.includes) expect(hrefs, c.q).toContain(href);
    if (c.count !== undefined) expect(hrefs, c.q).toHaveLength(c.count);
    await expect(status).toHaveText(new RegExp(`^${hrefs.length}件見つかりました`));
    // No dead link: the file exists and has the element the fragment names.
    for (const href of hrefs) {
      const [path, fragment] = href.split('#') as [string, string | undefined];
      const file = join(dir, path);
      expect(existsSync(file), href).toBe(true);
      if (fragment) expect(readFileSync(file, 'utf8'), href).toContain(`id="${fragment}"`);
    }
  }
  expect(problems).toEqual([]);
}

test(`under the sub-path ${BASE_PATH}, the queries find what they should, each result opens an existing element, no CSP violation`, async ({ page }) => {
  await runCases(page, 'search.html', distDir);
  // And a result really opens its paragraph.
  await page.goto('search.html?q=' + encodeURIComponent('停戦'));
  const first = page.locator('[data-search-results] li > a').first();
  const href = (await first.getAttribute('href'))!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.#]/g, '\\$&')}$`));
  await expect(page.locator(`#${href.split('#')[1]}`)).toBeVisible();
});

test('served at the root of a host, search works the same', async ({ page }) => {
  const server = await serveStatic(builds.site, '/');
  try {
    await runCases(page, `${server.url}search.html`, builds.site);
  } finally {
    await server.close();
  }
});

test('opened from the disk (file://), search works without a CSP violation', async ({ page }) => {
  await runCases(page, pathToFileURL(join(distDir, 'search.html')).href, distDir);
});

test('results are grouped by kind with headings and counts, matches marked', async ({ page }) => {
  await page.goto('search.html?q=' + encodeURIComponent('ゼレンスキー'));
  await expect(page.getByRole('status')).toHaveText('9件見つかりました(人物・組織1件、記事の段落1件、時系列の出来事7件)');
  await expect(page.locator('[data-search-results] h2')).toHaveText(['人物・組織(1件)', '記事の段落(1件)', '時系列の出来事(7件)']);
  await expect(page.locator('[data-search-results] li').nth(1)).toContainText('第10段落');
  await expect(page.locator('[data-search-results] li').nth(1).locator('p mark')).toHaveText('ゼレンスキー');
  await page.goto('search.html?q=' + encodeURIComponent('ｗａｌｔｚ'));
  await expect(page.locator('[data-search-results] li > a').first()).toHaveText('マイク・ウォルツ');
  // An okurigana variant: 受入れ finds 受け入れ, marked as the text has it.
  await page.goto('search.html?q=' + encodeURIComponent('受入れ'));
  await expect(page.locator('[data-search-results] li p mark').first()).toHaveText('受け入れ');
});

test('typing: one polite status region, the count after a pause, the query kept in the address', async ({ page }) => {
  await page.goto('search.html');
  await expect(page.locator('[role="status"], [aria-live]')).toHaveCount(1);
  const status = page.getByRole('status');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toBeEmpty();
  const input = page.getByRole('searchbox', { name: '検索する言葉' });
  await expect(input).toHaveAttribute('aria-describedby', 'search-hint');
  await input.pressSequentially('停戦');
  await expect(status).toHaveText(/^17件見つかりました/);
  await expect(page).toHaveURL(/search\.html\?q=%E5%81%9C%E6%88%A6$/);
  await input.fill('どこにもない');
  await expect(status).toHaveText('「どこにもない」は見つかりませんでした');
  await input.fill('');
  await expect(status).toBeEmpty();
  await expect(page).toHaveURL(/search\.html$/);
});

test('nothing runs during IME composition; compositionend runs the query', async ({ page }) => {
  await page.goto('search.html');
  const input = page.getByRole('searchbox', { name: '検索する言葉' });
  await input.evaluate((el: HTMLInputElement) => {
    el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    el.value = 'ていせん';
    el.dispatchEvent(new InputEvent('input', { isComposing: true, data: 'ていせん', inputType: 'insertCompositionText' }));
    el.value = '停戦';
    el.dispatchEvent(new InputEvent('input', { isComposing: true, data: '停戦', inputType: 'insertCompositionText' }));
  });
  await page.waitForTimeout(500);
  await expect(page.getByRole('status')).toBeEmpty();
  await expect(page.locator('[data-search-results] li')).toHaveCount(0);
  await expect(page).toHaveURL(/search\.html$/);
  await input.evaluate((el: HTMLInputElement) => el.dispatchEvent(new CompositionEvent('compositionend', { data: '停戦' })));
  await expect(page.getByRole('status')).toHaveText(/^17件見つかりました/);
});

test('keyboard only: Tab to the input, type, Tab to the first result, Enter opens it', async ({ page }) => {
  await page.goto('search.html');
  const input = page.getByRole('searchbox', { name: '検索する言葉' });
  for (let i = 0; i < 12 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.type('ワルツ');
  await expect(page.getByRole('status')).toHaveText(/^10件見つかりました/);
  await page.keyboard.press('Tab'); // the submit button
  await page.keyboard.press('Tab');
  const first = page.locator('[data-search-results] li > a').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/actors\/waltz\.html$/);
});

test('the header form of another page leads to search.html?q=…', async ({ page }) => {
  await page.goto('articles/analysis.html');
  const box = page.getByRole('search').getByRole('searchbox', { name: 'サイト内検索' });
  await box.fill('ワルツ');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\.html\?q=%E3%83%AF%E3%83%AB%E3%83%84$/);
  await expect(page.locator('[data-search-results] li > a').first()).toHaveAttribute('href', 'actors/waltz.html');
  await expect(page.getByRole('searchbox', { name: '検索する言葉' })).toHaveValue('ワルツ');
});

test('the header form fits a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('timeline.html');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const box = await page.locator('.site-search__input').boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
});

test('without JavaScript the page says search needs it and links to the glossary, timeline and texts', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('search.html?q=' + encodeURIComponent('停戦'));
  await expect(page.getByText('検索にはJavaScriptが必要です')).toBeVisible();
  for (const href of ['actors.html', 'timeline.html', 'articles/analysis.html']) {
    await expect(page.locator(`main a[href="${href}"]`)).toBeVisible();
  }
  await context.close();
});

test('after one visit the index is cached: search works offline', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('index.html');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.goto('search.html?q=' + encodeURIComponent('捕虜交換'));
  await expect(page.getByRole('status')).toContainText('件見つかりました');
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the search page (${scheme} theme), with and without results`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of ['search.html', 'search.html?q=' + encodeURIComponent('ゼレンスキー'), 'search.html?q=zzzz']) {
      await page.goto(url);
      if (url.includes('?')) await expect(page.getByRole('status')).not.toBeEmpty();
      const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(r.violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
}

test('the page does not shift when the results of ?q= arrive', async ({ page }) => {
  await page.goto('search.html?q=' + encodeURIComponent('停戦'));
  await expect(page.getByRole('status')).not.toBeEmpty();
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
  expect(shift).toBe(0);
});
