// Astro integration: the link-preview images (og/<page>.png, src/lib/sharing/og-image.ts), made
// after the pages. Each image is kept in a cache that survives between builds
// (node_modules/.cache/preview-images/), under a key made of everything that shapes it: the card
// (title, kind, site name, figure), the font file, the versions of the drawing library
// (@napi-rs/canvas, Skia), BudouX, sharp and the libraries under it (libvips, librsvg, libspng…),
// and the source of the layout code. An image whose key is in the cache is copied, not
// rendered; the others are rendered on every core (a tinypool of worker threads). Entries no
// build of this story uses any more are deleted, so no entry outlives the inputs it was made from.
//
// Only link previews use the images, and previews need absolute URLs: without SITE_URL no page
// links an image, so none is made.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { mapLimit } from './limit.ts';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Tinypool from 'tinypool';
import { drawingEnvironment, siteUrl, storyDir, type DrawingEnvironment } from '../config.ts';
import { storyOutputs } from './story-outputs.ts';
import { ogImageRoute } from '../lib/sharing/page-meta.ts';
import { ogFontPath } from '../lib/sharing/og-font.ts';
import type { OgCard } from '../lib/sharing/og-image.ts';
import type { DrawingBatch } from './preview-image-worker.ts';
import { runFailingWithPool } from './worker-pool.ts';

const require = createRequire(import.meta.url);

/** The code that lays out and draws an image: a change to any of it changes every key. */
const layoutSources = ['../lib/sharing/og-image.ts', '../lib/sharing/og-font.ts', '../lib/view/phrases.ts', '../lib/view/kinsoku.ts'];
// @napi-rs/canvas pins its native binaries (Skia, HarfBuzz) to its own version; which one is
// installed is hashed too (rendererVersion).
// fontkit tells which characters the font has (the others are drawn as 〓).
const libraries = ['@napi-rs/canvas', 'budoux', 'fontkit'];

interface Manifest {
  name?: string;
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const readManifest = async (path: string): Promise<Manifest> => JSON.parse(await readFile(path, 'utf8')) as Manifest;

/** The installed version of a package: its package.json, found upwards from its entry point (some export none). */
async function packageVersion(name: string): Promise<string> {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = await readManifest(join(dir, 'package.json'));
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level
    }
  }
  throw new Error(`The version of ${name}, which draws the preview images, was not found.`);
}

/** The optional (platform) dependencies of a package that are installed, with their versions, found from the package itself. */
async function installedBinaries(name: string): Promise<string[]> {
  const manifest = require.resolve(`${name}/package.json`);
  const { optionalDependencies = {} } = await readManifest(manifest);
  const from = createRequire(manifest);
  const found: string[] = [];
  for (const dep of Object.keys(optionalDependencies)) {
    let path: string;
    try {
      path = from.resolve(`${dep}/package.json`);
    } catch {
      continue; // not for this platform
    }
    found.push(`${dep}@${(await readManifest(path)).version ?? ''}`);
  }
  return found;
}

/**
 * A hash of everything but the card that shapes an image; `environment` is the drawing library's
 * (src/config.ts), given here so that a test can vary it.
 */
export async function rendererVersion(environment: DrawingEnvironment = drawingEnvironment): Promise<string> {
  const hash = createHash('sha256');
  for (const source of layoutSources) hash.update(await readFile(new URL(source, import.meta.url)));
  for (const name of libraries) hash.update(`${name}@${await packageVersion(name)}`);
  // The drawing library's native build: the machine's platform and processor (x64 and arm64 builds
  // may differ by a level on edge pixels), the platform package installed, and the environment
  // that chooses another build or changes FreeType's hinting.
  hash.update(`${process.platform}-${process.arch}`);
  for (const binary of await installedBinaries('@napi-rs/canvas')) hash.update(binary);
  hash.update(JSON.stringify(environment));
  // A build of Skia given by path: its size and time, so that one rebuilt in place counts as new.
  if (environment.nativeLibraryPath) {
    const { size, mtimeMs } = await stat(environment.nativeLibraryPath);
    hash.update(`${size}:${mtimeMs}`);
  }
  // Intl.Segmenter cuts the title into characters: its data comes with Node's ICU.
  hash.update(`icu@${process.versions.icu ?? ''}`);
  // sharp and every library it rasterises and encodes with (libvips, librsvg for the tracker's figure, libspng, …).
  hash.update(JSON.stringify((require('sharp') as { versions: Record<string, string> }).versions));
  hash.update(await readFile(ogFontPath));
  return hash.digest('hex');
}

/** The cache key of one card under one renderer version. */
export function cardKey(card: OgCard, version: string): string {
  const { title, kind, siteName, figure } = card;
  return createHash('sha256')
    .update(version)
    .update(JSON.stringify([title, kind, siteName, figure ?? null]))
    .digest('hex')
    .slice(0, 32);
}

export interface PreviewImageJob {
  /** The page the image is for ("actors/rubio.html"). */
  route: string;
  card: OgCard;
}

export interface PreviewImageResult {
  /** Routes whose image was rendered. */
  rendered: string[];
  /** Routes whose image came from the cache. */
  copied: string[];
}

/** Drawing the images a cache lacks, on a pool of worker threads that more threads can join. */
export interface Rendering {
  /** Adds threads (the build has finished bundling, and its core is free again). */
  addThreads(count: number): void;
  /**
   * Settles when every missing image is in the cache: every job with its cache file, the cache
   * files it lacked, and how many images the threads drew.
   */
  done: Promise<{ keyed: KeyedJob[]; files: Set<string>; drawn: number }>;
}

/** A job with the name of its cache entry. */
export type KeyedJob = PreviewImageJob & { file: string };

const keyedJobs = (jobs: readonly PreviewImageJob[], version: string): KeyedJob[] =>
  jobs.map((job) => ({ ...job, file: `${cardKey(job.card, version)}.png` }));

/** Starts drawing, on `threads` threads, the images of `jobs` that `cacheDir` lacks. */
export function startRendering(options: {
  jobs: readonly PreviewImageJob[];
  cacheDir: string;
  threads: number;
  version?: string;
}): Rendering {
  const { jobs, cacheDir } = options;
  const pools: Tinypool[] = [];
  const loops: Promise<number>[] = [];
  let batch: DrawingBatch | undefined;
  let ready!: () => void;
  const started = new Promise<void>((resolve) => (ready = resolve));
  // Each thread takes the next image from the shared counter and writes it into the cache itself:
  // the main thread, busy bundling, is never between two images.
  let settled = false;
  const addThreads = (count: number) => {
    if (!batch || settled) return;
    const left = batch.jobs.length - Atomics.load(new Int32Array(batch.next), 0);
    const threads = Math.min(count, left);
    if (threads < 1) return;
    const pool = new Tinypool({
      filename: new URL('./preview-image-worker.ts', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // No heap limit: a thread's heap holds little (about 22 MB after 1,500 titles drawn alone; the
      // font and the canvas are the native library's), and under a limit V8 collected after nearly
      // every image, for the 3 MB of pixels each hands to sharp: 600 images drawn alone took 0.6 s
      // of collections and 10.6–11.5 ms an image with a limit of 160 or 512 MB, 0.05 s and 9.5 ms
      // without, at the same peak (about 250 MB). (With satori, which kept the parsed font in the
      // heap, a limit of 160 MB had kept the threads' memory down.)
    });
    pools.push(pool);
    const runOnPool = runFailingWithPool(pool);
    for (let i = 0; i < threads; i++) {
      const run = runOnPool<number>(batch);
      // On the first failure the other threads stop after their current image (the counter is
      // moved past the end); the failure itself reaches `done` through the loop below.
      run.catch(() => Atomics.store(new Int32Array(batch!.next), 0, batch!.jobs.length));
      loops.push(run);
    }
  };
  const done = (async () => {
    const version = options.version ?? (await rendererVersion());
    await mkdir(cacheDir, { recursive: true });
    const cached = new Set((await readdir(cacheDir)).filter((f) => f.endsWith('.png')));
    const keyed = keyedJobs(jobs, version);
    const missing = new Map<string, KeyedJob>();
    for (const job of keyed) if (!cached.has(job.file)) missing.set(job.file, job);
    batch = {
      jobs: [...missing.values()].map(({ card, file }) => ({ card, file })),
      cacheDir,
      next: new SharedArrayBuffer(4),
    };
    addThreads(options.threads);
    ready();
    let drawn = 0;
    try {
      // Threads added later push more loops: wait until no loop is left running, and every one
      // has settled (a failed loop must not leave the others running on pools being destroyed).
      for (let waited = 0; waited < loops.length;) {
        const running = loops.length;
        const results = await Promise.allSettled(loops.slice(waited, running));
        for (const result of results) {
          if (result.status === 'rejected') throw result.reason;
          drawn += result.value;
        }
        waited = running;
      }
    } finally {
      settled = true;
      await Promise.all(pools.map((pool) => pool.destroy()));
    }
    return { keyed, files: new Set(missing.keys()), drawn };
  })();
  return { addThreads: (count) => void started.then(() => addThreads(count)), done };
}

/** Writes the image of every job into `outDir` (og/…), rendering only what the cache lacks. */
export async function writePreviewImages(options: {
  jobs: readonly PreviewImageJob[];
  outDir: string;
  cacheDir: string;
  threads?: number;
  version?: string;
  /** Drawing already under way (started while the build bundled), for the same jobs. */
  rendering?: Rendering;
}): Promise<PreviewImageResult> {
  const { jobs, outDir, cacheDir, version } = options;
  const rendering =
    options.rendering ??
    startRendering({ jobs, cacheDir, threads: options.threads ?? availableParallelism(), ...(version ? { version } : {}) });
  // The keys come from the drawing, which hashed the renderer once.
  const { keyed, files: renderedFiles } = await rendering.done;

  await mapLimit(keyed, 64, async (job) => {
    const target = join(outDir, ogImageRoute(job.route));
    await mkdir(dirname(target), { recursive: true });
    try {
      await copyFile(join(cacheDir, job.file), target);
    } catch (error) {
      // Another build of this story pruned the entry meanwhile: draw it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const { renderOgPng } = await import('../lib/sharing/og-image.ts');
      await writeFile(target, await renderOgPng(job.card));
    }
  });
  // Entries of earlier inputs: no build of this story will ask for them again. (Only finished
  // entries: a .tmp file may be an image another build of this story is writing.)
  const used = new Set(keyed.map((j) => j.file));
  await mapLimit(
    (await readdir(cacheDir)).filter((f) => f.endsWith('.png') && !used.has(f)),
    64,
    (f) => rm(join(cacheDir, f), { force: true }),
  );
  // What a build stopped half-way left behind.
  const hourAgo = Date.now() - 3600 * 1000;
  for (const f of (await readdir(cacheDir)).filter((name) => name.endsWith('.tmp'))) {
    const { mtimeMs } = await stat(join(cacheDir, f)).catch(() => ({ mtimeMs: Date.now() }));
    if (mtimeMs < hourAgo) await rm(join(cacheDir, f), { force: true });
  }

  return {
    rendered: keyed.filter((j) => renderedFiles.has(j.file)).map((j) => j.route),
    copied: keyed.filter((j) => !renderedFiles.has(j.file)).map((j) => j.route),
  };
}

/** The caches of other story folders (a moved checkout, the benchmark's stories) unused for a week. */
async function pruneOtherStories(cacheRoot: string, current: string): Promise<void> {
  await mkdir(join(cacheRoot, current), { recursive: true });
  const now = new Date();
  await utimes(join(cacheRoot, current), now, now);
  const week = 7 * 24 * 3600 * 1000;
  for (const entry of await readdir(cacheRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const { mtimeMs } = await stat(join(cacheRoot, entry.name));
    if (now.getTime() - mtimeMs > week) await rm(join(cacheRoot, entry.name), { recursive: true, force: true });
  }
}

interface ImageJobs {
  jobs: PreviewImageJob[];
  cacheDir: string;
  cacheRoot: string;
  folder: string;
}

/** The images of the story in `dir`, and the folder of its cache. */
async function imageJobs(dir: string, root: string): Promise<ImageJobs> {
  const { cards, siteName } = await storyOutputs(dir);
  const jobs = cards.map(({ route, title, kind, figure }) => ({
    route,
    card: { title, kind, siteName, ...(figure ? { figure } : {}) },
  }));
  // One cache per content folder, so two stories built from one checkout keep their own.
  const folder = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  const cacheRoot = join(root, 'node_modules', '.cache', 'preview-images');
  return { jobs, cacheDir: join(cacheRoot, folder), cacheRoot, folder };
}

export function previewImages(): AstroIntegration {
  let root = process.cwd();
  let command = '';
  let early: Promise<{ images: ImageJobs; rendering: Rendering; started: number; threads: number }> | undefined;
  return {
    name: 'preview-images',
    hooks: {
      'astro:config:setup': ({ command: given }) => {
        command = given;
      },
      // The images depend on the content folder only, not on the collections nor the pages: in a
      // build they are drawn from the start, while Astro loads the content (where every body is
      // compiled), bundles and renders, on every core but the one the build runs on, and on all of
      // them once it is done.
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        if (!siteUrl || command !== 'build') return;
        const started = performance.now();
        early = imageJobs(storyDir, root).then((images) => {
          const threads = Math.max(1, availableParallelism() - 1);
          const rendering = startRendering({ jobs: images.jobs, cacheDir: images.cacheDir, threads });
          // A failure surfaces at the end of the build, where the images are written.
          rendering.done.catch(() => {});
          return { images, rendering, started, threads };
        });
        // Content the collections reject: the build stops there, with their message.
        early.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!siteUrl) return;
        const started = performance.now();
        // The jobs the drawing started with (the content has not changed since).
        const drawing = await early;
        early = undefined;
        const { jobs, cacheDir, cacheRoot, folder } = drawing?.images ?? (await imageJobs(storyDir, root));
        await pruneOtherStories(cacheRoot, folder);
        // The core the build ran on is free now.
        if (drawing) drawing.rendering.addThreads(availableParallelism() - drawing.threads);
        const { rendered, copied } = await writePreviewImages({
          jobs,
          outDir: fileURLToPath(dir),
          cacheDir,
          ...(drawing ? { rendering: drawing.rendering } : {}),
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        const since = drawing ? ` (drawing began with the build, ${((performance.now() - drawing.started) / 1000).toFixed(1)} s ago)` : '';
        logger.info(`${jobs.length} preview images in ${seconds} s: ${rendered.length} rendered, ${copied.length} from the cache${since}`);
      },
    },
  };
}
