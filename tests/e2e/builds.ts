// Extra builds the e2e tests need besides dist/: another story, another base path. They are made
// once, one after another, by global-setup.ts (Astro keeps one content cache per project, so two
// builds must not run at the same time).
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { repoRoot } from './site.ts';

export const buildsRoot = join(tmpdir(), 'ukraine-talks-e2e');
export const fixtureStoryDir = join(repoRoot, 'tests/fixtures/story');
export const BASE_PATH = '/news/ukraine-talks/';
export const SITE_URL = 'https://news.example.jp';

export const builds = {
  /** The made-up story, at the root. */
  fixture: join(buildsRoot, 'fixture'),
  /** The real story under BASE_PATH, with the public origin SITE_URL (absolute URLs, sitemap, feed). */
  basePath: join(buildsRoot, 'base-path'),
};

/** Builds the site into `outDir` with extra environment variables. */
export function buildSite(outDir: string, env: Record<string, string>): void {
  rmSync(outDir, { recursive: true, force: true });
  // --force: Astro caches the content layer per project; a build of another content folder must not
  // see entries (or deleted files) of the previous one.
  execFileSync('npx', ['astro', 'build', '--force', '--outDir', outDir], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
}
