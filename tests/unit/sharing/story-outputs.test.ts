// The story read once per build on a worker thread (src/integrations/story-outputs.ts): the same
// preview cards and search index files as the build's readers and join give in this thread, and
// one read however many ask.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { storyOutputs } from '../../../src/integrations/story-outputs.ts';
import { ogCards } from '../../../src/lib/sharing/og-cards.ts';
import { storyIndex } from '../../../src/lib/search/records.ts';
import { fixtureStory, loadStory } from '../load-content.ts';

describe('storyOutputs', () => {
  it('gives the cards and the index files of the story, read on its own thread once', async () => {
    const model = loadStory(fixtureStory);
    const first = storyOutputs(fixtureStory);
    expect(storyOutputs(fixtureStory)).toBe(first);
    const outputs = await first;
    expect(outputs.siteName).toBe(model.story.siteName);
    expect(outputs.cards).toEqual(ogCards(model));
    expect(outputs.search).toEqual(storyIndex(model).files);
  });

  it('fails as reading the folder fails, with its message', async () => {
    await expect(storyOutputs(join(fixtureStory, 'documents'))).rejects.toThrow(/story\.yaml: missing/);
  });
});
