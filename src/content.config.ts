// The collections of the story, read from the content folder (STORY_DIR, see src/config.ts).
// Which file holds which collection: src/story-sources.ts; schemas: src/lib/content/schema.ts. The loaders
// (src/loaders.ts) throw on any mistake, so bad content never builds.
import { defineCollection } from 'astro:content';
import { join } from 'node:path';
import { storyDir } from './config.ts';
import { bodyInputSources, documentsFolder, documentSchema, listSources, pageSchema, pagesFolder } from './story-sources.ts';
import { documentsLoader, yamlListLoader } from './loaders.ts';
import { mdxOptions } from './markdown.ts';
import type { z } from 'astro/zod';

const list = <S extends z.ZodType>({ file, schema, optional }: { file: string; schema: S; optional: boolean }) =>
  defineCollection({ loader: yamlListLoader({ dir: storyDir, file, schema, optional }), schema });

export const collections = {
  documents: defineCollection({
    loader: documentsLoader({
      dir: join(storyDir, documentsFolder),
      schema: documentSchema,
      mdx: mdxOptions,
      inputs: bodyInputSources.map(({ file }) => join(storyDir, file)),
    }),
    schema: documentSchema,
  }),
  actors: list(listSources.actors),
  events: list(listSources.events),
  story: list(listSources.story),
  mentions: list(listSources.mentions),
  statementMap: list(listSources.statementMap),
  citations: list(listSources.citations),
  aftermath: list(listSources.aftermath),
  tracker: list(listSources.tracker),
  expectations: list(listSources.expectations),
  corrections: list(listSources.corrections),
  readings: list(listSources.readings),
  pages: defineCollection({
    loader: documentsLoader({ dir: join(storyDir, pagesFolder), schema: pageSchema, folder: pagesFolder, mdx: mdxOptions }),
    schema: pageSchema,
  }),
};
