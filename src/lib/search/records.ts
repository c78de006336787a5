// The story as search records: paragraphs of the documents, actors (by name, reading, variants and
// English name), timeline events. The kinds list gives the ranking order and the result headings.
import type { StoryModel } from '../content/story.ts';
import { routes } from '../view/urls.ts';
import { buildSearchIndex, indexFiles, indexVersion, type IndexFile, type KindSpec, type SearchIndex, type SearchRecord } from './index.ts';

export const storyKinds: KindSpec[] = [
  { kind: 'actor', heading: '人物・国・組織' },
  { kind: 'point', heading: '声明のその後', titleSearched: true },
  { kind: 'paragraph', heading: '記事の段落' },
  { kind: 'event', heading: '時系列の出来事', titleSearched: true },
];

type StoryParts = Pick<StoryModel, 'documents' | 'actors' | 'events' | 'tracker'>;

/** The last word of an English name, without parenthesised parts ("Mike (Michael) Waltz" → "Waltz"). */
function familyName(nameEn: string): string {
  return (
    nameEn
      .replace(/\([^)]*\)/g, ' ')
      .trim()
      .split(/\s+/)
      .pop() ?? nameEn
  );
}

export function storyRecords(model: StoryParts): SearchRecord[] {
  // By id: the same index whatever order the actors came in (Astro's collections and a read of the
  // folder give them in different orders, and the search page and its files must agree).
  const actors = [...model.actors]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a): SearchRecord => {
      const parts = [
        a.name,
        a.reading !== a.name ? a.reading : '',
        a.nameEn ?? '',
        a.variants.length ? `別表記 ${a.variants.join('、')}` : '',
      ];
      return {
        kind: 'actor',
        title: a.name,
        text: parts.filter(Boolean).join('、'),
        url: routes.actor(a.id),
        // The name's parts count as the name: ゼレンスキー is ウォロディミル・ゼレンスキー.
        // A person's English family name too: Waltz is Mike (Michael) Waltz.
        names: [
          ...new Set([
            a.name,
            ...a.name.split('・'),
            a.reading,
            ...(a.nameEn ? [a.nameEn] : []),
            ...(a.type === 'person' && a.nameEn ? [familyName(a.nameEn)] : []),
            ...a.variants,
          ]),
        ],
      };
    });
  const paragraphs = model.documents.flatMap((d) =>
    d.paragraphs.map((p): SearchRecord => ({
      kind: 'paragraph',
      title: d.data.title,
      label: `第${p.n}段落`,
      text: p.text,
      url: routes.paragraph(`${d.id}#${p.id}`),
    })),
  );
  const events = model.events.map((e): SearchRecord => ({
    kind: 'event',
    title: e.title,
    text: e.description,
    url: routes.event(e),
  }));
  // Each tracked point: its question, label and the summary of what became of it.
  const points = model.tracker.points.map((p): SearchRecord => ({
    kind: 'point',
    title: p.entry.question,
    text: `${p.entry.label}。${p.entry.oneLine}${p.entry.summary}`,
    url: routes.trackerPoint(p.entry.id),
  }));
  return [...actors, ...points, ...paragraphs, ...events];
}

/** The index of a story and its files, as the build writes them and the search page versions them. */
export function storyIndex(model: StoryParts): { index: SearchIndex; files: IndexFile[] } {
  const index = buildSearchIndex(storyKinds, storyRecords(model));
  return { index, files: indexFiles(index) };
}

/** What the search page tells its script of the index: the files' version (for their URLs), the shards and the parts of the names table. */
export interface SearchPageData {
  version: string;
  shardCount: number;
  nameParts: number;
}

/** The search page's data of an index and its files (storyIndex). */
export function searchPageData({ index, files }: { index: SearchIndex; files: readonly IndexFile[] }): SearchPageData {
  return { version: indexVersion(files), shardCount: index.shardCount, nameParts: index.nameParts };
}
