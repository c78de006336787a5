// The files of a story folder and how their YAML lists are read — shared by the build
// (src/content.config.ts, src/data.ts) and the tests' loader, so both read content the same way.
import { parse as parseYaml } from 'yaml';
import { assertUniqueIds } from './references.ts';

/** File names inside the content folder (documents live in documents/*.mdx). */
export const contentFiles = {
  actors: 'actors.yaml',
  events: 'events.yaml',
  story: 'story.yaml',
  mentions: 'mentions.yaml',
  statementMap: 'statement-map.yaml',
} as const;

/**
 * A YAML list of entries, parsed as YAML 1.2 (so an unquoted 2025-03-11 stays a string and an
 * impossible date is reported, not rolled over) and checked for duplicate ids, which Astro would
 * only warn about.
 */
export function parseEntryList(text: string, file: string): Array<Record<string, unknown>> {
  const data: unknown = parseYaml(text) ?? [];
  if (!Array.isArray(data)) throw new Error(`${file}: expected a YAML list of entries (lines starting with "- id: …")`);
  assertUniqueIds(data, file);
  return data;
}
