// The large e2e build is made incrementally (experimental.incrementalBuild, src/lib/view/page-key.ts):
// first from a copy of its story with marked edits, one of each kind of data a page shows, then
// from the story itself, reusing what the first build left. A page the second build copied
// instead of rendering, though it showed an edit, still holds the mark (incremental.spec.ts).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * One mark per edit, so that a page shows which edits reached it: katakana no generated story
 * holds, which gets no reading and no line-break markup (a reading's mark is in hiragana, as
 * readings are).
 */
export const MARKS = {
  title: 'ヰヱヰア',
  paragraph: 'ヰヱヰイ',
  actor: 'ヰヱヰウ',
  event: 'ヰヱヰエ',
  point: 'ヰヱヰオ',
  correction: 'ヰヱヰカ',
  reading: 'ゐゑゐき',
} as const;
export type MarkKind = keyof typeof MARKS;

/** `text` with `mark` put after the last `prefix` (the last actor, the last event: few pages show them). */
const atLast = (text: string, prefix: string, mark: string) => {
  const at = text.lastIndexOf(prefix);
  return at < 0 ? text : text.slice(0, at + prefix.length) + mark + text.slice(at + prefix.length);
};

/** One marked edit: the file, and what it does to it. */
const edits: Array<{ kind: MarkKind; file: string; edit: (text: string) => string }> = [
  { kind: 'title', file: 'documents/doc-30.mdx', edit: (t) => t.replace(/^title: "(.*)"$/m, `title: "$1${MARKS.title}"`) },
  { kind: 'paragraph', file: 'documents/doc-02.mdx', edit: (t) => t.replace(/^(---\n[\s\S]*?\n---\n\n)(.+)$/m, `$1${MARKS.paragraph}$2`) },
  { kind: 'actor', file: 'actors.yaml', edit: (t) => atLast(t, '\n  description: "', MARKS.actor) },
  { kind: 'event', file: 'events.yaml', edit: (t) => atLast(t, '\n  title: "', MARKS.event) },
  { kind: 'point', file: 'statement-map.yaml', edit: (t) => t.replace(/^( {2}label: ")/m, `$1${MARKS.point}`) },
  {
    kind: 'correction',
    file: 'corrections.yaml',
    edit: () =>
      `- { id: marked, date: "2030-01-02", page: "articles/doc-04.html", summary: "${MARKS.correction}を直した。", reason: "試験のため。" }\n`,
  },
  // Only the bodies show readings: the pages that copy a body must follow its file.
  { kind: 'reading', file: 'readings.yaml', edit: () => `- { id: marked, word: 両国, reading: ${MARKS.reading}, name: true }\n` },
];

/** Applies the marked edits to the story in `dir`; the function returned puts every file back. */
export function markStory(dir: string): () => void {
  const originals = edits.map(({ kind, file, edit }) => {
    const path = join(dir, file);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const after = edit(before ?? '');
    if (!after.includes(MARKS[kind])) throw new Error(`incremental: could not mark the ${kind} in ${file}`);
    writeFileSync(path, after);
    return { path, before };
  });
  return () => {
    for (const { path, before } of originals) {
      if (before === undefined) rmSync(path);
      else writeFileSync(path, before);
    }
  };
}

/** The HTML files of a build folder (paths relative to it) that show a mark, in their markup or their text, with the marks they show. */
export function markedPages(dir: string): Record<string, MarkKind[]> {
  const found: Record<string, MarkKind[]> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort()) {
    const html = readFileSync(join(dir, f), 'utf8');
    const text = html.replace(/<[^>]*>/g, '');
    const kinds = (Object.keys(MARKS) as MarkKind[]).filter((k) => html.includes(MARKS[k]) || text.includes(MARKS[k]));
    if (kinds.length) found[f.split('\\').join('/')] = kinds;
  }
  return found;
}

/** What the second build said of each page: copied from the first ("restored", "cached") or rendered. */
export function pagesOfLog(log: string): { copied: string[]; rendered: string[] } {
  const copied: string[] = [];
  const rendered: string[] = [];
  // Astro logs "├─ /articles/doc-01.html" as it starts a page, then " (restored)" or " (cached)" at
  // once for a copied one; a rendered one's time follows later, after other pages' names.
  for (const m of stripVTControlCharacters(log).matchAll(/[├└]─ \/(\S+?\.html)( \((?:restored|cached)\))?/g)) {
    (m[2] ? copied : rendered).push(m[1]!);
  }
  return { copied: copied.sort(), rendered: rendered.sort() };
}

export interface IncrementalRun {
  /** Pages of the marked build that showed a mark, with the marks each showed. */
  marked: Record<string, MarkKind[]>;
  copied: string[];
  rendered: string[];
}

/** Where global-setup.ts leaves what it saw of the two builds, beside the build folder. */
export const runFile = (buildDir: string): string => `${buildDir}.incremental.json`;
