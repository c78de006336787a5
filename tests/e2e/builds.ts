// The three builds the end-to-end tests run against, made once by global-setup.ts:
//   site     the real story as it is deployed: with a public origin (SITE_URL) and under a
//            sub-path (BASE_PATH), so absolute URLs, preview images, sitemap and feed exist.
//            Its links are relative, so the same files are also tested from file://.
//   fixture  the made-up story of tests/fixtures/story, built without SITE_URL, from a copy of
//            the project in a folder whose path holds a space and Japanese characters.
//   large    a generated story whose lists split, built incrementally after a build of the same
//            story with marked edits (incremental.ts).
// Both live inside this checkout (node_modules/.cache), so two checkouts can test at once.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { projectCopy } from '../project-copy.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const buildsRoot = join(repoRoot, 'node_modules', '.cache', 'site-tests');
export const fixtureStoryDir = join(repoRoot, 'tests', 'fixtures', 'story');
export const BASE_PATH = '/news/ukraine-talks/';
export const SITE_URL = 'https://news.example.jp';

export const builds = {
  site: join(buildsRoot, 'site'),
  fixture: join(buildsRoot, 'fixture'),
  /** A generated story large enough for the lists to split (tests/bench/generate.ts). */
  large: join(buildsRoot, 'large'),
};

/** The size of the large build: more documents than the home page lists, more actors than one glossary page holds. */
export const largeStory = { documents: 60, actors: 110 };

/** Environment variables through which global-setup.ts tells the tests where each build is served. */
export const servedAt = {
  site: 'E2E_SITE_URL',
  fixture: 'E2E_FIXTURE_URL',
  large: 'E2E_LARGE_URL',
} as const;

/** The URL a build is served at (ends with "/"), as global-setup.ts published it. */
export function urlOf(build: keyof typeof servedAt): string {
  const url = process.env[servedAt[build]];
  if (!url) throw new Error(`${servedAt[build]} is not set: run the tests through playwright (global-setup.ts serves the builds)`);
  return url;
}

/**
 * Builds the site of `cwd` into `outDir` through `npm run build`'s script, with extra environment
 * variables, and gives its log. With --force (unless `force` is false): every page rendered, none
 * copied from an earlier build of the same project.
 */
export async function buildSite(outDir: string, env: Record<string, string>, cwd = repoRoot, force = true): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(cwd, 'src', 'tools', 'build.ts'), ...(force ? ['--force'] : []), '--outDir', outDir],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`the build of ${outDir} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`, { cause: error });
  }
}

/**
 * A copy of the project (code and the fixture story, with node_modules linked) in a new folder
 * whose path holds a space and Japanese characters: the build must not depend on where it runs.
 */
export function projectCopyAtAwkwardPath(storyDir = fixtureStoryDir): string {
  return projectCopy(join(mkdtempSync(join(tmpdir(), 'site-')), '米ウクライナ 協議'), storyDir);
}
