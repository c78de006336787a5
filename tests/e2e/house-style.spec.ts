// House style over the built pages, read as text (no browser needed): 『』 only for titles, no
// ASCII colon after a Japanese label, and date metadata that agree with each other.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './site.ts';
import { builds } from './builds.ts';

/** The text a reader sees or hears: element text and accessible names, without scripts and styles. */
function readerText(html: string): string {
  const labels = [...html.matchAll(/\s(?:aria-label|alt|title|data-label)="([^"]*)"/g)].map((m) => m[1]!);
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return [body, ...labels].join('\n');
}

const pages = [...builtPages().map((r) => join(distDir, r)), ...builtPages(builds.fixture).map((r) => join(builds.fixture, r))];

test('no 『』 in any page: quotations take 「」 (the texts use no title that needs 『』)', () => {
  for (const file of pages) {
    const text = readerText(readFileSync(file, 'utf8'));
    expect(text.match(/.{0,20}『.{0,20}/)?.[0], file).toBeUndefined();
  }
});

test('no ASCII colon right after Japanese text (「出典:」), in any page', () => {
  for (const file of pages) {
    const text = readerText(readFileSync(file, 'utf8'));
    expect(text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー）)」]:(?!\/\/)/u)?.[0], file).toBeUndefined();
  }
});

test("every page's date metadata agree: article:published_time, article:modified_time and the JSON-LD dates", () => {
  for (const file of builtPages(builds.site).map((r) => join(builds.site, r))) {
    const html = readFileSync(file, 'utf8');
    const meta = (p: string) => new RegExp(`<meta property="${p}" content="([^"]+)"`).exec(html)?.[1];
    const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1]!) as Record<string, unknown>,
    );
    const published = ld.map((d) => d['datePublished']).filter((v): v is string => typeof v === 'string');
    const modified = ld.map((d) => d['dateModified']).filter((v): v is string => typeof v === 'string');
    const publishedTime = meta('article:published_time');
    const modifiedTime = meta('article:modified_time');
    if (publishedTime) {
      // The meta tag never states more precision than the JSON-LD date, and agrees with it.
      expect(published, file).toContain(publishedTime.slice(0, 10));
    }
    if (modifiedTime) expect(modified, file).toEqual([modifiedTime]);
    if (modified.length) expect(modifiedTime, file).toBe(modified[0]);
    // Every <time datetime> of the header that dates the page is one of these dates, or inside them.
    for (const p of published) expect(p, file).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
  }
});
