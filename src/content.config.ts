// The collections of the story, read from the content folder (STORY_DIR, see src/config.ts).
// Schemas live in src/lib/schema.ts; here is only where each file is and how it is parsed.
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { storyDir } from './config.ts';
import {
  actorSchema,
  documentSchema,
  eventSchema,
  jointMentionSchema,
  statementMapSchema,
  storySchema,
} from './lib/schema.ts';
import { assertUniqueIds } from './lib/references.ts';

/**
 * YAML lists, parsed as YAML 1.2 (so an unquoted 2025-03-11 stays a string and an impossible
 * date is reported, not rolled over) and checked for duplicate ids, which Astro would only warn about.
 */
function yamlList(name: string) {
  return file(join(storyDir, name), {
    parser: (text) => {
      const data: unknown = parseYaml(text) ?? [];
      if (!Array.isArray(data)) throw new Error(`${name}: expected a YAML list of entries (lines starting with "- id: …")`);
      assertUniqueIds(data, name);
      return data;
    },
  });
}

export const collections = {
  documents: defineCollection({
    // The id is the file name as written (no slug), so a name that is not lower-case ASCII is
    // reported rather than silently changed, and two files can never share an id.
    loader: glob({ pattern: '*.mdx', base: join(storyDir, 'documents'), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
    schema: documentSchema,
  }),
  actors: defineCollection({ loader: yamlList('actors.yaml'), schema: actorSchema }),
  events: defineCollection({ loader: yamlList('events.yaml'), schema: eventSchema }),
  story: defineCollection({ loader: yamlList('story.yaml'), schema: storySchema }),
  mentions: defineCollection({ loader: yamlList('mentions.yaml'), schema: jointMentionSchema }),
  statementMap: defineCollection({ loader: yamlList('statement-map.yaml'), schema: statementMapSchema }),
};

