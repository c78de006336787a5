import { builds, buildSite, fixtureStoryDir, BASE_PATH, SITE_URL } from './builds.ts';

export default function globalSetup(): void {
  buildSite(builds.fixture, { STORY_DIR: fixtureStoryDir });
  buildSite(builds.basePath, { BASE_PATH, SITE_URL });
}
