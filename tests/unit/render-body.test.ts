// Bodies rendered while the content loads (src/render-body.ts): the HTML of a body lands in a file
// of the cache with its headings, a body rendered before is not run again, and a body no build
// has used for a week is deleted.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { createBodyRenderer } from '../../src/render-body.ts';

const work = mkdtempSync(join(tmpdir(), 'render-body-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let cacheDir = '';
let tests = 0;
beforeEach(() => {
  cacheDir = join(work, `t${++tests}`);
});

// As Astro resolves it: what the renderer reads of the config.
const root = new URL('../../', import.meta.url);
const config = {
  root,
  srcDir: new URL('src/', root),
  markdown: { processor: unified({}), syntaxHighlight: false },
} as unknown as AstroConfig;
const render = async (body: string) => (await createBodyRenderer(config, { optimize: true }, cacheDir))(body, join(work, 'a.mdx'), {});

describe('createBodyRenderer', () => {
  it('renders MDX to HTML in a file, with the headings', async () => {
    const { file, headings } = await render('## 見出し\n\n本文は<abbr>ALTEA</abbr>と{"3~5"}日。\n');
    expect(readFileSync(file, 'utf8')).toBe('<h2 id="見出し">見出し</h2>\n<p>本文は<abbr>ALTEA</abbr>と3~5日。</p>');
    expect(headings).toEqual([{ depth: 2, slug: '見出し', text: '見出し' }]);
  });

  it('gives a body rendered before from its file, without running it again', async () => {
    const first = await render('一つ目の段落。\n');
    writeFileSync(first.file, '<p>kept</p>');
    const again = await render('一つ目の段落。\n');
    expect(again.file).toBe(first.file);
    expect(readFileSync(again.file, 'utf8')).toBe('<p>kept</p>');
    const other = await render('二つ目の段落。\n');
    expect(other.file).not.toBe(first.file);
    expect(readFileSync(other.file, 'utf8')).toBe('<p>二つ目の段落。</p>');
  });

  it('renders again a body whose headings file is missing (a build stopped half-way)', async () => {
    const first = await render('一つ目の段落。\n');
    writeFileSync(first.file, '<p>half</p>');
    rmSync(first.file.replace(/\.html$/, '.json'));
    expect(readFileSync((await render('一つ目の段落。\n')).file, 'utf8')).toBe('<p>一つ目の段落。</p>');
  });

  it('deletes what no build used for a week, and keeps the rest', async () => {
    const used = await render('使われる段落。\n');
    mkdirSync(cacheDir, { recursive: true });
    const old = join(cacheDir, 'old.html');
    const recent = join(cacheDir, 'recent.html');
    const stale = join(cacheDir, 'x.html.1.1.tmp');
    for (const [path, days] of [
      [old, 8],
      [recent, 6],
      [stale, 1],
    ] as const) {
      writeFileSync(path, '');
      const then = new Date(Date.now() - days * 24 * 3600 * 1000);
      utimesSync(path, then, then);
    }
    const again = await render('使われる段落。\n');
    expect(again.file).toBe(used.file);
    expect([existsSync(old), existsSync(recent), existsSync(stale)]).toEqual([false, true, false]);
    expect(readdirSync(cacheDir).sort()).toEqual(
      [...new Set([used.file, used.file.replace(/\.html$/, '.json'), recent])].map((p) => p.slice(cacheDir.length + 1)).sort(),
    );
  });
});
