// The build proves itself: valid HTML, no broken internal link or fragment, safe external links,
// a strict Content Security Policy that nothing on the page violates, security headers for hosts.
import { test, expect } from '@playwright/test';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { builtPages, distDir, repoRoot } from './site.ts';
import { builds } from './builds.ts';

const pages = builtPages();
const allPages = [...pages, '404.html'];

test('every HTML file is valid (html-validate, recommended rules)', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  for (const dir of [distDir, builds.fixture]) {
    for (const route of [...builtPages(dir), '404.html']) {
      const report = await validator.validateFile(join(dir, route));
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${route}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
      expect(messages, `${dir}/${route}`).toEqual([]);
    }
  }
});

test('every internal link, fragment and asset resolves; new-tab links are safe', () => {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    return ids.get(file)!;
  };
  let checked = 0;
  for (const route of pages) {
    const file = join(distDir, route);
    const html = readFileSync(file, 'utf8');
    for (const tag of html.match(/<(?:a|link|img|script)\b[^>]*>/g) ?? []) {
      const ref = /\s(?:href|src)="([^"]*)"/.exec(tag)?.[1];
      if (ref === undefined) continue;
      if (/^https?:/.test(ref)) {
        if (/target="_blank"/.test(tag)) expect(tag, route).toMatch(/rel="[^"]*noopener[^"]*noreferrer|rel="[^"]*noreferrer[^"]*noopener/);
        continue;
      }
      if (/^(data|mailto):/.test(ref)) continue;
      const [path, fragment] = ref.split('#') as [string, string | undefined];
      const target = path === '' ? file : normalize(join(dirname(file), path));
      expect(existsSync(target), `${route}: ${ref}`).toBe(true);
      if (fragment) expect(idsOf(target).has(fragment), `${route}: #${fragment} in ${path || route}`).toBe(true);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(pages.length * 10);
});

test('every page carries a strict Content Security Policy', () => {
  for (const route of allPages) {
    const html = readFileSync(join(distDir, route), 'utf8');
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp, route).toBeTruthy();
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(/\s+/)[0]!, d]),
    );
    expect(directives.get('default-src'), route).toBe("default-src 'self'");
    expect(directives.get('object-src'), route).toBe("object-src 'none'");
    expect(directives.get('base-uri'), route).toBe("base-uri 'self'");
    expect(directives.get('script-src'), route).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    expect(csp, route).not.toContain('unsafe-inline');
    expect(csp, route).not.toContain('unsafe-eval');
  }
});

test('a _headers file gives static hosts the security headers', () => {
  const headers = readFileSync(join(distDir, '_headers'), 'utf8');
  for (const line of [
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    "Content-Security-Policy: frame-ancestors 'none'",
  ]) {
    expect(headers).toContain(line);
  }
  expect(headers).toMatch(/Permissions-Policy: .*camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  expect(existsSync(join(repoRoot, 'public/_headers'))).toBe(true);
});
