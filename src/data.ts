// The one place pages get the story from: reads the collections once, hands them to the pure
// join in src/lib/story.ts (which validates every reference), and shares the result.
import { getCollection } from 'astro:content';
import { buildStory, type StoryModel } from './lib/story.ts';
import { storyDir } from './config.ts';
import { contentFiles } from './lib/content-files.ts';

/** The content folder and its file names, for messages. */
const files = { root: storyDir, ...contentFiles };

let cached: Promise<StoryModel> | undefined;

async function load(): Promise<StoryModel> {
  const [documents, actors, events, stories, mentions, statementMap, citations] = await Promise.all([
    getCollection('documents'),
    getCollection('actors'),
    getCollection('events'),
    getCollection('story'),
    getCollection('mentions'),
    getCollection('statementMap'),
    getCollection('citations'),
  ]);
  const model = buildStory({
    story: stories[0]?.data,
    documents: documents.map((d) => ({
      id: d.id,
      file: `documents/${d.id}.mdx`,
      data: d.data,
      body: d.body ?? '',
    })),
    actors: actors.map((a) => a.data),
    events: events.map((e) => e.data),
    mentions: mentions.map((m) => m.data),
    statementMap: statementMap.map((s) => s.data),
    citations: citations.map((c) => c.data),
    files,
  });
  for (const warning of model.warnings) console.warn(`[content] ${warning}`);
  return model;
}


/** The whole story, validated and indexed. */
export function getStory(): Promise<StoryModel> {
  return (cached ??= load());
}
