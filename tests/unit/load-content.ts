// The story folders the tests read, with the build's own readers and join (src/story-folder.ts).
// Only Astro's data store is left out; tests/unit/content/bad-content.test.ts runs the real build.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
export { readStoryFolder as readStory, loadStoryFolder as loadStory } from '../../src/story-folder.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const realContent = join(repoRoot, 'content');
export const fixtureStory = join(repoRoot, 'tests', 'fixtures', 'story');
