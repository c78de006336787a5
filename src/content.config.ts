// The collections of the story, read from the content folder (STORY_DIR, see src/config.ts).
// Schemas live in src/lib/schema.ts; here is only where each file is and how it is parsed.
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { join } from 'node:path';
import { storyDir } from './config.ts';
import {
  actorSchema,
  documentSchema,
  eventSchema,
  jointMentionSchema,
  statementMapSchema,
  storySchema,
} from './lib/schema.ts';
import { contentFiles, parseEntryList } from './lib/content-files.ts';

/** A YAML list of entries in the content folder (src/lib/content-files.ts says how it is read). */
function yamlList(name: string) {
  return file(join(storyDir, name), { parser: (text) => parseEntryList(text, name) });
}

export const collections = {
  documents: defineCollection({
    // The id is the file name as written (no slug), so a name that is not lower-case ASCII is
    // reported rather than silently changed, and two files can never share an id.
    loader: glob({ pattern: '*.mdx', base: join(storyDir, 'documents'), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
    schema: documentSchema,
  }),
  actors: defineCollection({ loader: yamlList(contentFiles.actors), schema: actorSchema }),
  events: defineCollection({ loader: yamlList(contentFiles.events), schema: eventSchema }),
  story: defineCollection({ loader: yamlList(contentFiles.story), schema: storySchema }),
  mentions: defineCollection({ loader: yamlList(contentFiles.mentions), schema: jointMentionSchema }),
  statementMap: defineCollection({ loader: yamlList(contentFiles.statementMap), schema: statementMapSchema }),
};

