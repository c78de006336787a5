// What a build makes from the content folder alone, besides the pages: the preview images' cards
// (preview-images.ts), the search index's files and what the search page says of them
// (search-index.ts). All need the whole story, read and joined, which at 1,000 documents takes the
// build's thread 2–3 s and a few hundred MB it would keep to the end. So it is read once per build on a worker thread, from astro:config:done,
// while the build's thread loads the content; the thread ends with its memory when it is done.
import Tinypool from 'tinypool';
import type { OgCardEntry } from '../lib/sharing/og-cards.ts';
import type { IndexFile } from '../lib/search/index.ts';
import type { SearchPageData } from '../lib/search/records.ts';

export interface StoryOutputs {
  /** One card per page that has a preview image. */
  cards: OgCardEntry[];
  siteName: string;
  /** The index files, as src/lib/search/index.ts writes them. */
  search: IndexFile[];
  /** The search page's data of that index (its version, shards and name parts). */
  searchPage: SearchPageData;
}

const started = new Map<string, Promise<StoryOutputs>>();

/** The outputs of the content folder `dir`, computed once per process (a build; not for `astro dev`, where the files change). */
export function storyOutputs(dir: string): Promise<StoryOutputs> {
  let outputs = started.get(dir);
  if (!outputs) {
    outputs = (async () => {
      const pool = new Tinypool({ filename: new URL('./story-outputs-worker.ts', import.meta.url).href, minThreads: 1, maxThreads: 1 });
      try {
        return (await pool.run(dir)) as StoryOutputs;
      } finally {
        await pool.destroy();
      }
    })();
    // Whoever asks meets a failure (content the collections reject: the build stops there first).
    outputs.catch(() => {});
    started.set(dir, outputs);
  }
  return outputs;
}
