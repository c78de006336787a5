// A whole content folder read and joined outside Astro's content layer, with the build's own
// readers (src/loaders.ts), file table (src/story-sources.ts) and join: for the build steps that
// need the whole story besides the pages (the preview images and the search index, read on a
// worker thread: src/integrations/story-outputs.ts), the search index in `astro dev`, and the tests.
import { join } from 'node:path';
import { documentFileNames, readDocumentFile, readList } from './loaders.ts';
import { documentsFolder, documentSchema, listSources } from './story-sources.ts';
import { contentFiles } from './lib/content/content-files.ts';
import { buildStory, type StoryInput } from './lib/content/story.ts';
import { crossReference, type CrossReferencedStory } from './lib/crossref/cross-references.ts';

/** The raw input of a story folder, validated entry by entry. */
export function readStoryFolder(dir: string): StoryInput {
  const docDir = join(dir, documentsFolder);
  return {
    story: readList(dir, listSources.story)[0],
    documents: documentFileNames(docDir).map((name) => {
      // The body is parsed (and its errors given) by buildStory.
      const { id, file, data, body, bodyStartLine } = readDocumentFile(docDir, name, documentSchema);
      return { id, file, data, body, bodyStartLine };
    }),
    actors: readList(dir, listSources.actors),
    events: readList(dir, listSources.events),
    mentions: readList(dir, listSources.mentions),
    statementMap: readList(dir, listSources.statementMap),
    citations: readList(dir, listSources.citations),
    aftermath: readList(dir, listSources.aftermath),
    tracker: readList(dir, listSources.tracker),
    expectations: readList(dir, listSources.expectations),
    corrections: readList(dir, listSources.corrections),
    files: { root: dir, ...contentFiles },
  };
}

/** Reads and joins a story folder, with its cross-references, as src/data.ts does. */
export function loadStoryFolder(dir: string): CrossReferencedStory {
  return crossReference(buildStory(readStoryFolder(dir)), contentFiles);
}
