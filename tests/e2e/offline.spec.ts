// Any host, any sub-path, no internet, even from a disk.
import { test, expect, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { unzipSync } from 'fflate';
import { builtPages, distDir, repoRoot } from './site.ts';
import { serveStatic } from './static-server.ts';
import { builds } from './builds.ts';
import { loadStory, realContent } from '../unit/load-content.ts';

const model = loadStory(realContent);
import { writeServiceWorker } from '../../src/integrations/offline.ts';

const pages = builtPages();

/** Every URL a page refers to: links, stylesheets, scripts, images, icons, the manifest. */
async function references(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[href], [src]')]
      // SVG links (the chart's marks) have no string .href: resolve their attribute like the browser.
      .map((el) => new URL(el.getAttribute('href') ?? el.getAttribute('src') ?? '', document.baseURI).href)
      .filter(Boolean),
  );
}

test('from the disk (file://), every page is reachable by links from the home page, each naming a file, and leads home', () => {
  // The links as the built files hold them (a browser resolves them the same way from file://);
  // build-checks.spec.ts checks that each one resolves.
  const root = pathToFileURL(distDir + '/').href;
  const linksOf = (route: string) =>
    [...readFileSync(join(distDir, route), 'utf8').matchAll(/<a\b[^>]*\shref="([^"#]*)[^"]*"/g)]
      .map((m) => m[1]!)
      .filter((ref) => ref !== '' && !/^[a-z]+:/.test(ref))
      .map((ref) => decodeURIComponent(new URL(ref, new URL(route, root)).pathname.slice(new URL(root).pathname.length)));
  const seen = new Set<string>(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    const route = queue.shift()!;
    const html = readFileSync(join(distDir, route), 'utf8');
    // The site name in the header leads home from every page.
    const home = /class="site-name"><a href="([^"]*)"/.exec(html)?.[1];
    expect(home && new URL(home, new URL(route, root)).href, route).toBe(root + 'index.html');
    for (const next of linksOf(route)) {
      expect(next, `a link on ${route} must name a file, not a folder`).toMatch(/\.[a-z0-9]+$/);
      if (next.endsWith('.html') && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  expect([...seen].sort()).toEqual(pages);
});

test('from the disk (file://) with JavaScript off, a page of every kind is styled and whole', async ({ browser }) => {
  // The hardest case at once: a USB stick, a browser without JavaScript. Every page carries its
  // styles inline (one template per kind), so the first page of each folder stands for its kind.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const root = pathToFileURL(distDir + '/').href;
  const navLinks = model.tracker.points.length ? 4 : 3;
  const kinds = new Map<string, string>();
  for (const route of pages) if (!kinds.has(route.split('/')[0]!)) kinds.set(route.split('/')[0]!, route);
  expect(kinds.size, 'kinds of page').toBeGreaterThan(8);
  for (const route of kinds.values()) {
    await page.goto(root + route);
    // The page is all there once loaded (no script runs): read what is checked in one step.
    const facts = await page.evaluate(() => {
      const h1 = document.querySelector('h1');
      const nav = [...document.querySelectorAll('nav')].find((n) => n.getAttribute('aria-label') === 'サイト内');
      const header = document.querySelector('.site-header');
      return {
        h1Visible: !!h1 && h1.getBoundingClientRect().height > 0 && getComputedStyle(h1).visibility === 'visible',
        mainText: document.querySelector('main')?.textContent?.trim().length ?? 0,
        navLinks: nav?.querySelectorAll('a[href]').length ?? 0,
        headerRule: header ? getComputedStyle(header).borderBottomStyle : '',
        font: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(facts.h1Visible, `${route}: the h1 is visible`).toBe(true);
    expect(facts.mainText, `${route}: main has text`).toBeGreaterThan(0);
    expect(facts.navLinks, `${route}: the site navigation`).toBe(navLinks);
    // The stylesheet applies: the header has its rule and the text its Japanese font stack.
    expect(facts.headerRule, route).toBe('solid');
    expect(facts.font, route).toContain('Noto Sans JP');
    // Whatever the page refers to on the disk is there (styles, icons, images, the manifest).
    for (const ref of await references(page)) {
      if (ref.startsWith(root)) expect(existsSync(fileURLToPath(ref.split('#')[0]!)), `${route}: ${ref}`).toBe(true);
    }
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

test('after one visit, every page is in the offline cache, and pages of every kind open from it offline', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('index.html');
  const cacheNames = await waitForOffline(page);
  expect(cacheNames).toHaveLength(1);
  await context.setOffline(true);
  // Every page is in the cache the worker answers from when the network is gone (read in the page,
  // under the keys the worker uses: absolute URLs without query or fragment).
  const missing = await page.evaluate(
    async ({ name, routes }) => {
      const cache = await caches.open(name);
      const absent: string[] = [];
      for (const route of routes) if (!(await cache.match(new URL(route, location.href).href))?.ok) absent.push(route);
      return absent;
    },
    { name: cacheNames[0]!, routes: pages },
  );
  expect(missing, 'pages missing from the offline cache').toEqual([]);
  // And a reader offline opens them: the first page of each kind (folder), by navigation, which
  // the worker answers from the network first, then from the cache, then with the cached 404 page.
  const notFoundTitle = /<title>([^<]*)<\/title>/.exec(readFileSync(join(distDir, '404.html'), 'utf8'))![1]!;
  const kinds = new Map<string, string>();
  for (const route of pages) if (!kinds.has(route.split('/')[0]!)) kinds.set(route.split('/')[0]!, route);
  for (const route of [...kinds.values()].filter((r) => r !== '404.html')) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(200);
    await expect(page.locator('h1'), route).toHaveCount(1);
    // The page itself, not the cached 404 page the worker falls back to for what it lacks.
    expect(await page.title(), route).not.toBe(notFoundTitle);
  }
  await context.close();
});

test('a new deploy replaces the cached site after a reload', async ({ browser }) => {
  // A deploy is simulated on a copy of the fixture build: a page changes, and sw.js is written
  // again by the build's own step (writeServiceWorker), as the next build would.
  const site = mkdtempSync(join(tmpdir(), 'deploy-'));
  cpSync(builds.fixture, site, { recursive: true });
  const server = await serveStatic(site);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
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
