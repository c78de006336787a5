// Reads a story folder for the unit tests with the build's own reading functions (src/loaders.ts)
// and file table (src/story-sources.ts), then joins it with the build's join (src/lib/content/story.ts).
// Only Astro's data store is left out; tests/unit/bad-content.test.ts runs the real build.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFileNames, readDocumentFile, readList } from '../../src/loaders.ts';
import { documentsFolder, documentSchema, listSources } from '../../src/story-sources.ts';
import { contentFiles } from '../../src/lib/content/content-files.ts';
import { buildStory, type StoryInput } from '../../src/lib/content/story.ts';
import { crossReference } from '../../src/lib/crossref/cross-references.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const realContent = join(repoRoot, 'content');
export const fixtureStory = join(repoRoot, 'tests', 'fixtures', 'story');

const list = readList;

/** The raw input of a story folder, validated entry by entry. */
export function readStory(dir: string): StoryInput {
  const docDir = join(dir, documentsFolder);
  return {
    story: list(dir, listSources.story)[0],
    documents: documentFileNames(docDir).map((name) => {
      const { id, file, data, body, bodyStartLine } = readDocumentFile(docDir, name, documentSchema);
      return { id, file, data, body, bodyStartLine };
    }),
    actors: list(dir, listSources.actors),
    events: list(dir, listSources.events),
    mentions: list(dir, listSources.mentions),
    statementMap: list(dir, listSources.statementMap),
    citations: list(dir, listSources.citations),
    aftermath: list(dir, listSources.aftermath),
    tracker: list(dir, listSources.tracker),
    expectations: list(dir, listSources.expectations),
    corrections: list(dir, listSources.corrections),
    files: { root: dir, ...contentFiles },
  };
}

/** Reads and joins a story folder, with its cross-references, as src/data.ts does. */
export function loadStory(dir: string) {
  return crossReference(buildStory(readStory(dir)), contentFiles);
}
