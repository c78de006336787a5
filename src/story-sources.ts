// Which file of the content folder holds which collection, with its schema: the one table that
// src/content.config.ts (the build) and the tests' reader (tests/unit/load-content.ts) share, so
// the two cannot read the content differently.
import {
  actorSchema,
  citationSchema,
  correctionSchema,
  documentSchema,
  expectationSchema,
  pageSchema,
  trackerEntrySchema,
  eventSchema,
  jointMentionSchema,
  statementMapSchema,
  storySchema,
} from './lib/content/schema.ts';
import { contentFiles } from './lib/content/content-files.ts';
import { readingEntrySchema } from './lib/furigana/schema.ts';

export const documentsFolder = 'documents';
export { documentSchema };

/** The YAML list files, by collection name. Optional files may be missing (an empty list). */
export const listSources = {
  actors: { file: contentFiles.actors, schema: actorSchema, optional: false },
  events: { file: contentFiles.events, schema: eventSchema, optional: false },
  story: { file: contentFiles.story, schema: storySchema, optional: false },
  mentions: { file: contentFiles.mentions, schema: jointMentionSchema, optional: true },
  statementMap: { file: contentFiles.statementMap, schema: statementMapSchema, optional: true },
  citations: { file: contentFiles.citations, schema: citationSchema, optional: true },
  aftermath: { file: contentFiles.aftermath, schema: eventSchema, optional: true },
  tracker: { file: contentFiles.tracker, schema: trackerEntrySchema, optional: true },
  expectations: { file: contentFiles.expectations, schema: expectationSchema, optional: true },
  corrections: { file: contentFiles.corrections, schema: correctionSchema, optional: true },
  readings: { file: contentFiles.readings, schema: readingEntrySchema, optional: true },
} as const;

/** Pages of ours (このサイトについて): content/pages/*.mdx. */
export const pagesFolder = 'pages';
export { pageSchema };

/** The list files the Markdown plugins read besides a body (src/markdown.ts): a change to one changes bodies. */
export const bodyInputSources = [listSources.actors, listSources.mentions, listSources.events, listSources.aftermath, listSources.readings];
