// The compile cache around the Markdown processor (src/mdx-cache.ts) and what the story's plugins
// read besides a file (src/markdown.ts): an unchanged file is not compiled again, and anything that
// shapes its code — its text, its frontmatter, the story files, the code — compiles it afresh.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { pruneCompileCache, withCompileCache } from '../../src/mdx-cache.ts';
import { storyInputsOf } from '../../src/markdown.ts';

const work = mkdtempSync(join(tmpdir(), 'mdx-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each test starts from an empty cache and a fresh folder of sources.
let sources = '';
let cacheDir = '';
let tests = 0;
beforeEach(() => {
  tests += 1;
  sources = join(work, `t${tests}`, 'documents');
  cacheDir = join(work, `t${tests}`, 'cache');
  mkdirSync(sources, { recursive: true });
  runs = 0;
});

// A plugin that counts its runs and says something of each file, as the readings plugin does.
let runs = 0;
const countingPlugin = () => (_tree: Root, file: { path: string }) => {
  runs += 1;
  said.set(file.path, [`checked ${file.path}`]);
};
const said = new Map<string, string[]>();

function processor(options: { version?: string; inputs?: string } = {}) {
  const results: boolean[] = [];
  const cached = withCompileCache(unified({ rehypePlugins: [countingPlugin] }), {
    cacheDir,
    inputsOf: () => options.inputs ?? 'story-1',
    version: async () => options.version ?? 'code-1',
    takeNotices: (path) => said.get(path) ?? [],
    onResult: (_path, hit) => results.push(hit),
  });
  return { cached, results };
}

async function compile(p: ReturnType<typeof processor>, name: string, body: string, frontmatter: Record<string, unknown> = {}) {
  const path = join(sources, name);
  writeFileSync(path, body);
  const renderer = await p.cached.createMdxRenderer!({}, { optimize: true });
  return (await renderer.process(body, path, frontmatter)).code;
}

describe('withCompileCache', () => {
  it('compiles a file once: the next build gets the same code without running the plugins', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = processor();
    const code = await compile(first, 'a.mdx', '本文の段落。\n');
    expect(first.results).toEqual([false]);
    expect(runs).toBe(1);
    const second = processor();
    expect(await compile(second, 'a.mdx', '本文の段落。\n')).toBe(code);
    expect(second.results).toEqual([true]);
    expect(runs).toBe(1);
    vi.restoreAllMocks();
  });

  it('repeats on a hit what the plugins said on the compile', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await compile(processor(), 'a.mdx', '本文の段落。\n');
    expect(warn).not.toHaveBeenCalled();
    const hit = processor();
    await compile(hit, 'a.mdx', '本文の段落。\n');
    expect(hit.results).toEqual([true]);
    expect(warn).toHaveBeenCalledWith(`checked ${join(sources, 'a.mdx')}`);
    warn.mockRestore();
  });

  it('compiles without keeping anything when the cache cannot be written, and still gives the code', async () => {
    writeFileSync(join(work, `t${tests}`, 'cache'), 'a file where the cache folder should be');
    const p = processor();
    expect(await compile(p, 'a.mdx', '本文の段落。\n')).toContain('本文の段落。');
    expect(await compile(processor(), 'a.mdx', '本文の段落。\n')).toContain('本文の段落。');
    expect(runs).toBe(2);
  });

  it.each([
    ['its text', {}, '本文を訂正した段落。\n', {}],
    ['its frontmatter', {}, '本文の段落。\n', { title: '見出し' }],
    ['the story files its plugins read', { inputs: 'story-2' }, '本文の段落。\n', {}],
    ['the code or the libraries', { version: 'code-2' }, '本文の段落。\n', {}],
  ])('compiles a file again when %s changed', async (_what, options, body, frontmatter) => {
    await compile(processor(), 'b.mdx', '本文の段落。\n');
    const again = processor(options);
    await compile(again, 'b.mdx', body, frontmatter);
    expect(again.results).toEqual([false]);
  });

  it('deletes the entry of a deleted file, and the cache of a folder that is gone', async () => {
    await compile(processor(), 'a.mdx', '残る段落。\n');
    await compile(processor(), 'c.mdx', '消える段落。\n');
    const [group] = readdirSync(cacheDir);
    expect(readdirSync(join(cacheDir, group!))).toContain('c.mdx.json');
    rmSync(join(sources, 'c.mdx'));
    await pruneCompileCache(cacheDir);
    expect(readdirSync(join(cacheDir, group!))).not.toContain('c.mdx.json');
    expect(readdirSync(join(cacheDir, group!))).toContain('a.mdx.json');
    rmSync(sources, { recursive: true });
    await pruneCompileCache(cacheDir);
    expect(existsSync(join(cacheDir, group!))).toBe(false);
  });
});

describe('storyInputsOf', () => {
  const story = join(work, 'story');
  cpSync(fileURLToPath(new URL('./crossref/fixtures/_story/', import.meta.url)), story, { recursive: true });
  // "controls" is the document whose paragraph the fixture's events cite; "report" is cited by none.
  const cited = join(story, 'documents', 'controls.mdx');
  const other = join(story, 'documents', 'report.mdx');
  const edit = (file: string, from: string, to: string) => {
    const path = join(story, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`no ${from} in ${file}`);
    writeFileSync(path, text.replace(from, to));
  };
  // The stamp is the files' mtime and size: each edit changes the size.
  const keys = () => [storyInputsOf(cited), storyInputsOf(other)];

  it('changes with what the plugins take from the story, for the documents it reaches, and only then', () => {
    const [c, o] = keys();
    expect(c).toMatch(/^[0-9a-f]{64}$/);
    expect(keys()).toEqual([c, o]);
    // What no body shows: an editor's note, an actor's description, an event's description.
    appendFileSync(join(story, 'actors.yaml'), '\n# an editor’s note\n');
    edit('actors.yaml', 'description: 架空の人物。', 'description: 架空の人物(訂正)。');
    edit('events.yaml', 'description: 署名した。', 'description: 協定に署名した。');
    expect(keys()).toEqual([c, o]);
    // An event's title is in the date marker of the paragraph it cites: that document only.
    edit('events.yaml', 'title: 署名', 'title: 協定の署名');
    const [c1, o1] = keys();
    expect(c1).not.toBe(c);
    expect(o1).toBe(o);
    // A surface form is matched in every body, and a reading may be given in any.
    edit('actors.yaml', 'surfaceForms: [ベルナ]', 'surfaceForms: [ベルナ, ベルナ政府]');
    const [c2, o2] = keys();
    expect(c2).not.toBe(c1);
    expect(o2).not.toBe(o1);
    expect(storyInputsOf(join(story, 'pages', 'about.mdx'))).toBe('');
  });
});
