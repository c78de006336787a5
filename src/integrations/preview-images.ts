// Astro integration: the link-preview images (og/<page>.png, src/lib/sharing/og-image.ts), made
// after the pages. Each image is kept in a cache that survives between builds
// (node_modules/.cache/preview-images/), under a key made of everything that shapes it: the card
// (title, kind, site name, figure), the font file, the versions of satori, BudouX, sharp and the
// libraries under it (libvips, librsvg, libimagequant…), and the source of the layout code. An image whose key is in the cache is copied, not
// rendered; the others are rendered on every core (a tinypool of worker threads). Entries no
// build of this story uses any more are deleted, so no entry outlives the inputs it was made from.
//
// Only link previews use the images, and previews need absolute URLs: without SITE_URL no page
// links an image, so none is made.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { mapLimit } from './limit.ts';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Tinypool from 'tinypool';
import { siteUrl, storyDir } from '../config.ts';
import { storyAfterBuild } from '../story-folder.ts';
import { ogCards } from '../lib/sharing/og-cards.ts';
import { ogImageRoute } from '../lib/sharing/page-meta.ts';
import { ogFontPath } from '../lib/sharing/og-font.ts';
import type { OgCard } from '../lib/sharing/og-image.ts';

const require = createRequire(import.meta.url);

/** The code that lays out and draws an image: a change to any of it changes every key. */
const layoutSources = ['../lib/sharing/og-image.ts', '../lib/sharing/og-font.ts', '../lib/view/phrases.ts', '../lib/view/kinsoku.ts'];
const libraries = ['satori', 'budoux'];

/** The folder of an installed package (found upwards from its entry point: some export no package.json). */
async function packageDir(name: string): Promise<string> {
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    // A dependency satori bundles or only imports as ESM: look for it next to satori.
    entry = join(dirname(require.resolve('satori')), 'node_modules', name, 'x');
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === name) return dir;
    } catch {
      // no package.json at this level
    }
  }
  return '';
}

/** The installed version of a package, or '' when it cannot be found. */
async function packageVersion(name: string): Promise<string> {
  const dir = await packageDir(name);
  if (!dir) return '';
  return (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
}

/** A hash of everything but the card that shapes an image. */
export async function rendererVersion(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of layoutSources) hash.update(await readFile(new URL(source, import.meta.url)));
  // satori and BudouX, and what satori draws with (its layout engine, font parser, line breaker).
  const satoriDeps = Object.keys(
    (JSON.parse(await readFile(join(await packageDir('satori'), 'package.json'), 'utf8')) as { dependencies?: Record<string, string> })
      .dependencies ?? {},
  );
  for (const name of [...libraries, ...satoriDeps]) hash.update(`${name}@${await packageVersion(name)}`);
  // Intl.Segmenter cuts the title into characters: its data comes with Node's ICU.
  hash.update(`icu@${process.versions.icu ?? ''}`);
  // sharp and every library it rasterises and encodes with (libvips, librsvg, libimagequant, …).
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

/** Writes the image of every job into `outDir` (og/…), rendering only what the cache lacks. */
export async function writePreviewImages(options: {
  jobs: readonly PreviewImageJob[];
  outDir: string;
  cacheDir: string;
  threads?: number;
  version?: string;
}): Promise<PreviewImageResult> {
  const { jobs, outDir, cacheDir } = options;
  const version = options.version ?? (await rendererVersion());
  await mkdir(cacheDir, { recursive: true });
  const cached = new Set((await readdir(cacheDir)).filter((f) => f.endsWith('.png')));
  const keyed = jobs.map((job) => ({ ...job, file: `${cardKey(job.card, version)}.png` }));
  const missing = new Map<string, (typeof keyed)[number]>();
  for (const job of keyed) if (!cached.has(job.file)) missing.set(job.file, job);

  if (missing.size > 0) {
    const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), missing.size));
    const pool = new Tinypool({
      filename: new URL('./preview-image-worker.ts', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
    });
    try {
      await Promise.all(
        [...missing.values()].map(async (job) => {
          const png = (await pool.run(job.card)) as Uint8Array;
          // Written under another name first, so a build stopped half-way leaves no broken entry.
          const temporary = join(cacheDir, `${job.file}.${process.pid}.tmp`);
          await writeFile(temporary, png);
          await rename(temporary, join(cacheDir, job.file));
        }),
      );
    } finally {
      await pool.destroy();
    }
  }

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
  // Entries of earlier inputs: no build of this story will ask for them again.
  const used = new Set(keyed.map((j) => j.file));
  await mapLimit(
    (await readdir(cacheDir)).filter((f) => !used.has(f)),
    64,
    (f) => rm(join(cacheDir, f), { force: true }),
  );

  const renderedFiles = new Set(missing.keys());
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

export function previewImages(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'preview-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!siteUrl) return;
        const started = performance.now();
        const model = storyAfterBuild(storyDir);
        const jobs = ogCards(model).map(({ route, title, kind, figure }) => ({
          route,
          card: { title, kind, siteName: model.story.siteName, ...(figure ? { figure } : {}) },
        }));
        // One cache per content folder, so two stories built from one checkout keep their own.
        const folder = createHash('sha256').update(resolve(storyDir)).digest('hex').slice(0, 16);
        const cacheRoot = join(root, 'node_modules', '.cache', 'preview-images');
        const cacheDir = join(cacheRoot, folder);
        await pruneOtherStories(cacheRoot, folder);
        const { rendered, copied } = await writePreviewImages({ jobs, outDir: fileURLToPath(dir), cacheDir });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`${jobs.length} preview images in ${seconds} s: ${rendered.length} rendered, ${copied.length} from the cache`);
      },
    },
  };
}
