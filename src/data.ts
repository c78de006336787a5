// The one place pages get the story from: reads the collections once, hands them to the pure
// join in src/lib/content/story.ts (which validates every reference), and shares the result.
import { getCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { buildStory } from './lib/content/story.ts';
import { crossReference, type CrossReferencedStory } from './lib/crossref/cross-references.ts';
import { storyDir } from './config.ts';
import { contentFiles } from './lib/content/content-files.ts';

/** The content folder and its file names, for messages. */
const files = { root: storyDir, ...contentFiles };

let cached: Promise<CrossReferencedStory> | undefined;

async function load(): Promise<CrossReferencedStory> {
  const data = <T extends { data: unknown }>(entries: T[]): Array<T['data']> => entries.map((e) => e.data);
  const [documents, actors, events, stories, mentions, statementMap, citations, aftermath, tracker, expectations, corrections] =
    await Promise.all([
      getCollection('documents'),
      getCollection('actors').then(data),
      getCollection('events').then(data),
      getCollection('story').then(data),
      getCollection('mentions').then(data),
      getCollection('statementMap').then(data),
      getCollection('citations').then(data),
      getCollection('aftermath').then(data),
      getCollection('tracker').then(data),
      getCollection('expectations').then(data),
      getCollection('corrections').then(data),
    ]);
  const story = buildStory({
    story: stories[0],
    documents: documents.map((d) => ({
      id: d.id,
      file: `documents/${d.id}.mdx`,
      data: d.data,
      body: d.body ?? '',
      // So that an error in a body names its line in the .mdx file (src/loaders.ts keeps it).
      ...(typeof d.rendered?.metadata?.['bodyLine'] === 'number' ? { bodyStartLine: d.rendered.metadata['bodyLine'] } : {}),
    })),
    actors,
    events,
    mentions,
    statementMap,
    citations,
    aftermath,
    tracker,
    expectations,
    corrections,
    files,
  });
  const model = crossReference(story, files);
  for (const warning of model.warnings) console.warn(`[content] ${warning}`);
  return model;
}

/** The whole story, validated and indexed. */
export function getStory(): Promise<CrossReferencedStory> {
  return (cached ??= load());
}

interface RenderedEntry {
  collection: string;
  id: string;
  rendered?: { metadata?: Record<string, unknown> };
}

/**
 * The file holding a document's rendered body. Its name is a hash of everything that made the
 * HTML, so it stands for the body in a page's cache key (src/lib/view/page-key.ts).
 */
export function bodyFileOf(entry: RenderedEntry): string {
  const file = entry.rendered?.metadata?.['bodyFile'];
  if (typeof file !== 'string')
    throw new Error(`${entry.collection} → ${entry.id}: no rendered body; it is rendered by the documents loader (src/loaders.ts)`);
  return file;
}

/**
 * The HTML of a document's body, rendered once while the content loaded (src/render-body.ts).
 * `render(entry)` of astro:content would give an empty body: the store keeps only the file's name.
 */
export async function bodyHtml(entry: RenderedEntry): Promise<string> {
  const file = bodyFileOf(entry);
  return readFile(file, 'utf8').catch((error: unknown) => {
    throw new Error(
      `${entry.collection} → ${entry.id}: its rendered body ${file} cannot be read (${(error as Error).message}); build again to render it`,
    );
  });
}
