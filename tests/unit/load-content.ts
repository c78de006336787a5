// Reads a story folder the way src/content.config.ts does (same parsers, same schemas), without
// Astro, so unit tests can validate the real content and broken copies of it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import {
  actorSchema,
  documentSchema,
  eventSchema,
  jointMentionSchema,
  statementMapSchema,
  storySchema,
} from '../../src/lib/schema.ts';
import { contentFiles, parseEntryList } from '../../src/lib/content-files.ts';
import { buildStory, type StoryInput } from '../../src/lib/story.ts';
import type { z } from 'astro/zod';

export const repoRoot = new URL('../..', import.meta.url).pathname;
export const realContent = join(repoRoot, 'content');
export const fixtureStory = join(repoRoot, 'tests/fixtures/story');

/** Parses `value` with `schema`, throwing a message that names the file and entry like Astro does. */
export function parseEntry<S extends z.ZodType>(schema: S, value: unknown, file: string, entry: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `**${i.path.join('.')}**: ${i.message}`).join('\n');
    throw new Error(`${file}: entry "${entry}" does not match the schema:\n${issues}`);
  }
  return result.data;
}

/** A YAML list as the build reads it (a missing file is an empty list, as Astro's file loader makes it). */
function yamlList(dir: string, name: string): Array<Record<string, unknown>> {
  const path = join(dir, name);
  return existsSync(path) ? parseEntryList(readFileSync(path, 'utf8'), name) : [];
}

/** The raw input of a story folder, validated entry by entry. */
export function readStory(dir: string): StoryInput {
  const docDir = join(dir, 'documents');
  const documents = (existsSync(docDir) ? readdirSync(docDir) : [])
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(docDir, f), 'utf8');
      const { frontmatter, content } = parseFrontmatter(raw);
      const id = f.replace(/\.mdx$/, '');
      const file = `documents/${f}`;
      const bodyStartLine = raw.slice(0, raw.length - content.length).split('\n').length;
      return { id, file, data: parseEntry(documentSchema, frontmatter, file, id), body: content, bodyStartLine };
    });
  const entry = (e: Record<string, unknown>) => String(e['id']);
  const [story] = yamlList(dir, contentFiles.story).map((e) => parseEntry(storySchema, e, contentFiles.story, entry(e)));
  return {
    story,
    documents,
    actors: yamlList(dir, contentFiles.actors).map((e) => parseEntry(actorSchema, e, contentFiles.actors, entry(e))),
    events: yamlList(dir, contentFiles.events).map((e) => parseEntry(eventSchema, e, contentFiles.events, entry(e))),
    mentions: yamlList(dir, contentFiles.mentions).map((e) => parseEntry(jointMentionSchema, e, contentFiles.mentions, entry(e))),
    statementMap: yamlList(dir, contentFiles.statementMap).map((e) =>
      parseEntry(statementMapSchema, e, contentFiles.statementMap, entry(e)),
    ),
    files: { root: dir, ...contentFiles },
  };
}

/** Reads and joins a story folder. */
export function loadStory(dir: string) {
  return buildStory(readStory(dir));
}
