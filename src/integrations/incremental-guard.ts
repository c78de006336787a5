// Astro integration: no page of an interrupted build is ever copied into a later one. With
// experimental.incrementalBuild, Astro keeps a copy of each page as soon as it is rendered
// (<cacheDir>/dist/) but writes the manifest of the pages' keys only once every page is done
// (<cacheDir>/incremental-build.json). A build that dies in between (a failing page, out of memory,
// a cancelled CI job) leaves copies newer than the manifest: a later build whose data matches the
// manifest again (an edit reverted) would copy the interrupted build's page. So a mark is left at
// the start of every build and taken away once the pages are all written; a build that finds the
// mark still there forgets the manifest and the copies, and renders every page. (One build of a
// checkout at a time: two at once share these files.)
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Astro's manifest of the last build's pages (node_modules/astro/dist/core/build/incremental.js). */
export const MANIFEST = 'incremental-build.json';
export const MARK = 'build-in-progress';
/** Astro's copies of the last build's pages. */
export const COPIES = 'dist';

export function incrementalGuard(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'incremental-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // After the content is loaded (a mistake there stops the build before any page is rendered,
      // and costs the next one nothing) and before Astro reads its manifest to render the pages.
      'astro:build:start': ({ logger }) => {
        if (existsSync(join(cacheDir, MARK)) && existsSync(join(cacheDir, MANIFEST))) {
          rmSync(join(cacheDir, MANIFEST), { force: true });
          // Without a manifest Astro prunes no copy: they all go, the interrupted build's with them.
          rmSync(join(cacheDir, COPIES), { recursive: true, force: true });
          logger.warn('the last build did not finish: every page is rendered again, none copied from it');
        }
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(join(cacheDir, MARK), `${process.pid}\n`);
      },
      // Astro writes the manifest after the last page and before this hook.
      'astro:build:done': () => {
        rmSync(join(cacheDir, MARK), { force: true });
      },
    },
  };
}
