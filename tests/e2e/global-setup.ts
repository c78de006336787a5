// Builds the two sites of tests/e2e/builds.ts at the same time (they are two projects: the fixture
// story builds from a copy of the project, so they share no content cache) and serves each on a
// free loopback port for the whole run. The URLs reach the test
// workers through the environment; nothing uses a fixed port or a fixed temporary path.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { builds, buildSite, projectCopyAtAwkwardPath, servedAt, BASE_PATH, SITE_URL } from './builds.ts';
import { serveStatic } from './static-server.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const copy = projectCopyAtAwkwardPath();
  try {
    await Promise.all([buildSite(builds.site, { BASE_PATH, SITE_URL }), buildSite(builds.fixture, {}, copy)]);
  } finally {
    rmSync(dirname(copy), { recursive: true, force: true });
  }
  const site = await serveStatic(builds.site, BASE_PATH);
  const fixture = await serveStatic(builds.fixture);
  process.env[servedAt.site] = site.url;
  process.env[servedAt.fixture] = fixture.url;
  return async () => {
    await site.close();
    await fixture.close();
  };
}
