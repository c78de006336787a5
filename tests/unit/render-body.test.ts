// Bodies rendered while the content loads (src/render-body.ts): the HTML of a body lands in a file
// of the cache, a body rendered before is not run again, the build's renderer
// compiles on its worker thread only what the caches lack, with astro.config.mjs's processor and
// no other, and a body no build has used for a week is deleted.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { compilesOnWorker, createInProcessRenderer, renderBodies, renderSettings, WORKER_FROM } from '../../src/render-body.ts';
import { ContentError } from '../../src/lib/content/references.ts';
import astroConfig from '../../astro.config.mjs';

const work = mkdtempSync(join(tmpdir(), 'render-body-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let cacheDir = '';
let tests = 0;
beforeEach(() => {
  cacheDir = join(work, `t${++tests}`);
});

// As Astro resolves it: what the renderer reads of the config.
const root = new URL('../../', import.meta.url);
const configWith = (processor: AstroConfig['markdown']['processor']) =>
  ({ root, srcDir: new URL('src/', root), markdown: { processor, syntaxHighlight: false } }) as unknown as AstroConfig;
const plain = unified({});
const render = async (body: string) =>
  (await createInProcessRenderer(plain, renderSettings(configWith(plain), { optimize: true }, cacheDir)))(body, join(work, 'a.mdx'), {});
// As the documents' loader renders a folder, with the processor of astro.config.mjs (its compile
// cache included).
// Its compile cache is the project's (node_modules/.cache/mdx/), which the worker thread uses too:
// each test's bodies are its own (a time stamp in the text), and the folder of the made-up files is
// deleted after the tests, which is what the next build's clean-up looks for.
const buildRender = (jobs: Array<{ body: string; filePath: string }>, onWorker: boolean, processor = astroConfig.markdown!.processor!) =>
  renderBodies(
    configWith(processor),
    { optimize: true },
    cacheDir,
    // The body starts on line 5 of its file, after the frontmatter.
    jobs.map((job) => ({ ...job, file: 'pages/about.mdx', bodyLine: 5, frontmatter: {} })),
    { onWorker },
  );
// Not a document (not in a documents/ folder): of the story's plugins, only the paragraph ids apply.
const page = join(work, 'pages', 'about.mdx');

describe('rendering bodies', () => {
  it('renders MDX to HTML in a file', async () => {
    const { file } = await render('## 見出し\n\n本文は<abbr>ALTEA</abbr>と{"3~5"}日。\n');
    expect(readFileSync(file, 'utf8')).toBe('<h2 id="見出し">見出し</h2>\n<p>本文は<abbr>ALTEA</abbr>と3~5日。</p>');
  });

  it('runs a compiled body as a function, and refuses one that needs a module of its own (import.meta) rather than run it otherwise', async () => {
    // The content's check refuses such a body first (src/lib/content/paragraphs.ts); this is the runner's own guard.
    await expect(render('本文{import.meta.url}。\n')).rejects.toThrow(/a compiled body cannot be run as a function: .*import\.meta/);
    // A default export, a named import of Astro's runtime and expressions, as every compiled body has them.
    const { file } = await render('一つ目{"と"}二つ目。\n');
    expect(readFileSync(file, 'utf8')).toBe('<p>一つ目と二つ目。</p>');
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

  it('renders again a body whose file is gone (the cache deleted by hand, or its clean-up)', async () => {
    const first = await render('一つ目の段落。\n');
    rmSync(first.file);
    expect(readFileSync((await render('一つ目の段落。\n')).file, 'utf8')).toBe('<p>一つ目の段落。</p>');
  });

  for (const onWorker of [true, false]) {
    it(`compiles only the bodies the caches lack, ${onWorker ? 'on a worker thread' : "in the build's thread"}`, async () => {
      const body = `本文の段落、${Date.now()}、${String(onWorker)}。\n`;
      const first = await buildRender([{ body, filePath: page }], onWorker);
      expect(first.counts).toEqual({ kept: 0, rendered: 1, onWorker });
      expect(readFileSync(first.bodies[0]!.file, 'utf8')).toBe(`<p id="p1">${body.trim()}</p>`);
      const again = await buildRender(
        [
          { body, filePath: page },
          { body: '二つ目。\n', filePath: join(work, 'pages', 'other.mdx') },
        ],
        onWorker,
      );
      expect(again.bodies[0]).toEqual(first.bodies[0]);
      expect(again.counts).toEqual({ kept: 1, rendered: 1, onWorker });
    });
  }

  it("compiles in the build's thread what the worker thread has no heap for, and says so", async () => {
    const stamp = Date.now();
    const jobs = ['一', '二'].map((n) => ({
      body: `${n}つ目の段落、${stamp}。\n`,
      filePath: join(work, 'pages', `heap-${n}.mdx`),
      file: `pages/heap-${n}.mdx`,
      bodyLine: 5,
      frontmatter: {},
    }));
    // 8 MB: the worker cannot even load Astro.
    const result = await renderBodies(configWith(astroConfig.markdown!.processor!), { optimize: true }, cacheDir, jobs, {
      onWorker: true,
      heapMb: 8,
    });
    expect(result.bodies.map((b) => readFileSync(b.file, 'utf8'))).toEqual(
      jobs.map((_, i) => `<p id="p1">${['一', '二'][i]}つ目の段落、${stamp}。</p>`),
    );
    expect(result.notices.filter((n) => n.includes('reached its heap limit of 8 MB'))).toHaveLength(1);
    expect(result.notices.join('\n')).toMatch(
      /while compiling pages\/heap-[一二]\.mdx: it and the bodies after it are compiled in the build's thread/,
    );
  });

  for (const onWorker of [true, false]) {
    it(`runs the content's checks of the bodies to compile before compiling any, ${onWorker ? 'on a worker thread' : "in the build's thread"}`, async () => {
      const stamp = `${Date.now()}、${String(onWorker)}`;
      const jobs = ['一', '二'].map((n) => ({
        body: `検査の段落${n}、${stamp}。\n`,
        filePath: join(work, 'pages', `${n}.mdx`),
        file: `pages/${n}.mdx`,
        bodyLine: 5,
        frontmatter: {},
      }));
      // On disk: the compile cache forgets the entries of a source that is gone.
      mkdirSync(join(work, 'pages'), { recursive: true });
      for (const job of jobs) writeFileSync(job.filePath, job.body);
      const config = configWith(astroConfig.markdown!.processor!);
      const html = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.html')) : []);
      const failing = renderBodies(config, { optimize: true }, cacheDir, jobs, {
        onWorker,
        checks: async () => {
          throw new ContentError('pages/二.mdx: 検査に通らない');
        },
      });
      await expect(failing).rejects.toThrow('pages/二.mdx: 検査に通らない');
      expect(html()).toEqual([]);
      // The first body is compiled once, by itself; then only the second is left to check and compile.
      await renderBodies(config, { optimize: true }, cacheDir, jobs.slice(0, 1), { onWorker });
      const asked: Array<{ toCompile: readonly number[]; compiled: number }> = [];
      const result = await renderBodies(config, { optimize: true }, cacheDir, jobs, {
        onWorker,
        checks: async (toCompile) => void asked.push({ toCompile, compiled: html().length }),
      });
      expect(asked).toEqual([{ toCompile: [1], compiled: 1 }]);
      expect(result.counts).toEqual({ kept: 1, rendered: 1, onWorker });
      // Nothing left to compile: the checks run, for no body.
      asked.length = 0;
      await renderBodies(config, { optimize: true }, cacheDir, jobs, {
        onWorker,
        checks: async (toCompile) => void asked.push({ toCompile, compiled: html().length }),
      });
      expect(asked).toEqual([{ toCompile: [], compiled: 2 }]);
    });
  }

  for (const onWorker of [true, false]) {
    it(`names the file, line and column of a body that cannot be compiled, ${onWorker ? 'on a worker thread' : "in the build's thread"}`, async () => {
      const error = await buildRender([{ body: `一行目。\n\n段落 {1 +} ${Date.now()}。\n`, filePath: page }], onWorker).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContentError);
      expect((error as Error).message).toMatch(/^pages\/about\.mdx:7:\d+: the body cannot be rendered — \S/);
    });
  }

  it('refuses, on the worker thread, a processor other than the one of astro.config.mjs that the worker uses, and blames no file for it', async () => {
    const error = await buildRender([{ body: '段落。\n', filePath: page }], true, plain).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(
      /^the Markdown processor of astro\.config\.mjs is not the build's \(an integration changed it\)/,
    );
  });

  it('gives back, once each, what the plugins said of a body: compiled on the worker thread, then from the cache', async () => {
    // A document of the fixture story: the readings plugin asks an editor to check 東京, which
    // only the tokenizer read.
    const doc = join(root.pathname, 'tests', 'fixtures', 'story', 'documents', `notice-${Date.now()}.mdx`);
    const body = '会談は東京で開かれた。\n';
    const first = await buildRender([{ body, filePath: doc }], true);
    expect(first.notices.filter((n) => n.includes('東京'))).toHaveLength(1);
    const again = await buildRender([{ body, filePath: doc }], true);
    expect(again.counts.kept).toBe(1);
    expect(again.notices).toEqual(first.notices);
  });

  it("compiles on a worker thread in a folder of WORKER_FROM bodies or more, in the build's thread below, and nowhere when nothing is missing", () => {
    expect(WORKER_FROM).toBe(50);
    expect([compilesOnWorker(50, 1), compilesOnWorker(1000, 1000), compilesOnWorker(49, 49), compilesOnWorker(3, 1)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([compilesOnWorker(1000, 0), compilesOnWorker(3, 1, true), compilesOnWorker(1000, 1, false)]).toEqual([false, true, false]);
  });

  it("in the build's thread, lets the plugins print what they say once, and gives it back from the cache without printing it", async () => {
    const printed = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = join(root.pathname, 'tests', 'fixtures', 'story', 'documents', `notice-main-${Date.now()}.mdx`);
    const body = '会談は東京で開かれた。\n';
    const first = await buildRender([{ body, filePath: doc }], false);
    const said = printed.mock.calls.map((args) => String(args[0])).filter((line) => line.includes('東京'));
    expect(said).toHaveLength(1);
    expect(first.notices).toEqual([]);
    printed.mockClear();
    const again = await buildRender([{ body, filePath: doc }], false);
    expect(again.counts.kept).toBe(1);
    expect(again.notices).toEqual(said);
    expect(printed).not.toHaveBeenCalled();
  });

  it('deletes what no build used for a week, and keeps the rest', async () => {
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
    await buildRender([], false);
    expect(readdirSync(cacheDir)).toEqual(['recent.html']);
  });
});
