// Search over the built site: the expected hits for real queries, served at the root, under a
// sub-path and from the disk; every result link opens an existing element; the status region;
// IME composition; keyboard only; the header form; offline; no JavaScript; axe in both themes.
import { test, expect, type Page } from '@playwright/test';
import { axeViolations, wcagTags } from './axe.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, layoutShift } from './site.ts';
import { serveStatic } from './static-server.ts';
import { builds, BASE_PATH } from './builds.ts';
import { loadStory, realContent } from '../unit/load-content.ts';
import { routes } from '../../src/lib/view/urls.ts';
import { storyIndex, storyKinds } from '../../src/lib/search/records.ts';
import { MAX_SHARDS_PER_TERM } from '../../src/lib/search/index.ts';
import { searchRecords, shardOf, RESULTS_PER_PAGE, type PackedRecord, type QueryData } from '../../src/lib/search/query.ts';
import { normalise } from '../../src/lib/search/normalise.ts';

// Expected results come from the content: event links through routes.event (an event after the
// article lives on its month's timeline page), and the full ranking and counts from the search
// modules over the real content (tests/unit/search-content.test.ts checks those against
// hand-defined spellings), so no count here changes by hand with every content edit.
const model = loadStory(realContent);
const { index } = storyIndex(model);
const names = index.names;
const ev = (id: string): string => routes.event(model.events.find((e) => e.id === id)!);
/** The full ranking of a query, as the built index must give it in the browser. */
function ranking(q: string): PackedRecord[] {
  const data: QueryData = {
    records: index.records,
    titleSearched: index.kinds.map((k) => Boolean(k.titleSearched)),
    postings: (g) => index.shards[shardOf(g, index.shardCount)]![g],
    shardCount: index.shardCount,
    kindStarts: index.kindStarts,
  };
  const named = names[normalise(q).trim()];
  return searchRecords(q, data, MAX_SHARDS_PER_TERM, named?.[1] ?? [], named?.[0]).map((h) => index.records[h.id]!);
}
const count = (q: string): number => ranking(q).length;

/** Queries, the link that must come first and links the results must include (after 「さらに表示」 until all are shown). */
const cases: Array<{ q: string; first?: string; includes: string[] }> = [
  {
    q: 'ゼレンスキー',
    first: 'actors/zelensky.html',
    includes: ['articles/analysis.html#p10', ev('zelensky-inauguration'), ev('ukraine-delegation-decree')],
  },
  { q: 'ぜれんすきー', first: 'actors/zelensky.html', includes: ['articles/analysis.html#p10'] },
  // ワルツ is a variant of ウォルツ: the actor first, then every text that names him ウォルツ.
  { q: 'ワルツ', first: 'actors/waltz.html', includes: ['articles/analysis.html#p2', ev('waltz-removed')] },
  { q: '停戦', includes: ['articles/analysis.html#p4', 'articles/statement.html#p3', ev('joint-statement')] },
  { q: '捕虜交換', includes: ['tracker/humanitarian.html', ev('joint-statement'), ev('pow-exchange-157')] },
  { q: 'イスタンブール', includes: [ev('istanbul-second-round'), ev('istanbul-third-round')] },
  { q: 'アラスカ', includes: [ev('alaska-summit')] },
  { q: 'どこにもない言葉', includes: [] },
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

/**
 * The cases for another way of serving the same files (the root of a host, the disk): what differs
 * there is how the page finds its index files, so a query with one page of results, one with
 * several pages (more shards and record chunks) and one with none are enough; the ranking itself
 * is checked under the sub-path, with every case.
 */
const servingCases = ['ゼレンスキー', '停戦', 'どこにもない言葉'].map((q) => {
  const found = cases.find((c) => c.q === q);
  if (!found) throw new Error(`no search case for ${q}`);
  return found;
});

/** Runs the cases against the search page at `searchUrl` and checks hits, status and targets. */
async function runCases(page: Page, searchUrl: string, dir: string, list = cases) {
  const problems = await watch(page);
  for (const c of list) {
    await page.goto(`${searchUrl}?q=${encodeURIComponent(c.q)}`);
    const status = page.getByRole('status');
    const expected = ranking(c.q).map((r) => r[2]);
    if (!expected.length) {
      await expect(status).toHaveText(`「${c.q}」は見つかりませんでした`);
      expect(await results(page)).toEqual([]);
      continue;
    }
    await expect(status).toHaveText(new RegExp(`^${expected.length}件見つかりました`));
    // The first page: only its records are loaded; then 「さらに表示」 until every result is shown.
    expect(await results(page), c.q).toEqual(expected.slice(0, RESULTS_PER_PAGE));
    if (c.first) expect(expected[0], c.q).toBe(c.first);
    const more = page.getByRole('button', { name: /^さらに表示/ });
    for (let shown = RESULTS_PER_PAGE; shown < expected.length; shown += RESULTS_PER_PAGE) {
      await expect(more).toHaveText(`さらに表示(残り${expected.length - shown}件)`);
      await more.click();
      // Focus moves to the first new result.
      await expect(page.locator('[data-search-results] li > a').nth(shown)).toBeFocused();
    }
    await expect(more).toHaveCount(0);
    const hrefs = await results(page);
    expect(hrefs, c.q).toEqual(expected);
    for (const href of c.includes) expect(hrefs, c.q).toContain(href);
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

test(`under the sub-path ${BASE_PATH}, the queries find what they should, each result opens an existing element, no CSP violation`, async ({
  page,
}) => {
  await runCases(page, 'search.html', distDir);
  // And a result really opens its paragraph.
  await page.goto('search.html?q=' + encodeURIComponent('停戦'));
  // (The first result of all is a tracker point, a page without a fragment: take the first paragraph.)
  const first = page.locator('[data-search-results] li > a[href^="articles/"]').first();
  const href = (await first.getAttribute('href'))!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[.#]/g, '\\$&')}$`));
  await expect(page.locator(`#${href.split('#')[1]}`)).toBeVisible();
});

test('served at the root of a host, search works the same', async ({ page }) => {
  expect(count('停戦'), 'a serving case with several pages of results').toBeGreaterThan(RESULTS_PER_PAGE);
  const server = await serveStatic(builds.site, '/');
  try {
    await runCases(page, `${server.url}search.html`, builds.site, servingCases);
  } finally {
    await server.close();
  }
});

test('opened from the disk (file://), search works without a CSP violation', async ({ page }) => {
  await runCases(page, pathToFileURL(join(distDir, 'search.html')).href, distDir, servingCases);
});

test('results are grouped by kind with headings and counts, matches marked', async ({ page }) => {
  const q = 'ゼレンスキー';
  const all = ranking(q);
  const headings = storyKinds.map((k) => k.heading);
  const perKind = headings.map((_, k) => all.filter((r) => r[0] === k).length);
  const shownKinds = [...new Set(all.slice(0, RESULTS_PER_PAGE).map((r) => r[0]))];
  const counts = headings.flatMap((h, k) => (perKind[k] ? [`${h}${perKind[k]}件`] : []));
  await page.goto('search.html?q=' + encodeURIComponent(q));
  // The counts are of every result, the groups those of the first page.
  await expect(page.getByRole('status')).toHaveText(`${all.length}件見つかりました(${counts.join('、')})`);
  await expect(page.locator('[data-search-results] h2')).toHaveText(shownKinds.map((k) => `${headings[k]}(${perKind[k]}件)`));
  const paragraph = all.findIndex((r) => r[0] === storyKinds.findIndex((k) => k.kind === 'paragraph'));
  expect(paragraph).toBeLessThan(RESULTS_PER_PAGE);
  await expect(page.locator('[data-search-results] li').nth(paragraph)).toContainText(all[paragraph]![4]);
  await expect(page.locator('[data-search-results] li').nth(paragraph).locator('p mark').first()).toHaveText('ゼレンスキー');
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
  await expect(status).toHaveText(new RegExp(`^${count('停戦')}件見つかりました`));
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
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${count('停戦')}件見つかりました`));
});

test('keyboard only: Tab to the input, type, Tab to the first result, Enter opens it', async ({ page }) => {
  await page.goto('search.html');
  const input = page.getByRole('searchbox', { name: '検索する言葉' });
  for (let i = 0; i < 12 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.type('ワルツ');
  await expect(page.getByRole('status')).toHaveText(new RegExp(`^${count('ワルツ')}件見つかりました`));
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
  await expect(page.getByText(/^検索には、ブラウザーでスクリプト/)).toBeVisible();
  for (const href of ['actors.html', 'timeline.html', 'articles/analysis.html']) {
    await expect(page.locator(`main a[href="${href}"]`)).toBeVisible();
  }
  await context.close();
});

test('after one visit the index is cached: search works offline', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, serviceWorkers: 'allow' });
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
      expect(await axeViolations(page, { tags: wcagTags }), url).toEqual([]);
    }
  });
}

test('the page does not shift when the results of ?q= arrive', async ({ page }) => {
  await page.goto('search.html?q=' + encodeURIComponent('停戦'));
  await expect(page.getByRole('status')).not.toBeEmpty();
  const shift = await layoutShift(page);
  expect(shift).toBe(0);
});
