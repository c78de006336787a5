// Builds the three sites of tests/e2e/builds.ts at the same time (the fixture story and a generated
// large one build from copies of the project, so they share no content cache; the large one twice,
// the second time incrementally: incremental.ts) and serves each on a free loopback port for the
// whole run. The URLs reach the test workers through the environment; nothing uses a fixed port
// or a fixed temporary path.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builds, buildSite, largeStory, projectCopyAtAwkwardPath, servedAt, BASE_PATH, SITE_URL } from './builds.ts';
import { generateStory } from '../bench/generate.ts';
import { serveStatic } from './static-server.ts';
import { markedPages, markStory, pagesOfLog, runFile, type IncrementalRun } from './incremental.ts';

/**
 * The large build, made twice in its project copy: from the story with marked edits, then from
 * the story itself without --force, so that Astro copies what it can from the first build.
 */
async function buildLargeIncrementally(projectDir: string): Promise<void> {
  const unmark = markStory(join(projectDir, 'content'));
  await buildSite(builds.large, {}, projectDir);
  const marked = markedPages(builds.large);
  unmark();
  const log = await buildSite(builds.large, {}, projectDir, false);
  const run: IncrementalRun = { marked, ...pagesOfLog(log) };
  writeFileSync(runFile(builds.large), JSON.stringify(run, null, 1));
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const copy = projectCopyAtAwkwardPath();
  // The third build: a generated story whose lists split (documents.html, glossary/<row>.html).
  const generated = join(dirname(copy), 'large-story');
  generateStory(generated, largeStory);
  const largeCopy = projectCopyAtAwkwardPath(generated);
  try {
    await Promise.all([
      buildSite(builds.site, { BASE_PATH, SITE_URL }),
      buildSite(builds.fixture, {}, copy),
      buildLargeIncrementally(largeCopy),
    ]);
  } finally {
    rmSync(dirname(copy), { recursive: true, force: true });
    rmSync(dirname(largeCopy), { recursive: true, force: true });
  }
  const site = await serveStatic(builds.site, BASE_PATH);
  const fixture = await serveStatic(builds.fixture);
  const large = await serveStatic(builds.large);
  process.env[servedAt.site] = site.url;
  process.env[servedAt.fixture] = fixture.url;
  process.env[servedAt.large] = large.url;
  return async () => {
    await site.close();
    await fixture.close();
    await large.close();
  };
}
