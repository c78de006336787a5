// Every page, actor and paragraph makes a good link: tags for link previews, structured data,
// sitemap and feed, and share controls that work without third-party scripts.
import { test, expect } from '@playwright/test';
import { axeViolations, wcagTags } from './axe.ts';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages } from './site.ts';
import { builds, urlOf, BASE_PATH, SITE_URL } from './builds.ts';
import { loadStory, realContent } from '../unit/load-content.ts';
import { timelinePages } from '../../src/lib/view/timeline.ts';

const model = loadStory(realContent);
const origin = SITE_URL + BASE_PATH;
const pagesWithOrigin = builtPages(builds.site);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('link previews (built with SITE_URL and BASE_PATH)', () => {
  test('every page: title, description, Open Graph, Twitter card, preview image and JSON-LD (read from the files)', () => {
    for (const route of pagesWithOrigin) {
      const html = readFileSync(join(builds.site, route), 'utf8');
      const attr = (name: string) => new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`).exec(html)?.[1];
      const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
      const siteName = model.story.siteName;
      expect(title === siteName || title.endsWith(` | ${siteName}`), `${route}: ${title}`).toBe(true);
      expect((attr('description') ?? '').length, route).toBeGreaterThan(10);

      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, route).toBe(origin + route);
      expect(attr('og:url'), route).toBe(canonical);
      expect(attr('og:title'), route).toBeTruthy();
      expect(attr('og:description'), route).toBe(attr('description'));
      expect(attr('og:site_name'), route).toBe(siteName);
      expect(attr('og:locale'), route).toBe('ja_JP');
      expect(attr('twitter:card'), route).toBe('summary_large_image');
      const type = attr('og:type');
      if (route.startsWith('articles/') || route.startsWith('tracker/')) {
        expect(type, route).toBe('article');
        expect(attr('article:section'), route).toBeTruthy();
        // The texts' day of publication is not known: no tag claims one (house-style.spec.ts
        // checks that every date tag agrees with the JSON-LD).
        if (route.startsWith('articles/')) expect(attr('article:published_time'), route).toBeUndefined();
        if (route.startsWith('tracker/')) expect(attr('article:modified_time'), route).toBe(model.tracker.checkedOn);
      } else {
        expect(['website', 'profile'], route).toContain(type);
      }

      const image = attr('og:image')!;
      expect(image.startsWith(origin), `${route}: ${image}`).toBe(true);
      const file = join(builds.site, image.slice(origin.length));
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
      expect(attr('og:image:width'), route).toBe('1200');
      expect(attr('og:image:height'), route).toBe('630');
      expect(attr('og:image:alt'), route).toBeTruthy();

      const data = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => {
        expect(m[1], route).not.toContain('<');
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read back from the page: its shape is what the test checks
        return JSON.parse(m[1]!) as Record<string, any>;
      });
      for (const d of data) {
        expect(d['@context'], route).toBe('https://schema.org');
        expect(d['@type'], route).toBeTruthy();
      }
      const byType = (t: string) => data.find((d) => d['@type'] === t);
      expect(byType('BreadcrumbList')?.itemListElement.length, route).toBeGreaterThan(0);
      if (route.startsWith('articles/')) {
        const article = data.find((d) => ['NewsArticle', 'AnalysisNewsArticle'].includes(d['@type']))!;
        expect(article['headline'], route).toBeTruthy();
        expect(article['inLanguage'], route).toBe('ja');
        expect(article['datePublished'], route).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        expect(article['image'], route).toEqual([image]);
        expect(article['mentions'].length, route).toBeGreaterThan(0);
      } else if (route.startsWith('tracker/')) {
        expect(byType('Article')?.['dateModified'], route).toBe(model.tracker.checkedOn);
      } else if (route.startsWith('actors/')) {
        const actor = data.find((d) => ['Person', 'Country', 'Organization'].includes(d['@type']))!;
        expect(actor['name'], route).toBeTruthy();
        expect(actor['url'], route).toBe(canonical);
      } else if (route === 'timeline.html') {
        expect(byType('ItemList')?.numberOfItems, route).toBe(timelinePages(model.events).main.length);
      }
    }
  });

  test('the sitemap lists every page by its file URL, and robots.txt points at it', async ({ page }) => {
    const robots = readFileSync(join(builds.site, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${origin}sitemap-index.xml`);
    const sitemap = readFileSync(join(builds.site, 'sitemap-0.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(urls.map((u) => (u === origin ? 'index.html' : u.slice(origin.length))).sort()).toEqual(pagesWithOrigin);
    const response = await page.request.get('sitemap-index.xml');
    expect(response.status()).toBe(200);
  });

  test('the feed lists the documents and the tracked points with absolute links; a point is dated by the day checked', () => {
    const feed = readFileSync(join(builds.site, 'feed.xml'), 'utf8');
    const items = [...feed.matchAll(/<item>(.*?)<\/item>/gs)].map((m) => m[1]!);
    const links = items.map((i) => /<link>([^<]+)<\/link>/.exec(i)?.[1]);
    expect(links).toEqual([
      ...model.documents.map((d) => `${origin}articles/${d.id}.html`),
      ...model.tracker.points.map((p) => `${origin}tracker/${p.entry.id}.html`),
    ]);
    // The texts' day of publication is not known, so their items carry no date.
    for (const item of items.slice(0, model.documents.length)) expect(item).not.toContain('<pubDate>');
    for (const item of items.slice(model.documents.length))
      expect(item).toContain(`<pubDate>${new Date(`${model.tracker.checkedOn}T00:00:00+09:00`).toUTCString()}</pubDate>`);
  });

  test('share links carry the encoded URL and title', async ({ page }) => {
    await page.goto('articles/analysis.html');
    const title = model.documentsById.get('analysis')!.data.title;
    const url = encodeURIComponent(`${origin}articles/analysis.html`);
    const bar = page.locator('.share');
    await expect(bar.getByRole('link', { name: /^Xでポスト/ })).toHaveAttribute(
      'href',
      `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${url}`,
    );
    await expect(bar.getByRole('link', { name: /^LINEで送る/ })).toHaveAttribute(
      'href',
      `https://social-plugins.line.me/lineit/share?url=${url}`,
    );
    await expect(bar.getByRole('link', { name: /^Facebookでシェア/ })).toHaveAttribute(
      'href',
      new RegExp(`u=${url.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}$`),
    );
    await expect(bar.getByRole('link', { name: /はてなブックマーク/ })).toHaveAttribute(
      'href',
      new RegExp(`url=${url.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')}`),
    );
    for (const link of await bar.getByRole('link').all()) {
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', /noopener/);
    }
  });
});

test('without SITE_URL nothing absolute is made up', async ({ page }) => {
  await page.goto(urlOf('fixture') + 'articles/report.html');
  await expect(page.locator('link[rel="canonical"], meta[property="og:url"], meta[property="og:image"]')).toHaveCount(0);
});

test.describe('share controls in the browser', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test("without SITE_URL, the copy button puts the page's own URL on the clipboard and says so politely", async ({ page }) => {
    const url = urlOf('fixture') + 'articles/report.html';
    await page.goto(url);
    const bar = page.locator('.share');
    // Without SITE_URL the script completes the links from the page's own address.
    await expect(bar.getByRole('link', { name: /^LINEで送る/ })).toHaveAttribute(
      'href',
      `https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(url)}`,
    );
    await bar.getByRole('button', { name: 'リンクをコピー' }).click();
    await expect(page.locator('[data-toast]')).toHaveText('リンクをコピーしました');
    await expect(page.locator('[data-toast]')).toHaveAttribute('aria-live', 'polite');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  test("a paragraph permalink copies the paragraph's public link", async ({ page }) => {
    const baseURL = origin;
    await page.goto('articles/analysis.html');
    await page.locator('#p6').hover();
    await page.locator('#p6 .permalink').click();
    await expect(page).toHaveURL(/#p6$/);
    await expect(page.locator('[data-toast]')).toHaveText('この箇所へのリンクをコピーしました');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}articles/analysis.html#p6`);
  });

  test('a timeline event has its own link, which it copies', async ({ page }) => {
    const baseURL = origin;
    await page.goto('timeline.html');
    await page.locator('#joint-statement').hover();
    await page.locator('#joint-statement .permalink').click();
    await expect(page).toHaveURL(/timeline\.html#joint-statement$/);
    await expect(page.locator('#joint-statement')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}timeline.html#joint-statement`);
  });

  test('the share bar has no accessibility violations and 44 px targets', async ({ page }) => {
    await page.goto('actors/rubio.html');
    expect(await axeViolations(page, { tags: wcagTags, include: '.share' })).toEqual([]);
    for (const item of await page.locator('.share .share__item:visible').all()) {
      const box = (await item.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
  });
});
