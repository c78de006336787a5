// A cache of compiled MDX that survives between builds (node_modules/.cache/mdx/), around the one
// Markdown processor of astro.config.mjs. Astro compiles every .mdx file on every build; with
// readings on every word, that compile (the tokenizer above all) is most of a rebuild after a
// one-line correction. The wrapped processor is still the only thing that turns a body into code:
// on a miss it compiles as before and keeps the result; on a hit it returns the kept result.
//
// A result is kept under a key made of everything that shapes it: the text, the path and the
// frontmatter of the file, the options Astro passes, what the caller says the file's plugins read
// besides the file (`inputsOf`: here, the story's lists of actors, mentions, events and readings),
// and the version of the code and libraries (`version`: the project's sources and lockfile). An
// entry whose source file is gone is deleted, and so is a folder's cache unused for a week.
//
// Written by hand: Vite 8 keeps no transform cache between builds, and no package wraps an
// Astro Markdown processor.
import type { unified } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { writeAtomically } from './cache-files.ts';
import { mapLimit } from './integrations/limit.ts';
import { basename, dirname, join } from 'node:path';

type Processor = ReturnType<typeof unified>;
type MdxRenderer = Awaited<ReturnType<NonNullable<Processor['createMdxRenderer']>>>;
type MdxRenderResult = Awaited<ReturnType<MdxRenderer['process']>>;

export interface CompileCacheOptions {
  /** The cache's folder (one sub-folder per folder of sources). */
  cacheDir: string;
  /** A stamp of what the plugins read for this file besides its own text ('' when nothing). */
  inputsOf: (filePath: string) => string;
  /** A stamp of the code and the libraries that compile (computed once per renderer). */
  version: () => Promise<string>;
  /** The messages the plugins gave while compiling this file: kept, and repeated on a hit. */
  takeNotices?: (filePath: string) => string[];
  /** Told of every file: whether it came from the cache (for the build's log and the tests). */
  onResult?: (filePath: string, hit: boolean) => void;
}

interface Entry {
  key: string;
  result: MdxRenderResult;
  notices: string[];
}

const sha = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The folder holding the entries of the sources in `folder`. */
const groupDir = (cacheDir: string, folder: string) => join(cacheDir, sha(folder).slice(0, 16));

/** Deletes entries whose source file is gone, and the caches of folders gone or unused for a week. */
export async function pruneCompileCache(cacheDir: string, now = Date.now()): Promise<void> {
  const week = 7 * 24 * 3600 * 1000;
  for (const group of await readdir(cacheDir, { withFileTypes: true }).catch(() => [])) {
    if (!group.isDirectory()) continue;
    const dir = join(cacheDir, group.name);
    // Another build may be deleting or creating this folder at the same time: a step that fails
    // leaves it for the next clean-up.
    try {
      const folder = await readFile(join(dir, 'folder'), 'utf8').catch(() => '');
      const unused = now - (await stat(dir)).mtimeMs > week;
      const gone = folder !== '' && !(await exists(folder));
      // No folder named yet: another build is creating it (unless it is a week old).
      if (unused || gone) await rm(dir, { recursive: true, force: true });
      if (unused || gone || !folder) continue;
      const entries = (await readdir(dir)).filter((name) => name.endsWith('.json'));
      await mapLimit(entries, 64, async (name) => {
        if (!(await exists(join(folder, name.slice(0, -'.json'.length))))) await rm(join(dir, name), { force: true });
      });
    } catch {
      // left for the next build
    }
  }
}

async function markInUse(dir: string, folder: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'folder'), folder);
  const now = new Date();
  await utimes(dir, now, now);
}

/** The entry kept for a file, or undefined when there is none or it cannot be read. */
async function readEntry(file: string): Promise<Entry | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
}

/** Keeps an entry; a cache that cannot be written (another build cleaning up) costs the next build a compile, no more. */
async function writeEntry(file: string, entry: Entry, inUse: Promise<void>): Promise<void> {
  try {
    await inUse;
    await writeAtomically(file, JSON.stringify(entry));
  } catch {
    // left for the next build
  }
}

/** The processor, with its MDX compile kept between builds. Markdown (.md) rendering is unchanged. */
export function withCompileCache(processor: Processor, options: CompileCacheOptions): Processor {
  const { cacheDir, inputsOf, takeNotices = () => [], onResult } = options;
  let version: Promise<string> | undefined;
  const createMdxRenderer: Processor['createMdxRenderer'] = async (shared, mdx) => {
    const inner = await processor.createMdxRenderer!(shared, mdx);
    const settings = JSON.stringify([shared, mdx]);
    // Astro asks for a renderer per build pass: the stamp and the clean-up are done once; a
    // clean-up that fails is not the build's failure.
    version ??= Promise.all([options.version(), pruneCompileCache(cacheDir).catch(() => {})]).then(([stamp]) => stamp);
    const stamp = await version;
    const touched = new Map<string, Promise<void>>();
    const locate = (content: string, filePath: string, frontmatter: Record<string, unknown>) => {
      const key = sha(stamp, settings, filePath, JSON.stringify(frontmatter), content, inputsOf(filePath));
      const dir = groupDir(cacheDir, dirname(filePath));
      // Once per folder and build: say which folder the entries are of, and that it is in use.
      if (!touched.has(dir))
        touched.set(
          dir,
          markInUse(dir, dirname(filePath)).catch(() => {}),
        );
      return { key, dir, file: join(dir, `${basename(filePath)}.json`) };
    };
    /** The kept entry of a file; undefined when it must be compiled. */
    const kept = async (key: string, file: string, filePath: string) => {
      const entry = await readEntry(file);
      if (entry?.key !== key) return undefined;
      onResult?.(filePath, true);
      return entry;
    };
    return {
      /**
       * The kept result and what the plugins said when it was compiled, without compiling on a miss
       * and without repeating the notices: src/render-body.ts compiles elsewhere, and logs them.
       */
      async peek(content: string, filePath: string, frontmatter: Record<string, unknown>) {
        const { key, file } = locate(content, filePath, frontmatter);
        const entry = await kept(key, file, filePath);
        return entry && { ...entry.result, notices: entry.notices };
      },
      async process(content, filePath, frontmatter) {
        const { key, dir, file } = locate(content, filePath, frontmatter);
        const hit = await kept(key, file, filePath);
        if (hit) {
          for (const notice of hit.notices) console.warn(notice);
          return hit.result;
        }
        const result = await inner.process(content, filePath, frontmatter);
        await writeEntry(file, { key, result, notices: takeNotices(filePath) }, touched.get(dir)!);
        onResult?.(filePath, false);
        return result;
      },
    };
  };
  return { ...processor, createMdxRenderer };
}
