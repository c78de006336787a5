// Astro integration: after the build, bundles the search page's small script (src/scripts/search.ts)
// into dist/search/search.js and the engine it loads with the first query (src/scripts/search-engine.ts
// and the pure modules it imports from src/lib/search/) into dist/search/engine.js: minified
// classic scripts, since file:// runs no ES modules, and the page must not depend on a dev server.
// It also writes the index files (search/meta.js, r<n>.js, s<n>.js, n<n>.js) from the story read on
// a worker thread (story-outputs.ts), while Astro bundles and renders: thousands of small files at
// scale, which as routes of the build would cost Astro a page render each. The search page gets what
// it says of the index (its version, shards and name parts) from the same thread, through the
// module virtual:search-page: built again in the page, at 1,000 documents the index cost the
// build's thread 1 s and 76 MB while the pages rendered. In `astro dev` the module gives null and
// the page builds the index from the content as it is now.
// Listed before offline() in astro.config.mjs, so that the service worker precaches the bundle.
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storyDir } from '../config.ts';
import { loadStoryFolder } from '../story-folder.ts';
import { storyOutputs } from './story-outputs.ts';
import { storyIndex } from '../lib/search/records.ts';
import { mapLimit } from './limit.ts';

/** The scripts written to search/, by file name, and their sources. */
const entries: Record<string, string> = {
  'search.js': fileURLToPath(new URL('../scripts/search.ts', import.meta.url)),
  'engine.js': fileURLToPath(new URL('../scripts/search-engine.ts', import.meta.url)),
};

/** One of the scripts as a classic script (an IIFE), for browsers of the last few years. */
export async function bundleSearchClient(name = 'search.js'): Promise<string> {
  const result = await build({
    entryPoints: [entries[name]!],
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2022'],
    write: false,
    legalComments: 'none',
    // Japanese UI strings as UTF-8 rather than \u escapes: half the bytes. The page is UTF-8, so is the script.
    charset: 'utf8',
  });
  return result.outputFiles[0]!.text;
}

/** Writes the index files of the story into the build folder `root`; gives how many. */
async function writeIndex(root: string): Promise<number> {
  const { search: files } = await storyOutputs(storyDir);
  await mkdir(join(root, 'search'), { recursive: true });
  await mapLimit(files, 64, (f) => writeFile(join(root, f.path), f.content));
  return files.length;
}

/** The module the search page imports its data from (src/virtual-modules.d.ts). */
const PAGE_MODULE = 'virtual:search-page';

/** Gives virtual:search-page: in a build, the search page's data from the story's worker thread; otherwise null. */
function searchPageModule(isBuild: boolean): Plugin {
  const resolved = `\0${PAGE_MODULE}`;
  return {
    name: 'search-page-data',
    resolveId: (id) => (id === PAGE_MODULE ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined;
      const data = isBuild ? (await storyOutputs(storyDir)).searchPage : null;
      return `export default ${JSON.stringify(data)};`;
    },
  };
}

export function searchIndex(): AstroIntegration {
  let outDir = '';
  let command = '';
  let writing: { files: Promise<number>; started: number } | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:setup': ({ command: given, updateConfig }) => {
        command = given;
        updateConfig({ vite: { plugins: [searchPageModule(given === 'build')] } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        // The story is read on its worker thread from now on.
        if (command === 'build') void storyOutputs(storyDir);
      },
      // Thousands of small files at scale: written while Astro bundles and renders the pages (the
      // build folder has been emptied by then), from the story read on a worker thread since
      // astro:config:done (story-outputs.ts).
      'astro:build:setup': () => {
        if (writing) return;
        writing = { files: writeIndex(outDir), started: performance.now() };
        writing.files.catch(() => {});
      },
      // The dev server has no dist/: it bundles the script on each request.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          const name = Object.keys(entries).find((n) => path.endsWith(`/search/${n}`));
          if (!name) {
            // The index files, from the content as it is now.
            const file = /\/(search\/[a-z]+\d*\.js)$/.exec(path)?.[1];
            const found = file ? storyIndex(loadStoryFolder(storyDir)).files.find((f) => f.path === file) : undefined;
            if (!found) return next();
            return res.setHeader('content-type', 'text/javascript; charset=utf-8').end(found.content);
          }
          bundleSearchClient(name).then(
            (source) => res.setHeader('content-type', 'text/javascript; charset=utf-8').end(source),
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        // The files written since the bundling began; a build folder other than the configured one
        // (no setup hook ran for it) gets them now.
        if (!writing || root !== outDir) writing = { files: writeIndex(root), started };
        const count = await writing.files;
        const waited = Math.round(performance.now() - started);
        logger.info(
          `${count} index files, written in ${Math.round(performance.now() - writing.started)} ms (${waited} ms of it after the pages)`,
        );
        writing = undefined;
        for (const name of Object.keys(entries)) {
          const source = await bundleSearchClient(name);
          await writeFile(join(root, 'search', name), source);
          logger.info(`search/${name}: ${source.length} bytes, bundled in ${Math.round(performance.now() - started)} ms`);
        }
      },
    },
  };
}
