// Every document body is turned into HTML here, once, while the content is loaded: with the one
// Markdown processor of astro.config.mjs (its MDX renderer, called as @astrojs/mdx calls it, compile
// cache included), then Astro's own MDX renderer (the container API) runs the compiled body. The
// HTML goes to a file of the cache; the loader keeps only that file's name in the content layer's
// store, and the pages read it (bodyHtml, src/data.ts).
//
// Why not let @astrojs/mdx render each body as a module of the build (deferred rendering)? Every
// body with readings on every word then became one large JavaScript module that Vite bundled and
// the build kept to its end: at 1,000 documents about 7 s of every rebuild and most of the build's
// peak memory. Nor the HTML in the store: Astro bundles the store as one string, 36 MB at 1,000
// documents, and the bundle peaked at 1.9 GB (tests/bench/README.md).
//
// Only what a plain body needs is supported: text, inline MDX and expressions. The content's own
// check (src/lib/content/paragraphs.ts) refuses imports, exports and the rest before this runs.
import type { AstroConfig } from 'astro';
import Tinypool from 'tinypool';
import { mapLimit } from './integrations/limit.ts';
import { outOfMemory, runFailingWithPool } from './integrations/worker-pool.ts';
import { filesStamp, writeAtomically } from './cache-files.ts';
import { ContentError } from './lib/content/references.ts';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { importedModules, lexerReady, moduleAsFunction } from './compiled-body.ts';

/** A rendered body: the file holding its HTML (named by a hash of everything that made it). */
export interface RenderedBody {
  file: string;
}

/** What rendering a body gave: the body, and what the plugins said of it (the readings to check). */
export interface BodyResult extends RenderedBody {
  notices: string[];
}

export type BodyRenderer = (body: string, filePath: string, frontmatter: Record<string, unknown>) => Promise<RenderedBody>;

/** The MDX options of the build (astro.config.mjs passes the same to the MDX integration). */
export interface MdxOptions {
  optimize: boolean;
}

/** What a renderer needs of Astro's resolved config (plain data: it is sent to a worker thread). */
export interface RenderSettings {
  root: string;
  srcDir: string;
  /** The Markdown options @astrojs/mdx passes to the processor (its vite-plugin-mdx.js). */
  shared: Record<string, unknown>;
  mdx: MdxOptions;
  cacheDir: string;
}

type Processor = AstroConfig['markdown']['processor'];
type MdxRenderer = Awaited<ReturnType<NonNullable<Processor['createMdxRenderer']>>>;

/** A renderer that can give a kept compile without compiling (the compile cache of src/mdx-cache.ts). */
interface Peekable {
  peek(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<{ code: string; notices: string[] } | undefined>;
}

/** An error of the renderer itself (its worker, its config), not of a body: no file is to blame. */
const STARTUP = '[renderer] ';

const week = 7 * 24 * 3600 * 1000;

/** Deletes the bodies no build has used for a week, and temporary files left by a stopped build. */
async function prune(dir: string, now = Date.now()): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const path = join(dir, name);
    const age = now - ((await stat(path).catch(() => undefined))?.mtimeMs ?? now);
    if (age > week || (name.endsWith('.tmp') && age > 3600 * 1000)) await rm(path, { force: true }).catch(() => {});
  }
}

/**
 * A module loaded by Node itself. The loaders run inside Vite's module runner, where Astro's
 * container would look for the build's virtual modules; a data: URL is always left to Node, and
 * the modules it imports (absolute file URLs) with it.
 */
const nativeImport = async <T>(href: string): Promise<T> =>
  (
    (await import(/* @vite-ignore */ `data:text/javascript,import * as m from ${JSON.stringify(href)}; export default m;`)) as {
      default: T;
    }
  ).default;

/**
 * Astro's MDX renderer, loaded by Node itself (see nativeImport): compiled body in, HTML out. The
 * compiled body runs as a function, not as a module Node would keep (src/compiled-body.ts).
 */
async function createMdxRunner(href: (name: string) => string): Promise<(code: string) => Promise<string>> {
  const [{ experimental_AstroContainer: AstroContainer }, { getContainerRenderer }, mdxServer, { Fragment }] = await Promise.all([
    nativeImport<typeof import('astro/container')>(href('astro/container')),
    nativeImport<typeof import('@astrojs/mdx/container-renderer')>(href('@astrojs/mdx/container-renderer')),
    nativeImport<{ default: unknown }>(href('@astrojs/mdx/server.js')),
    nativeImport<typeof import('astro/jsx-runtime')>(href('astro/jsx-runtime')),
    lexerReady,
  ]);
  const container = await AstroContainer.create({ renderers: [{ ...getContainerRenderer(), ssr: mdxServer.default as never }] });
  // What a body imports (Astro's runtime), each loaded once.
  const imported = new Map<string, Promise<object>>();
  const load = (name: string) => {
    if (!imported.has(name)) imported.set(name, nativeImport<object>(href(name)));
    return imported.get(name)!;
  };
  return async (code) => {
    const { imports, body } = moduleAsFunction(code);
    const modules = await importedModules(imports, load);
    const run = runInThisContext(`(function (__imports) {${body}\n})`, { filename: 'compiled-body.js' }) as (modules: unknown[]) => {
      default?: unknown;
    };
    // As @astrojs/mdx's wrapper of every compiled body does: the static parts need Fragment.
    return container.renderToString(run(modules).default as never, { props: { components: { Fragment } } });
  };
}

/** The settings of a renderer for `config`, the build's resolved config. */
export function renderSettings(config: AstroConfig, mdx: MdxOptions, cacheDir: string): RenderSettings {
  const { syntaxHighlight, shikiConfig, gfm, smartypants } = config.markdown;
  return { root: config.root.href, srcDir: config.srcDir.href, shared: { syntaxHighlight, shikiConfig, gfm, smartypants }, mdx, cacheDir };
}

/** The processor's MDX renderer, called as @astrojs/mdx calls it, so the compile cache keys a body the same way whoever asks. */
async function mdxRendererOf(processor: Processor, settings: RenderSettings): Promise<MdxRenderer> {
  if (!processor.createMdxRenderer) throw new Error(`${STARTUP}the Markdown processor "${processor.name}" cannot render MDX.`);
  return processor.createMdxRenderer(settings.shared as Parameters<typeof processor.createMdxRenderer>[0], {
    optimize: settings.mdx.optimize,
    srcDir: new URL(settings.srcDir),
  });
}

/** What makes a processor's output: its plugins (by name, with their options) and its options, to check that two copies agree. */
export function pipelineOf(processor: Processor): string {
  const describe = (plugin: unknown): unknown =>
    typeof plugin === 'function' ? plugin.name : Array.isArray(plugin) ? [describe(plugin[0]), ...plugin.slice(1)] : plugin;
  const options = processor.options as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(Object.entries(options).map(([key, value]) => [key, Array.isArray(value) ? value.map(describe) : value])),
  );
}

/**
 * The cache of bodies: the HTML of a compiled body under a hash of its code and of the code that
 * runs it (this file and src/compiled-body.ts, Astro and its MDX renderer, the lockfile, Node).
 */
async function bodyCache(settings: RenderSettings) {
  const root = fileURLToPath(settings.root);
  const stamp = await filesStamp([
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('./compiled-body.ts', import.meta.url)),
    join(root, 'package-lock.json'),
    join(root, 'node_modules', '.package-lock.json'),
  ]);
  const fileOf = (code: string) =>
    join(
      settings.cacheDir,
      `${createHash('sha256').update(stamp).update(process.versions.node).update('\0').update(code).digest('hex')}.html`,
    );
  await mkdir(settings.cacheDir, { recursive: true });
  return {
    /** The kept body, marked as used; undefined when it must be rendered. */
    async kept(code: string): Promise<RenderedBody | undefined> {
      const file = fileOf(code);
      const now = new Date();
      // Written under another name and renamed: a file that exists is complete.
      return utimes(file, now, now).then(
        () => ({ file }),
        () => undefined,
      );
    },
    async keep(code: string, html: string): Promise<RenderedBody> {
      const file = fileOf(code);
      await writeAtomically(file, html);
      return { file };
    },
  };
}

type BodyCache = Awaited<ReturnType<typeof bodyCache>>;

/** The position of a compile error, when it has one ("3:5"), counted from the body's first line. */
function positioned(error: unknown): Error {
  const e = error as { line?: unknown; column?: unknown; reason?: unknown; message?: unknown };
  const reason = typeof e.reason === 'string' ? e.reason : String(e.message ?? error);
  const at = typeof e.line === 'number' ? `${e.line}:${typeof e.column === 'number' ? e.column : 1}: ` : '';
  return new Error(`${at}${reason}`, { cause: error });
}

/**
 * A renderer that compiles and runs every body itself, with `processor`: renderBodies, in the
 * build's thread or on its worker thread, and the tests.
 */
export async function createInProcessRenderer(processor: Processor, settings: RenderSettings): Promise<BodyRenderer> {
  return inProcess(await mdxRendererOf(processor, settings), await bodyCache(settings), settings);
}

/** The in-process renderer over an MDX renderer and a cache of bodies already made. */
function inProcess(renderer: MdxRenderer, cache: BodyCache, settings: RenderSettings): BodyRenderer {
  const require = createRequire(join(fileURLToPath(settings.root), 'package.json'));
  const run = createMdxRunner((name) => pathToFileURL(require.resolve(name)).href).catch((error: unknown) => {
    throw new Error(`${STARTUP}Astro's MDX renderer cannot be loaded: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  });
  // Awaited only once a body is compiled: until then, a failure to load is kept, not unhandled.
  run.catch(() => {});
  return async (body, filePath, frontmatter) => {
    const { code } = await renderer.process(body, filePath, frontmatter).catch((error: unknown) => {
      throw positioned(error);
    });
    return (await cache.kept(code)) ?? cache.keep(code, await (await run)(code));
  };
}

/** One body to render: its text, its file (path, name for messages, first line of the body) and frontmatter. */
export interface BodyJob {
  body: string;
  filePath: string;
  /** The file as messages name it (documents/analysis.mdx). */
  file: string;
  /** The line of the file the body starts on, so that a message points into the file. */
  bodyLine: number;
  frontmatter: Record<string, unknown>;
}

/** How many bodies came from the caches, how many were compiled and run, and where. */
export interface RenderCounts {
  kept: number;
  rendered: number;
  onWorker: boolean;
}

/**
 * In a folder of this many bodies or more, the bodies to compile are compiled on a worker thread.
 * The worker starts in about 2 s (it loads astro.config.mjs, Astro and the tokenizer again), and gives back
 * when the content is loaded what compiling kept: the tokenizer of the readings (about 80 MB) and
 * a heap V8 lets grow up to WORKER_HEAP_MB. That memory matters in a large story, whose build
 * peaks near it later, even after a one-word correction; in a small one the build's own thread is
 * quicker.
 */
export const WORKER_FROM = 50;

/**
 * The worker thread's heap, in MB. It keeps nothing of a body once the body's HTML is written (see
 * createMdxRunner), so what it holds is the tokenizer, Astro and the plugins, whatever the number
 * of bodies: sampled every 2 s over a 1,000-document build, 126–159 MB of heap in use, garbage
 * included, since the tokenizer's dictionary is compact (src/lib/furigana/dictionary.ts; up to
 * 248 MB before). Left to itself, V8 let the heap grow to about 430 MB between two collections;
 * within this limit it collects sooner. 240 against 320 at 1,000 documents: no more CPU time
 * (115–119 against 128 CPU-seconds), and a lower peak in two of three builds (908 and 929 against
 * 935 MB; the third 1,008: tests/bench/README.md).
 */
export const WORKER_HEAP_MB = 240;

/**
 * The young generation of that heap, in MB: under a limit of the old one, V8 sizes it small, and
 * every body's short-lived trees went through scavenges and into the old generation. In two pairs
 * of cold builds at 1,000 documents, 32 MB (or 48) against the default cost about 30–45 MB of peak
 * (842 and 844 against 811 and 800 MB) for 4.7 and 6.2 fewer user CPU-seconds and a content load
 * 3–4 s shorter (tests/bench/README.md).
 */
export const WORKER_YOUNG_MB = 32;

/**
 * The limit applies when the worker compiles this many bodies or more. Below, so few bodies do not
 * grow its heap far, and the limit only cost collections while the tokenizer loads: the end-to-end
 * tests' two builds of their 60-document story took 4 CPU-seconds more with it.
 */
export const HEAP_LIMIT_FROM = 200;

/** Whether the `missing` bodies of a folder of `total` are compiled on a worker thread. */
export function compilesOnWorker(total: number, missing: number, asked?: boolean): boolean {
  return missing > 0 && (asked ?? total >= WORKER_FROM);
}

/**
 * The error of a body, naming its file and, when known, the line and column in that file; an error
 * of the renderer itself (marked STARTUP) is passed on as it is, without a file to blame.
 */
const bodyError = (job: BodyJob | undefined) => (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith(STARTUP) || !job) throw new Error(message.replace(STARTUP, ''), { cause: error });
  const at = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  const where = at ? `${job.file}:${Number(at[1]) + job.bodyLine - 1}:${at[2]}` : job.file;
  throw Object.assign(new ContentError(`${where}: the body cannot be rendered — ${at ? at[3] : message}`), { cause: error });
};

/**
 * Renders bodies with the Markdown processor and MDX options of `config`, the build's. A body
 * compiled and rendered before is taken from the caches (src/mdx-cache.ts, then this one's). The
 * others are compiled and run in this thread, or on a worker thread (src/render-body-worker.ts)
 * in a large folder (WORKER_FROM), or as `onWorker` says. The plugins' notices (the
 * readings to check) are given back, each once, for the loader to log.
 *
 * `checks` (the loader's checks of the content) runs once the bodies to compile are known, with
 * their places in `jobs`, and before any is compiled; a worker thread starts (it takes about 2 s)
 * while it runs. A body the compile cache holds was checked by the build that compiled it: the
 * cache's key holds the body and every source file, the checks' code included.
 */
export async function renderBodies(
  config: AstroConfig,
  mdx: MdxOptions,
  cacheDir: string,
  jobs: readonly BodyJob[],
  options: { onWorker?: boolean; checks?: (toCompile: readonly number[]) => Promise<void>; heapMb?: number } = {},
): Promise<{ bodies: RenderedBody[]; notices: string[]; counts: RenderCounts }> {
  const processor = config.markdown.processor;
  const settings = renderSettings(config, mdx, cacheDir);
  const renderer = (await mdxRendererOf(processor, settings).catch(bodyError(undefined))) as MdxRenderer & Partial<Peekable>;
  const cache = await bodyCache(settings);
  await prune(cacheDir);
  const notices: string[] = [];
  const bodies: Array<RenderedBody | undefined> = await mapLimit(jobs, 8, async (job) => {
    const kept = await renderer.peek?.(job.body, job.filePath, job.frontmatter).catch(bodyError(job));
    const body = kept && (await cache.kept(kept.code));
    if (body) notices.push(...kept.notices);
    return body || undefined;
  });
  const missing = jobs.flatMap((job, i) => (bodies[i] ? [] : [{ job, i }]));
  const onWorker = compilesOnWorker(jobs.length, missing.length, options.onWorker);
  const counts = { kept: jobs.length - missing.length, rendered: missing.length, onWorker };
  const done = () => ({ bodies: bodies as RenderedBody[], notices, counts });
  const checks = () => options.checks?.(missing.map(({ i }) => i));
  if (!onWorker) {
    await checks();
    if (missing.length === 0) return done();
    // In this thread the plugins print their notices themselves, as they do in any build (the
    // compile cache repeats them on a hit): other loaders run at the same time, so what is printed
    // here is not captured.
    const render = inProcess(renderer, cache, settings);
    await mapLimit(missing, 4, async ({ job, i }) => {
      bodies[i] = await render(job.body, job.filePath, job.frontmatter).catch(bodyError(job));
    });
    return done();
  }
  const heapMb = options.heapMb ?? WORKER_HEAP_MB;
  const pool = new Tinypool({
    filename: new URL('./render-body-worker.ts', import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
    workerData: { settings, pipeline: pipelineOf(processor) },
    ...(options.heapMb || missing.length >= HEAP_LIMIT_FROM
      ? { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }
      : {}),
  });
  // A body too large for the worker's heap (or a story whose plugins' data outgrew it) is not a
  // failed build: it and the bodies after it are compiled in this thread, which has no such limit,
  // and the loader says so. (Node may also end the whole process at a heap limit, nodejs/node#47224;
  // npm run build then removes the output, as for any failed build.)
  let inThisThread: BodyRenderer | undefined;
  const toThisThread = (job: BodyJob) => (error: unknown) => {
    if (!outOfMemory(error)) return bodyError(job)(error);
    if (!inThisThread) {
      notices.push(
        `[renderer] the worker thread reached its heap limit of ${heapMb} MB (WORKER_HEAP_MB in src/render-body.ts) while compiling ${job.file}: it and the bodies after it are compiled in the build's thread`,
      );
      inThisThread = inProcess(renderer, cache, settings);
    }
    return undefined;
  };
  const run = runFailingWithPool(pool);
  try {
    // The worker loads the config, Astro and the plugins' story files and tokenizer while the
    // checks run here. A failure to start is not lost: the first body meets it again.
    run({ prepare: missing[0]!.job.filePath }).catch(() => {});
    await checks();
    await mapLimit(missing, 4, async ({ job, i }) => {
      const { body, filePath, frontmatter } = job;
      const result = inThisThread ? undefined : await run<BodyResult>({ body, filePath, frontmatter }).catch(toThisThread(job));
      if (result) {
        bodies[i] = { file: result.file };
        notices.push(...result.notices);
      } else bodies[i] = await inThisThread!(body, filePath, frontmatter).catch(bodyError(job));
    });
  } finally {
    await pool.destroy();
  }
  return done();
}

/**
 * Gathers what the plugins say with console.warn (src/markdown.ts: the readings to check) while
 * a body compiles, instead of printing it, and gives it back. For the worker thread only, which
 * compiles one body at a time and runs nothing else: its own output could be lost when it is ended.
 */
export function collectWarnings(): () => string[] {
  const said: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void said.push(args.map(String).join(' '));
  return () => {
    console.warn = warn;
    return said.splice(0);
  };
}
