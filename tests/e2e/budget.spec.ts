// Page weight, computed from the built files as a host would send them (gzip): every page with
// everything it loads stays under 25 KB, and its JavaScript under 5 KB.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, distDir, loadedFiles } from './site.ts';

const KB = 1024;
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

test('every page with what it loads weighs under 25 KB compressed, its JavaScript under 5 KB', () => {
  const rows = builtPages().map((route) => {
    const html = readFileSync(join(distDir, route), 'utf8');
    const inlineJs = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('\n');
    const files = loadedFiles(distDir, route, html);
    const external = files.map((f) => readFileSync(f));
    const externalJs = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f));
    const total = gz(html) + external.reduce((n, b) => n + gz(b), 0);
    const js = (inlineJs ? gz(inlineJs) : 0) + externalJs.reduce((n, b) => n + gz(b), 0);
    return { route, total, js };
  });
  const heaviest = rows.reduce((a, b) => (b.total > a.total ? b : a));
  console.log(
    `heaviest page: ${heaviest.route} ${(heaviest.total / KB).toFixed(1)} KB; JS at most ${(Math.max(...rows.map((r) => r.js)) / KB).toFixed(1)} KB`,
  );
  for (const row of rows) {
    expect(row.total, row.route).toBeLessThan(25 * KB);
    expect(row.js, row.route).toBeLessThan(5 * KB);
  }
});

test('no page loads a web font or an external stylesheet', () => {
  for (const route of builtPages()) {
    const html = readFileSync(join(distDir, route), 'utf8');
    expect(html, route).not.toMatch(/@font-face|\.woff2?|rel="stylesheet"/);
  }
});

test('each figure adds at most 3 KB compressed to its page', () => {
  let figures = 0;
  for (const route of builtPages()) {
    const html = readFileSync(join(distDir, route), 'utf8');
    for (const figure of html.match(/<figure[\s\S]*?<\/figure>/g) ?? []) {
      figures++;
      expect(gz(figure), `${route}: ${figure.slice(0, 80)}`).toBeLessThanOrEqual(3 * KB);
    }
  }
  expect(figures).toBeGreaterThan(3);
});
