// The worker thread of story-outputs.ts: reads and joins a content folder with the build's own
// readers and join (src/story-folder.ts), and gives back the preview cards, the search index and
// what the search page says of it.
import { loadStoryFolder } from '../story-folder.ts';
import { ogCards } from '../lib/sharing/og-cards.ts';
import { searchPageData, storyIndex } from '../lib/search/records.ts';
import type { StoryOutputs } from './story-outputs.ts';

export default function outputsOf(dir: string): StoryOutputs {
  const model = loadStoryFolder(dir);
  const search = storyIndex(model);
  return { cards: ogCards(model), siteName: model.story.siteName, search: search.files, searchPage: searchPageData(search) };
}
