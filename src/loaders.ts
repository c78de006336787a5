// The content loaders of the build. Astro's own `file()` loader only logs a file it cannot read
// and builds on (with an empty collection, or the entries of an earlier build from its data store),
// and its `glob()` loader reports frontmatter errors without a line. These loaders THROW, so every
// content mistake stops `astro build`, `astro sync` and `astro dev` with the message of
// src/lib/content/content-files.ts, and they replace the whole store on every load, so nothing cached
// by an earlier build can stand in for a file that failed to load (in `astro dev`, a load that fails
// leaves the last good content in place and says why).
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEntryList, readFrontmatter, splitFrontmatter } from './lib/content/content-files.ts';
import { readParagraphs } from './lib/content/paragraphs.ts';
import { ContentError } from './lib/content/references.ts';
import { renderBodies, type MdxOptions } from './render-body.ts';
import { mapLimit } from './integrations/limit.ts';

/**
 * Re-runs `sync` whenever one of `paths` changes in `astro dev`: one sync at a time (the first
 * load, `first`, included), and after a burst of changes one more, so the last to finish has read
 * the files as they are now.
 */
function watch(context: LoaderContext, paths: readonly string[], sync: () => Promise<void>, first: Promise<void>): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  for (const path of paths) watcher.add(path);
  // A change saved while the first load runs is loaded after it.
  let running: Promise<void> = first.catch(() => {});
  let queued = false;
  watcher.on('all', (_event, changed) => {
    if (!paths.some((p) => changed === p || changed.startsWith(p + sep))) return;
    if (queued) return;
    queued = true;
    running = running.then(async () => {
      queued = false;
      try {
        await sync();
      } catch (error) {
        logger.error(error instanceof Error ? error.message : String(error));
      }
    });
  });
}

/** The entries of a YAML list file of the content folder `dir` (the loaders and the tests read with this). */
export function readListFile<S extends z.ZodType>(dir: string, file: string, schema: S, optional = false) {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (optional) return [];
    throw new ContentError(`${file}: missing — the content folder ${dir} needs this file (see README, "Editing the content")`);
  }
  return readEntryList(readFileSync(path, 'utf8'), file, schema);
}

/** The data of every entry of one list file of the table src/story-sources.ts. */
export function readList<S extends z.ZodType>(dir: string, source: { file: string; schema: S; optional: boolean }): Array<z.infer<S>> {
  return readListFile(dir, source.file, source.schema, source.optional).map((e) => e.data);
}

/**
 * One document of the folder `dir`: its id (the file name), validated frontmatter and body. The
 * body's MDX is checked by the callers (readParagraphs): the documents' loader before it compiles,
 * buildStory as it reads the paragraphs.
 */
export function readDocumentFile<S extends z.ZodType>(dir: string, name: string, schema: S, folder = 'documents') {
  const path = join(dir, name);
  const file = `${folder}/${name}`;
  const id = name.slice(0, -'.mdx'.length);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ContentError(`${file}: cannot be read — ${(error as Error).message}`);
  }
  const data: z.infer<S> = readFrontmatter(source, file, id, schema);
  const parts = splitFrontmatter(source);
  const body = parts?.body ?? '';
  return { id, file, path, source, data, body, bodyStartLine: parts?.bodyLine ?? 1 };
}

/** The .mdx files of a documents folder, sorted. */
export function documentFileNames(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .sort()
    : [];
}

/**
 * A YAML list of entries in the content folder, each validated by `schema`. A missing file is an
 * empty list when `optional`, and an error otherwise.
 */
export function yamlListLoader(options: { dir: string; file: string; schema: z.ZodType; optional?: boolean }): Loader {
  const { dir, file, schema, optional = false } = options;
  const path = join(dir, file);
  return {
    name: 'yaml-list-loader',
    load: async (context) => {
      const sync = async () => {
        context.store.clear();
        for (const entry of readListFile(dir, file, schema, optional)) {
          const data = await context.parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath: path });
          context.store.set({ id: entry.id, data });
        }
      };
      const first = sync();
      watch(context, [path], sync, first);
      await first;
    },
  };
}

/**
 * The documents: every `*.mdx` file of a folder, its id the file name. The frontmatter is read
 * and validated here, and the body rendered to HTML through the one Markdown pipeline of
 * astro.config.mjs (src/render-body.ts); the store keeps where that HTML is, for bodyHtml().
 */
export function documentsLoader(options: {
  dir: string;
  schema: z.ZodType;
  folder?: string;
  mdx: MdxOptions;
  /** The other files the bodies' plugins read (src/markdown.ts), watched in `astro dev`. */
  inputs?: readonly string[];
}): Loader {
  const { dir, schema, folder = 'documents', mdx, inputs = [] } = options;
  return {
    name: 'documents-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const cacheDir = fileURLToPath(new URL('node_modules/.cache/mdx-html/', context.config.root));
      const sync = async () => {
        const files = documentFileNames(dir).map((name) => readDocumentFile(dir, name, schema, folder));
        let datas: Array<Record<string, unknown>> = [];
        // Every file is checked before any body is compiled, so a mistake in any file stops the
        // load first. The checks run once the bodies to compile are known (their worker thread
        // starts meanwhile); the others were checked by the build that compiled them.
        const checks = async (toCompile: readonly number[]) => {
          for (const i of toCompile) readParagraphs(files[i]!.body, files[i]!.file, files[i]!.bodyStartLine);
          datas = await mapLimit(files, 8, ({ id, path: filePath, data }) =>
            context.parseData({ id, data: data as Record<string, unknown>, filePath }),
          );
        };
        const { bodies, notices, counts } = await renderBodies(
          context.config,
          mdx,
          cacheDir,
          files.map(({ body, path: filePath, file, data, bodyStartLine }) => ({
            body,
            filePath,
            file,
            bodyLine: bodyStartLine,
            frontmatter: data as Record<string, unknown>,
          })),
          { checks },
        );
        // The checks fill the data: a renderer that skipped them would store entries without it.
        if (datas.length !== files.length) throw new Error(`${folder}: the content was not checked before it was stored`);
        for (const notice of notices) context.logger.warn(notice);
        const n = (count: number) => `${count} ${count === 1 ? 'body' : 'bodies'}`;
        const where = counts.onWorker ? ' on a worker thread' : '';
        context.logger.info(`${folder}: ${n(counts.rendered)} rendered${where}, ${n(counts.kept)} from the cache`);
        // Only now is the store changed: in `astro dev`, the pages keep the last good content
        // while a change renders.
        context.store.clear();
        files.forEach(({ id, path: filePath, source, body }, i) => {
          context.store.set({
            id,
            data: datas[i]!,
            body,
            // The HTML stays in its file until a page asks for it (bodyHtml, src/data.ts): kept
            // in the store, it would be bundled into the build as one string of every body.
            rendered: { html: '', metadata: { bodyFile: bodies[i]!.file, bodyLine: files[i]!.bodyStartLine } },
            filePath: relative(root, filePath).split(sep).join('/'),
            digest: context.generateDigest(source),
          });
        });
      };
      const first = sync();
      // The bodies depend on the story files the plugins read too (actors, mentions, readings…).
      watch(context, [dir, ...inputs], sync, first);
      await first;
    },
  };
}
