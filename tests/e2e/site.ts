// What the e2e tests know about the built sites: the pages of a build and the content they come from.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parseParagraphs } from '../../src/lib/content/paragraphs.ts';
import { builds, repoRoot } from './builds.ts';

export { repoRoot };
/** The real story's build (SITE_URL and BASE_PATH set; relative links, so it also opens from disk). */
export const distDir = builds.site;

/** Routes of every HTML page in `dir` ("index.html", "actors/rubio.html", …), 404 page excluded. */
export function builtPages(dir = distDir): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((r) => r.endsWith('.html') && r !== '404.html')
    .sort();
}

/** Local files a page of the build in `dir` loads by itself: icon, stylesheets, scripts, images, manifest. */
export function loadedFiles(dir: string, route: string, html: string): string[] {
  const refs = [
    ...html.matchAll(/<link[^>]+rel="(?:icon|stylesheet|manifest)"[^>]*href="([^"]+)"/g),
    ...html.matchAll(/<(?:script|img)[^>]+src="([^"]+)"/g),
  ].map((m) => m[1]!);
  return refs.filter((r) => !/^[a-z]+:/.test(r)).map((r) => normalize(join(dirname(join(dir, route)), r.split('#')[0]!)));
}

/** The paragraphs of each document in content/documents, as the MDX source has them. */
export function sourceDocuments(contentDir = join(repoRoot, 'content')): Array<{ id: string; paragraphs: string[] }> {
  const dir = join(contentDir, 'documents');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({
      id: f.replace(/\.mdx$/, ''),
      paragraphs: parseParagraphs(parseFrontmatter(readFileSync(join(dir, f), 'utf8')).content).map((p) => p.text),
    }));
}

/** The text of each element, without the readings (<rt>) the build adds over words. */
export async function textsWithoutReadings(locator: import('@playwright/test').Locator): Promise<string[]> {
  return locator.evaluateAll((els) =>
    els.map((el) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('rt, rp').forEach((rt) => rt.remove());
      return copy.textContent ?? '';
    }),
  );
}

/** The page's layout shift so far (CLS sum), after a moment for late shifts to be recorded. */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  return errors;
}
