// Every document body is turned into HTML here, once, while the content is loaded: with the one
// Markdown processor of astro.config.mjs (its MDX renderer, as @astrojs/mdx calls it, compile cache
// included), then Astro's own MDX renderer (the container API) runs the compiled module. The
// loader keeps the HTML in the content layer's store, as Astro's glob loader does for Markdown.
//
// Why not let @astrojs/mdx render each body as a module of the build (deferred rendering)? Every
// body with readings on every word then became one large JavaScript module that Vite bundled and
// the build kept in memory: at 1,000 documents about 7 s of every rebuild and most of the build's
// peak memory (tests/bench/README.md). As HTML in the store, a body costs the build one string.
import type { AstroConfig } from 'astro';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import Tinypool from 'tinypool';
import { mapLimit } from './integrations/limit.ts';
import { ContentError } from './lib/content/references.ts';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the store keeps of a rendered body: where its HTML is, and its headings. */
export interface RenderedBody {
  /** The file holding the body's HTML (named by a hash of what made it). */
  file: string;
  headings: MarkdownHeading[];
}

export type BodyRenderer = (body: string, filePath: string, frontmatter: Record<string, unknown>) => Promise<RenderedBody>;

/** The MDX options of the build (astro.config.mjs passes the same to the MDX integration). */
export interface MdxOptions {
  optimize: boolean;
}

interface CompiledBody {
  default: (props: Record<string, unknown>) => unknown;
  getHeadings?: () => MarkdownHeading[];
}

interface Rendered {
  html: string;
  headings: MarkdownHeading[];
}

const week = 7 * 24 * 3600 * 1000;

/** Deletes the bodies no build has used for a week, and temporary files left by a stopped build. */
async function prune(dir: string, now = Date.now()): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const path = join(dir, name);
    const age = now - ((await stat(path).catch(() => undefined))?.mtimeMs ?? now);
    if (age > week || (name.endsWith('.tmp') && age > 3600 * 1000)) await rm(path, { force: true }).catch(() => {});
  }
}

let writes = 0;

/** Writes `text` to `file` under another name first, so that a stopped build leaves no broken file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${++writes}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
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

const dataUrl = (code: string) => `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;

/** Astro's MDX renderer, loaded by Node itself (see nativeImport). */
async function createMdxRunner(href: (name: string) => string): Promise<(code: string) => Promise<Rendered>> {
  const [{ experimental_AstroContainer: AstroContainer }, { getContainerRenderer }, mdxServer, { Fragment }] = await Promise.all([
    nativeImport<typeof import('astro/container')>(href('astro/container')),
    nativeImport<typeof import('@astrojs/mdx/container-renderer')>(href('@astrojs/mdx/container-renderer')),
    nativeImport<{ default: unknown }>(href('@astrojs/mdx/server.js')),
    nativeImport<typeof import('astro/jsx-runtime')>(href('astro/jsx-runtime')),
  ]);
  const container = await AstroContainer.create({ renderers: [{ ...getContainerRenderer(), ssr: mdxServer.default as never }] });
  return async (code) => {
    // The compiled body names Astro's runtime by package name, which a data: URL cannot resolve.
    const module = (await import(
      /* @vite-ignore */ dataUrl(code.replace(/from "(astro\/[^"]+)"/g, (_, name: string) => `from "${href(name)}"`))
    )) as CompiledBody;
    // As @astrojs/mdx's wrapper of every compiled body does: the static parts need Fragment.
    const html = await container.renderToString(module.default as never, { props: { components: { Fragment } } });
    return { html, headings: module.getHeadings?.() ?? [] };
  };
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

/** The settings of a renderer for `config`, the build's resolved config. */
export function renderSettings(config: AstroConfig, mdx: MdxOptions, cacheDir: string): RenderSettings {
  const { syntaxHighlight, shikiConfig, gfm, smartypants } = config.markdown;
  return { root: config.root.href, srcDir: config.srcDir.href, shared: { syntaxHighlight, shikiConfig, gfm, smartypants }, mdx, cacheDir };
}

/** The processor's MDX renderer, called as @astrojs/mdx calls it, so the compile cache keys a body the same way whoever asks. */
async function mdxRendererOf(processor: Processor, settings: RenderSettings): Promise<MdxRenderer> {
  if (!processor.createMdxRenderer) throw new Error(`The Markdown processor "${processor.name}" cannot render MDX.`);
  return processor.createMdxRenderer(settings.shared as Parameters<typeof processor.createMdxRenderer>[0], {
    optimize: settings.mdx.optimize,
    srcDir: new URL(settings.srcDir),
  });
}

/** What makes a processor's output: its plugins (by name) and options, to check that two copies agree. */
export function pipelineOf(processor: Processor): string {
  const name = (plugin: unknown): unknown =>
    typeof plugin === 'function' ? plugin.name : Array.isArray(plugin) ? name(plugin[0]) : plugin;
  const options = processor.options as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(Object.entries(options).map(([key, value]) => [key, Array.isArray(value) ? value.map(name) : value])),
  );
}

interface BodyCache {
  versions: string;
  keyOf(code: string): { file: string; headingsFile: string };
  /** The kept body, marked as used; undefined when it must be rendered. */
  kept(code: string): Promise<RenderedBody | undefined>;
  keep(code: string, rendered: Rendered): Promise<RenderedBody>;
}

function bodyCache(settings: RenderSettings): BodyCache {
  const require = createRequire(join(fileURLToPath(settings.root), 'package.json'));
  const versions = ['astro', '@astrojs/mdx'].map((name) => (require(`${name}/package.json`) as { version: string }).version).join(' ');
  const keyOf = (code: string) => {
    const key = createHash('sha256').update(versions).update('\0').update(code).digest('hex');
    return { file: join(settings.cacheDir, `${key}.html`), headingsFile: join(settings.cacheDir, `${key}.json`) };
  };
  return {
    versions,
    keyOf,
    async kept(code) {
      const { file, headingsFile } = keyOf(code);
      try {
        const headings = JSON.parse(await readFile(headingsFile, 'utf8')) as MarkdownHeading[];
        const now = new Date();
        await Promise.all([utimes(file, now, now), utimes(headingsFile, now, now)]);
        return { file, headings };
      } catch {
        return undefined; // not kept yet, or kept in part
      }
    },
    async keep(code, { html, headings }) {
      const { file, headingsFile } = keyOf(code);
      // The HTML first: a headings file says its body is complete.
      await writeAtomically(file, html);
      await writeAtomically(headingsFile, JSON.stringify(headings));
      return { file, headings };
    },
  };
}

/**
 * A renderer that compiles and runs every body itself, with `processor`: renderBodies, in the
 * build's thread or on its worker thread, and the tests. The HTML of each body is kept in the cache folder under a
 * hash of its compiled code and of the versions of Astro and its MDX renderer.
 */
export async function createInProcessRenderer(processor: Processor, settings: RenderSettings): Promise<BodyRenderer> {
  const renderer = await mdxRendererOf(processor, settings);
  const cache = bodyCache(settings);
  const require = createRequire(join(fileURLToPath(settings.root), 'package.json'));
  const run = createMdxRunner((name) => pathToFileURL(require.resolve(name)).href);
  await mkdir(settings.cacheDir, { recursive: true });
  return async (body, filePath, frontmatter) => {
    const { code } = await renderer.process(body, filePath, frontmatter);
    return (await cache.kept(code)) ?? cache.keep(code, await (await run)(code));
  };
}

/** One body to render: its text, its file (path, and name for messages) and frontmatter. */
export interface BodyJob {
  body: string;
  filePath: string;
  /** The file as messages name it (documents/analysis.mdx). */
  file: string;
  frontmatter: Record<string, unknown>;
}

/** How many bodies came from the caches, and how many were compiled and run (and where). */
export interface RenderCounts {
  kept: number;
  rendered: number;
  onWorker: boolean;
}

/**
 * From this many bodies to compile in one load, they are compiled on a worker thread. The worker
 * starts in about a second (it loads astro.config.mjs and Astro again), and gives back when the
 * content is loaded what compiling kept: the tokenizer of the readings (about 150 MB) and each
 * compiled module (about 0.5 MB a body). For a few bodies the build's own thread is quicker.
 */
export const WORKER_FROM = 50;

/**
 * Renders bodies with the Markdown processor and MDX options of `config`, the build's. A body
 * compiled and rendered before is taken from the caches (src/mdx-cache.ts, then this one's). The
 * others are compiled and run in this thread, or on a worker thread (src/render-body-worker.ts)
 * when there are many (WORKER_FROM), or when `onWorker` says so.
 */
export async function renderBodies(
  config: AstroConfig,
  mdx: MdxOptions,
  cacheDir: string,
  jobs: readonly BodyJob[],
  options: { onWorker?: boolean } = {},
): Promise<{ bodies: RenderedBody[]; counts: RenderCounts }> {
  const processor = config.markdown.processor;
  const settings = renderSettings(config, mdx, cacheDir);
  const renderer = (await mdxRendererOf(processor, settings)) as MdxRenderer & Partial<Peekable>;
  const cache = bodyCache(settings);
  await mkdir(cacheDir, { recursive: true });
  await prune(cacheDir);
  const named = (job: BodyJob) => (error: unknown) => {
    throw new ContentError(`${job.file}: the body cannot be rendered — ${error instanceof Error ? error.message : String(error)}`);
  };
  const bodies: Array<RenderedBody | undefined> = await mapLimit(jobs, 8, async (job) => {
    const kept = await renderer.peek?.(job.body, job.filePath, job.frontmatter).catch(named(job));
    return (kept && (await cache.kept(kept.code))) || undefined;
  });
  const missing = jobs.flatMap((job, i) => (bodies[i] ? [] : [{ job, i }]));
  const onWorker = missing.length > 0 && (options.onWorker ?? missing.length >= WORKER_FROM);
  const counts = { kept: jobs.length - missing.length, rendered: missing.length, onWorker };
  if (missing.length === 0) return { bodies: bodies as RenderedBody[], counts };
  if (!onWorker) {
    const render = await createInProcessRenderer(processor, settings);
    await mapLimit(missing, 4, async ({ job, i }) => {
      bodies[i] = await render(job.body, job.filePath, job.frontmatter).catch(named(job));
    });
    return { bodies: bodies as RenderedBody[], counts };
  }
  const pool = new Tinypool({
    filename: new URL('./render-body-worker.ts', import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
    workerData: { settings, pipeline: pipelineOf(processor) },
  });
  try {
    await mapLimit(missing, 4, async ({ job, i }) => {
      const { body, filePath, frontmatter } = job;
      bodies[i] = (await pool.run({ body, filePath, frontmatter }).catch(named(job))) as RenderedBody;
    });
  } finally {
    await pool.destroy();
  }
  return { bodies: bodies as RenderedBody[], counts };
}

/** A renderer that can give a kept compile without compiling (the compile cache of src/mdx-cache.ts). */
interface Peekable {
  peek(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<{ code: string } | undefined>;
}
