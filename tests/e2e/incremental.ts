// The large e2e build is made incrementally (experimental.incrementalBuild, src/lib/view/page-key.ts):
// first from a copy of its story with marked edits, one of each kind of data a page shows, then
// from the story itself, reusing what the first build left. A page the second build copied
// instead of rendering, though it showed an edit, still holds the mark (incremental.spec.ts).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** Katakana that no generated story holds, and that gets no reading and no line-break markup. */
export const MARK = 'ヰヱヰヱ';

/** One marked edit: the file, and what it does to it. */
const edits: Array<{ file: string; what: string; edit: (text: string) => string }> = [
  {
    file: 'documents/doc-01.mdx',
    what: "a document's title",
    edit: (t) => t.replace(/^title: "(.*)"$/m, `title: "$1${MARK}"`),
  },
  {
    file: 'documents/doc-02.mdx',
    what: "a paragraph's text",
    edit: (t) => t.replace(/^(---\n[\s\S]*?\n---\n\n)(.+)$/m, `$1${MARK}$2`),
  },
  {
    file: 'actors.yaml',
    what: "an actor's description",
    edit: (t) => t.replace(/^( {2}description: ")/m, `$1${MARK}`),
  },
  {
    file: 'events.yaml',
    what: "an event's title",
    edit: (t) => t.replace(/^( {2}title: ")/m, `$1${MARK}`),
  },
  {
    file: 'statement-map.yaml',
    what: 'a point of the statement',
    edit: (t) => t.replace(/^( {2}label: ")/m, `$1${MARK}`),
  },
  {
    file: 'corrections.yaml',
    what: "a page's correction",
    edit: () =>
      `- { id: marked, date: "2030-01-02", page: "articles/doc-04.html", summary: "${MARK}を直した。", reason: "試験のため。" }\n`,
  },
];

/** Applies the marked edits to the story in `dir`; the function returned puts every file back. */
export function markStory(dir: string): () => void {
  const originals = edits.map(({ file, what, edit }) => {
    const path = join(dir, file);
    const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const after = edit(before ?? '');
    if (!after.includes(MARK)) throw new Error(`incremental: could not mark ${what} in ${file}`);
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

/** The HTML files of a build folder (paths relative to it) that show the mark, in their markup or their text. */
export function markedPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .filter((f) => {
      const html = readFileSync(join(dir, f), 'utf8');
      return html.includes(MARK) || html.replace(/<[^>]*>/g, '').includes(MARK);
    })
    .sort();
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
  /** Pages of the marked build that showed a mark. */
  marked: string[];
  copied: string[];
  rendered: string[];
}

/** Where global-setup.ts leaves what it saw of the two builds, beside the build folder. */
export const runFile = (buildDir: string): string => `${buildDir}.incremental.json`;
