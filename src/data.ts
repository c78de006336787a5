// The one place pages get the story from: reads the collections once, hands them to the pure
// join in src/lib/story.ts (which validates every reference), and shares the result.
import { getCollection } from 'astro:content';
import { buildStory, type StoryModel } from './lib/story.ts';

let cached: Promise<StoryModel> | undefined;

async function load(): Promise<StoryModel> {
  const [documents, actors, events, stories] = await Promise.all([
    getCollection('documents'),
    getCollection('actors'),
    getCollection('events'),
    getCollection('story'),
  ]);
  const story = stories[0];
  if (!story) throw new Error('story.yaml: missing — add the story entry (id "story") to the content folder');
  return buildStory({
    story: story.data,
    documents: documents.map((d) => ({
      id: d.id,
      file: d.filePath ?? `documents/${d.id}.mdx`,
      data: d.data,
      body: d.body ?? '',
    })),
    actors: actors.map((a) => a.data),
    events: events.map((e) => e.data),
    files: { actors: 'actors.yaml', events: 'events.yaml', story: 'story.yaml' },
  });
}

/** The whole story, validated and indexed. */
export function getStory(): Promise<StoryModel> {
  return (cached ??= load());
}
