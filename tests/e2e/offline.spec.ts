// Any host, any sub-path, no internet, even from a disk.
import { test, expect, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { builtPages, distDir, repoRoot } from './site.ts';
import { serveStatic } from './static-server.ts';
import { builds, BASE_PATH } from './builds.ts';
import { writeServiceWorker } from '../../src/integrations/offline.ts';

const pages = builtPages();

/** Every URL a page refers to: links, stylesheets, scripts, images, icons, the manifest. */
async function references(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[href], [src]')]
      .map((el) => (el as HTMLAnchorElement).href || (el as HTMLImageElement).src)
      .filter(Boolean),
  );
}

test(`served under the sub-path ${BASE_PATH}: nothing from another host, no failed request, every reference resolves`, async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
  });
  const checked = new Set<string>();
  for (const route of pages) {
    await page.goto(route);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('h1'), route).toHaveCount(1);
    for (const ref of await references(page)) {
      const url = new URL(ref);
      url.hash = '';
      if (url.origin !== origin || checked.has(url.href)) continue;
      checked.add(url.href);
      expect(url.pathname.startsWith(BASE_PATH), `${url.href} on ${route}`).toBe(true);
      const response = await page.request.get(url.href);
      expect(response.status(), `${url.href} on ${route}`).toBe(200);
    }
  }
  expect(checked.size).toBeGreaterThan(pages.length);
  expect(foreign).toEqual([]);
  expect(failed).toEqual([]);
});

test('opened from the disk (file://), pages are styled and every internal link opens a page', async ({ page }) => {
  const root = pathToFileURL(distDir + '/').href;
  const seen = new Set<string>(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const route = queue.shift()!;
    await page.goto(root + route);
    await expect(page.locator('h1'), route).toHaveCount(1);
    // The stylesheet applies: the header has its rule and the text its Japanese font stack.
    await expect(page.locator('.site-header')).toHaveCSS('border-bottom-style', 'solid');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto Sans JP');
    for (const ref of await references(page)) {
      if (!ref.startsWith(root)) continue;
      const next = decodeURIComponent(new URL(ref).pathname.slice(new URL(root).pathname.length));
      expect(next, `a link on ${route} must name a file, not a folder`).toMatch(/\.[a-z0-9]+$/);
      if (next.endsWith('.html') && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  expect([...seen].sort()).toEqual(pages);
});

test('with JavaScript disabled every page shows its content and navigation', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  for (const route of pages) {
    await page.goto(route);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('main')).not.toBeEmpty();
    await expect(page.getByRole('navigation', { name: 'サイト内' }).getByRole('link')).toHaveCount(3);
  }
  await context.close();
});

/** Waits until the page is controlled by an activated service worker whose precache is complete. */
async function waitForOffline(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return page.evaluate(() => caches.keys());
}

test('after one visit, every page opens offline from the cache', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('index.html');
  const cacheNames = await waitForOffline(page);
  expect(cacheNames).toHaveLength(1);
  await context.setOffline(true);
  for (const route of pages) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(200);
    await expect(page.locator('h1'), route).toHaveCount(1);
  }
  await context.close();
});

test('a new deploy replaces the cached site after a reload', async ({ browser }) => {
  // A deploy is simulated on a copy of the fixture build: a page changes, and sw.js is written
  // again by the build's own step (writeServiceWorker), as the next build would.
  const site = mkdtempSync(join(tmpdir(), 'deploy-'));
  cpSync(builds.fixture, site, { recursive: true });
  const server = await serveStatic(site);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url + 'index.html');
    const [before] = await waitForOffline(page);
    await expect(page.locator('h1')).toHaveText('アルテアとベルナ、港湾協定に署名');

    // Deploy a changed page, then come back once while online.
    const index = join(site, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace(/<h1([^>]*)>[\s\S]*?<\/h1>/, '<h1$1>港湾協定、発効へ</h1>'));
    await writeServiceWorker(site);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.waitForFunction(async (old) => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] !== old;
    }, before);
    await page.reload();
    await expect(page.locator('h1')).toHaveText('港湾協定、発効へ');

    await context.setOffline(true);
    await page.goto(server.url + 'timeline.html');
    await page.goto(server.url + 'index.html');
    await expect(page.locator('h1')).toHaveText('港湾協定、発効へ');
  } finally {
    await context.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});

test('npm run package writes a zip of the built site with a Japanese README', () => {
  const out = mkdtempSync(join(tmpdir(), 'release-'));
  execFileSync(process.execPath, ['src/tools/package-site.ts', distDir, out], { cwd: repoRoot, stdio: 'pipe' });
  const zip = unzipSync(readFileSync(join(out, 'site.zip')));
  rmSync(out, { recursive: true, force: true });
  const names = Object.keys(zip);
  for (const route of pages) expect(names).toContain(`site/${route}`);
  expect(names).toContain('site/sw.js');
  expect(new TextDecoder().decode(zip['README.txt'])).toContain('index.html をダブルクリック');
});
