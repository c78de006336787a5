// Astro integration: after the build, bundles the search page's small script (src/scripts/search.ts)
// into dist/search/search.js and the engine it loads with the first query (src/scripts/search-engine.ts
// and the pure modules it imports from src/lib/search/) into dist/search/engine.js: minified
// classic scripts, since file:// runs no ES modules, and the page must not depend on a dev server.
// The index files themselves are pages of the build (src/pages/search/[file].js.ts).
// Listed before offline() in astro.config.mjs, so that the service worker precaches the bundle.
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      // The dev server has no dist/: it bundles the script on each request.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const name = Object.keys(entries).find((n) => req.url?.split('?')[0]!.endsWith(`/search/${n}`));
          if (!name) return next();
          bundleSearchClient(name).then(
            (source) => res.setHeader('content-type', 'text/javascript; charset=utf-8').end(source),
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        await mkdir(join(root, 'search'), { recursive: true });
        for (const name of Object.keys(entries)) {
          const source = await bundleSearchClient(name);
          await writeFile(join(root, 'search', name), source);
          logger.info(`search/${name}: ${source.length} bytes, bundled in ${Math.round(performance.now() - started)} ms`);
        }
      },
    },
  };
}
