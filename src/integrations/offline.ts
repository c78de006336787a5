// Astro integration: after the build, writes dist/sw.js, a service worker that precaches every
// file of that build (src/lib/offline/service-worker.ts says how it behaves).
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapLimit } from './limit.ts';
import { buildVersion, precacheList, serviceWorkerSource, type BuiltFile } from '../lib/offline/service-worker.ts';

/** Every file under `dir`, as full paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Writes `root`/sw.js for the files of the built site in `root`. */
export async function writeServiceWorker(root: string): Promise<{ files: number; version: string }> {
  const paths = (await filesUnder(root)).map((p) => relative(root, p).split(sep).join('/'));
  // Only the files to precache are read (not the preview images), a bounded number at a time, and
  // each stands in the version by its digest: the contents of all of them together (5,040 files at
  // 1,000 documents) were the last peak of a large build's memory.
  const list = precacheList(paths.map((path) => ({ path, content: new Uint8Array() })));
  const cached: BuiltFile[] = await mapLimit(list, 64, async (path) => ({
    path,
    content: createHash('sha256')
      .update(await readFile(join(root, path)))
      .digest(),
  }));
  const version = buildVersion(cached);
  await writeFile(join(root, 'sw.js'), serviceWorkerSource(version, list));
  return { files: list.length, version };
}

export function offline(): AstroIntegration {
  return {
    name: 'offline-service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { files, version } = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`sw.js precaches ${files} files (cache site-${version})`);
      },
    },
  };
}
