// A copy of the project (its code, with node_modules linked package by package) for a build that
// must not share Astro's caches (.astro, node_modules/.astro, .vite) with another build running at
// the same time: the end-to-end builds (tests/e2e/builds.ts) and the builds of broken content
// (tests/unit/content/bad-content.test.ts).
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Copies the project into `dir` (which must not exist), with `storyDir` as its content folder when given. */
export function projectCopy(dir: string, storyDir?: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public']) {
    cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  }
  if (storyDir) cpSync(storyDir, join(dir, 'content'), { recursive: true });
  // The packages are linked one by one, so that the copy's own caches (node_modules/.astro, .vite,
  // .cache) are folders of its own.
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (['.astro', '.vite', '.cache'].includes(name)) continue;
    symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name), 'junction');
  }
  return dir;
}
