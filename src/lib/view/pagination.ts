// How the lists that grow with the story are split, so that no page grows without bound (every
// page, with what it loads, stays within 25 KB gzip at 1,000 documents and 500 actors; npm run
// bench measures it). A story small enough for one page keeps one page: the limits only apply to
// a large one. Every entry stays reachable by links (and by search).
import type { Actor } from '../content/schema.ts';
import { groupActors, type ActorGroup } from './glossary.ts';

/** Documents on the home page (and listed without JavaScript on the search page); the rest are on the document list. */
export const HOME_DOCUMENTS = 10;
/** Documents on each page of the document list. */
export const LIST_PAGE_SIZE = 50;
/** Above this many actors, the glossary is one page per row of the syllabary. */
export const GLOSSARY_ONE_PAGE = 100;
/** Passages listed on an actor's page; the others are found by search. */
export const ACTOR_PASSAGES = 30;

/** The pages of a list: pages[0] is the first, never empty (an empty list has one empty page). */
export function pages<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

export interface KanaRow {
  /** "a", "ka", … "other" */
  id: string;
  /** "あ行" */
  label: string;
  groups: ActorGroup[];
  count: number;
}

const ROWS: ReadonlyArray<[id: string, label: string, kana: string]> = [
  ['a', 'あ行', 'あいうえおぁぃぅぇぉゔ'],
  ['ka', 'か行', 'かきくけこがぎぐげごゕゖ'],
  ['sa', 'さ行', 'さしすせそざじずぜぞ'],
  ['ta', 'た行', 'たちつてとだぢづでどっ'],
  ['na', 'な行', 'なにぬねの'],
  ['ha', 'は行', 'はひふへほばびぶべぼぱぴぷぺぽ'],
  ['ma', 'ま行', 'まみむめも'],
  ['ya', 'や行', 'やゆよゃゅょ'],
  ['ra', 'ら行', 'らりるれろ'],
  ['wa', 'わ行', 'わをんゎゐゑ'],
];

/** Katakana to hiragana (the readings mix both). */
const hiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** The row of the syllabary an actor is filed under, by the first kana of its sort key or reading. */
export function rowOf(actor: Pick<Actor, 'reading' | 'sortKey'>): { id: string; label: string } {
  const first = hiragana((actor.sortKey ?? actor.reading).trim()).charAt(0);
  const row = ROWS.find(([, , kana]) => kana.includes(first));
  return row ? { id: row[0], label: row[1] } : { id: 'other', label: 'その他' };
}

/** The glossary's rows, in syllabary order, each with its actors grouped by type (empty rows left out). */
export function glossaryRows(actors: readonly Actor[]): KanaRow[] {
  const byRow = new Map<string, Actor[]>();
  for (const actor of actors) {
    const { id } = rowOf(actor);
    byRow.set(id, [...(byRow.get(id) ?? []), actor]);
  }
  return [...ROWS.map(([id, label]) => ({ id, label })), { id: 'other', label: 'その他' }]
    .filter((r) => byRow.has(r.id))
    .map((r) => ({ ...r, groups: groupActors(byRow.get(r.id)!), count: byRow.get(r.id)!.length }));
}

/** True when the glossary is split into row pages. */
export const glossaryIsSplit = (actors: readonly unknown[]): boolean => actors.length > GLOSSARY_ONE_PAGE;
