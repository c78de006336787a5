// What the search page says of the index (its version, shards and name parts): in a build, from the
// thread that wrote the index files (src/integrations/search-index.ts), rather than the whole index
// built again while the pages render; in astro dev, from the content as it is now.
//
// Only the search page may import this module. The data of virtual:search-page changes with every
// edit of the index's text, and the code of a page that imports it changes with it: imported by
// src/data.ts, a rebuild after one edited title at 1,000 documents rendered every page and copied
// none (tests/e2e/incremental.spec.ts fails on that; tests/unit/architecture.test.ts holds the rule).
import builtSearchPage from 'virtual:search-page';
import { getStory } from './data.ts';
import { searchPageData, storyIndex, type SearchPageData } from './lib/search/records.ts';

/** What the search page says of the index: the version of its files, its shards and the parts of its names table. */
export async function getSearchPage(): Promise<SearchPageData> {
  return builtSearchPage ?? searchPageData(storyIndex(await getStory()));
}
