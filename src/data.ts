// The one place pages get the story from: reads the collections once, hands them to the pure
// join in src/lib/content/story.ts (which validates every reference), and shares the result.
import { getCollection } from 'astro:content';
import { buildStory, type StoryModel } from './lib/content/story.ts';
import { actorNames, createAnnotator, unknownProperNouns } from './lib/furigana/annotate.ts';
import { storyDir } from './config.ts';
import { contentFiles } from './lib/content/content-files.ts';

/** The content folder and its file names, for messages. */
const files = { root: storyDir, ...contentFiles };

let cached: Promise<StoryModel> | undefined;

async function load(): Promise<StoryModel> {
  const data = <T extends { data: unknown }>(entries: T[]): Array<T['data']> => entries.map((e) => e.data);
  const [documents, actors, events, stories, mentions, statementMap, citations, aftermath, tracker, expectations, corrections] = await Promise.all([
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
  const readings = await getCollection('readings').then(data);
  // Readings for the texts: the editorial glossary first, then the actors' names, then the tokenizer.
  const annotator = await createAnnotator({ names: actorNames(actors), glossary: readings });
  const model = buildStory({
    story: stories[0],
    documents: documents.map((d) => ({
      id: d.id,
      file: `documents/${d.id}.mdx`,
      data: d.data,
      body: d.body ?? '',
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
    annotator,
    files,
  });
  // Proper nouns whose reading only the tokenizer gave: an editor should check them (readings.yaml).
  for (const noun of unknownProperNouns(annotator, model.documents.flatMap((d) => d.paragraphs.map((p) => p.text)))) {
    console.warn(`[furigana] check the reading of ${noun.word} (${noun.reading}): add it to readings.yaml if it is wrong`);
  }
  for (const warning of model.warnings) console.warn(`[content] ${warning}`);
  return model;
}


/** The whole story, validated and indexed. */
export function getStory(): Promise<StoryModel> {
  return (cached ??= load());
}
