// Astro integration: after the build, bundles the search page's script (src/scripts/search.ts and
// the pure modules it imports from src/lib/search/) into dist/search/search.js, one minified
// classic script: file:// runs no ES modules, and the page must not depend on a dev server.
// The index files themselves are pages of the build (src/pages/search/[file].js.ts).
// Listed before offline() in astro.config.mjs, so that the service worker precaches the bundle.
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../scripts/search.ts', import.meta.url));

/** The client script as one classic script (an IIFE), for browsers of the last few years. */
export async function bundleSearchClient(): Promise<string> {
  const result = await build({
    entryPoints: [entry],
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
          if (!req.url?.split('?')[0]!.endsWith('/search/search.js')) return next();
          bundleSearchClient().then(
            (source) => res.setHeader('content-type', 'text/javascript; charset=utf-8').end(source),
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const source = await bundleSearchClient();
        await mkdir(join(root, 'search'), { recursive: true });
        await writeFile(join(root, 'search', 'search.js'), source);
        logger.info(`search/search.js: ${source.length} bytes, bundled in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
