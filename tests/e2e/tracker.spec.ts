// 「声明のその後」 in the browser: from the home page to what became of each point, with dates
// and sources, and between each statement point and its page.
import { test, expect } from '@playwright/test';
import { loadStory, realContent } from '../unit/load-content.ts';
import { statusInfo } from '../../src/lib/view/labels.ts';

const model = loadStory(realContent);
const points = model.tracker.points;

test('a reader on a phone reaches what became of the 30-day ceasefire from the home page in one tap, with dated sources to share', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('index.html');
  const section = page.getByRole('region', { name: 'その後' });
  await section.getByRole('link', { name: '30日間停戦は実現したか' }).click();
  await expect(page).toHaveURL(/tracker\/ceasefire\.html$/);
  await expect(page.locator('h1')).toHaveText('30日間停戦は実現したか');
  await expect(page.locator('.verdict .status')).toHaveText(/未実現/);
  const evidence = page.getByRole('region', { name: /^出来事と出典/ }).getByRole('listitem');
  expect(await evidence.count()).toBeGreaterThan(10);
  for (const item of await evidence.all()) {
    await expect(item.locator('time[datetime]').first()).toBeAttached();
    expect(await item.locator('.sources a[href^="http"]').count()).toBeGreaterThan(0);
  }
  await expect(page.getByRole('region', { name: 'このページを共有' })).toBeAttached();
});

test('the overview shows every point with its status as shape and text, and the counts in text', async ({ page }) => {
  await page.goto('tracker.html');
  const rows = page.locator('.tracker-row');
  await expect(rows).toHaveCount(points.length);
  for (const [i, p] of points.entries()) {
    const row = rows.nth(i);
    await expect(row.locator('.status')).toHaveText(`${statusInfo[p.status].shape}${statusInfo[p.status].label}`);
    await expect(row.locator('.status__shape')).toHaveAttribute('aria-hidden', 'true');
    await expect(row.locator('time')).toHaveAttribute('datetime', p.ratedOn);
  }
  const counts = new Map<string, number>();
  for (const p of points) counts.set(statusInfo[p.status].label, (counts.get(statusInfo[p.status].label) ?? 0) + 1);
  const text = await page.getByRole('region', { name: '判定の内訳' }).innerText();
  for (const [label, count] of counts) expect(text).toContain(`${label}${count}件`);
  await expect(page.locator('time[datetime="2026-05-26"]').first()).toBeVisible();
});

test('every statement point leads to its page, and each page back to the point', async ({ page }) => {
  // As a reader goes through them: from the statement to a point and back, then on to the next.
  await page.goto('articles/statement.html');
  for (const p of points) {
    await page.getByRole('region', { name: '声明の各項目と記事の読み解き' }).getByRole('link', { name: p.entry.question }).click();
    await expect(page).toHaveURL(new RegExp(`tracker/${p.entry.id}\\.html$`));
    await expect(page.locator('h1')).toHaveText(p.entry.question);
    await expect(page.locator('header time[datetime]')).toHaveCount(2);
    await page.getByRole('link', { name: `共同声明要旨の第${p.n}段落` }).click();
    await expect(page).toHaveURL(new RegExp(`articles/statement\\.html#p${p.n}$`));
    await expect(page.locator(`#p${p.n}`)).toBeInViewport();
  }
});

test('each tracker page shows the history, the article beside what happened, and sources for every event', async ({ page }) => {
  for (const p of points) {
    await page.goto(`tracker/${p.entry.id}.html`);
    await expect(page.locator('.history > li')).toHaveCount(p.history.length);
    await expect(page.locator('.expectation')).toHaveCount(p.expectations.length);
    const items = page.locator('#evidence-heading ~ ol > li');
    await expect(items).toHaveCount(p.events.length);
    for (const item of await items.all()) expect(await item.locator('.sources a').count(), p.entry.id).toBeGreaterThan(0);
  }
});

test('the figures are images with a name and a description in the accessibility tree, and their data stands in the page as text', async ({
  page,
}) => {
  for (const [route, names] of [
    ['index.html', [`声明${points.length}項目の判定`, /^協議前後の\d+件の出来事$/]],
    ['tracker.html', [`声明${points.length}項目の判定`]],
    ['timeline.html', [/^\d+件の出来事の図$/]],
  ] as const) {
    await page.goto(route);
    for (const name of names) {
      const img = page.getByRole('img', { name });
      await expect(img, `${route}: ${String(name)}`).toHaveCount(1);
      await expect(img).toHaveAccessibleDescription(/。/);
      await expect(img.locator('xpath=ancestor::figure')).toHaveCount(1);
    }
  }
  // The statuses the tiles draw are also written out in the page, with their counts.
  await page.goto('tracker.html');
  for (const p of points) await expect(page.locator('.status-counts')).toContainText(statusInfo[p.status].label);
  // On a phone the timeline chart scrolls inside its own focusable region, not the page.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('timeline.html');
  const region = page.locator('.figure-scroll');
  await expect(region).toHaveAttribute('tabindex', '0');
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
