// How the content files of a story folder are read: the YAML lists (actors.yaml, events.yaml, …)
// and the frontmatter of the documents. The build's loaders (src/loaders.ts) call these and
// nothing else, so every mistake an editor can make in a file is reported the same way wherever it
// is found: `file:line:column: entry "id", field "x": what is wrong — what would be valid`.
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError } from './references.ts';

/** File names inside the content folder (documents live in documents/*.mdx). */
export const contentFiles = {
  actors: 'actors.yaml',
  events: 'events.yaml',
  aftermath: 'aftermath.yaml',
  story: 'story.yaml',
  mentions: 'mentions.yaml',
  statementMap: 'statement-map.yaml',
  tracker: 'tracker.yaml',
  expectations: 'expectations.yaml',
  corrections: 'corrections.yaml',
  citations: 'citations.lock.yaml',
  readings: 'readings.yaml',
} as const;

export type ContentFiles = typeof contentFiles;

/** One validated entry of a list file, with the line it starts on. */
export interface ListEntry<T> {
  id: string;
  data: T;
  line: number;
}

interface Position {
  line: number;
  col: number;
}

/** Shows a value the way an editor typed it, shortened. */
function show(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : JSON.stringify(value);
  if (text === undefined) return 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Checks `value` against `schema` and throws a ContentError naming the place of the first bad field:
 * the file, line and column (from `positionOf`), the entry, the field, the bad value and the rule.
 */
export function validateEntry<S extends z.ZodType>(
  schema: S,
  value: unknown,
  place: { file: string; entry: string; positionOf: (path: ReadonlyArray<PropertyKey>) => Position },
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    const { line, col } = place.positionOf(path);
    const field = path.length ? `field "${path.map(String).join('.')}"` : 'the entry';
    const bad = path.length ? ` (is ${show(valueAt(value, path))})` : '';
    return `${place.file}:${line}:${col}: entry "${place.entry}", ${field}${bad}: ${issue.message}`;
  });
  throw new ContentError(lines.join('\n'));
}

/** A parsed YAML text with a way to find the line and column of any path inside it. */
function parseYamlText(text: string, file: string, lineOffset = 0) {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: an unquoted 2025-03-11 stays a string (the schema then asks for quotes
  // only where a real Date slipped in), and "no"/"yes" stay strings.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    const message = error.message.split('\n')[0];
    throw new ContentError(`${file}:${pos.line + lineOffset}:${pos.col}: YAML syntax error — ${message}`);
  }
  const positionOfNode = (node: Node | null | undefined, fallback: Position): Position => {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback;
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, col };
  };
  /** The deepest node that exists along `path`, so a missing field points at its entry. */
  const positionOf = (path: ReadonlyArray<PropertyKey>): Position => {
    let best: Position = { line: 1 + lineOffset, col: 1 };
    for (let n = 0; n <= path.length; n++) {
      const node = n === 0 ? doc.contents : (doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined);
      if (node === undefined) break;
      best = positionOfNode(node, best);
    }
    return best;
  };
  return { doc, data: doc.toJS() as unknown, positionOf };
}

/**
 * A YAML list of entries ("- id: …"), each checked against `schema`. Throws a ContentError on a
 * syntax error, a file that is not a list, an entry without a string id, a duplicate id (naming
 * both lines), and the first field that breaks the schema. An empty file is an empty list.
 */
export function readEntryList<S extends z.ZodType>(text: string, file: string, schema: S): Array<ListEntry<z.infer<S>>> {
  const { doc, data, positionOf } = parseYamlText(text, file);
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data) || !isSeq(doc.contents)) {
    throw new ContentError(
      `${file}:1:1: expected a YAML list of entries, each starting with "- id: …" — found ${Array.isArray(data) ? 'something else' : typeof data === 'object' ? 'a mapping' : `the value ${show(data)}`}`,
    );
  }
  const seen = new Map<string, number>();
  return data.map((raw: unknown, i) => {
    const at = positionOf([i]);
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !isMap(doc.getIn([i], true))) {
      throw new ContentError(`${file}:${at.line}:${at.col}: entry ${i + 1} is ${show(raw)}, not a mapping — write it as "- id: …" followed by its fields`);
    }
    const id = (raw as Record<string, unknown>)['id'];
    if (typeof id !== 'string' || id.trim() === '') {
      throw new ContentError(`${file}:${at.line}:${at.col}: entry ${i + 1} has no id — add "id: <lower-case ASCII>" (e.g. "id: talks-jeddah")`);
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw new ContentError(
        `${file}:${at.line}:${at.col}: entry "${id}", field "id": duplicate id "${id}" — already used by the entry on line ${first}; every id in a file must be unique`,
      );
    }
    seen.set(id, at.line);
    const entryData = validateEntry(schema, raw, { file, entry: id, positionOf: (path) => positionOf([i, ...path]) });
    return { id, data: entryData, line: at.line };
  });
}

/** The frontmatter block of an MDX file: its YAML text and the line the YAML starts on. */
export function splitFrontmatter(source: string): { yaml: string; firstLine: number; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) return undefined;
  const yaml = m[1] ?? '';
  return { yaml, firstLine: 2, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** The frontmatter of a document, checked against `schema`, with positions in the .mdx file. */
export function readFrontmatter<S extends z.ZodType>(source: string, file: string, entry: string, schema: S): z.infer<S> {
  const parts = splitFrontmatter(source);
  if (!parts) {
    throw new ContentError(`${file}:1:1: entry "${entry}": no frontmatter — the file must start with a "---" line, the fields (title, description, kind, order, date), and another "---" line`);
  }
  const { data, positionOf } = parseYamlText(parts.yaml, file, parts.firstLine - 1);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError(`${file}:${parts.firstLine}:1: entry "${entry}": the frontmatter must be fields ("title: …"), not ${show(data)}`);
  }
  return validateEntry(schema, data, { file, entry, positionOf });
}
