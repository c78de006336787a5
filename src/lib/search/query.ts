// Query side of the search, pure: which shards a query needs, which records it finds, how they
// rank, and the excerpt shown for each. The browser runs this very module: the search-index
// integration bundles src/scripts/search.ts (which imports it) into one classic script.
import { normalise, foldOkurigana, okuriganaPattern } from './normalise.ts';

/** A record as the index file carries it: [kind index, title, url, text, label]. */
export type PackedRecord = [number, string, string, string, string];

/** What every query loads first (search/meta.js). */
export interface IndexMeta {
  /** Per kind, in ranking order: [heading, 1 if its title is searched too]. */
  kinds: Array<[string, number]>;
  /** The first record id of each chunk of records (search/r<n>.js). */
  chunks: number[];
  /**
   * Normalised name (of an actor: name, its parts, reading, English name, variants) → the ids of
   * the records with that name, and the other names to search as well (see nameTable).
   */
  names: Record<string, [number[], string[]]>;
}

/**
 * What a query needs: the records (only those loaded so far: the chunks that hold the
 * candidates), the posting list of a gram (undefined if unknown), the shard count.
 */
export interface QueryData {
  records: ReadonlyArray<PackedRecord | undefined>;
  /** Whether the kind at each index also matches on the title (events: title + description). */
  titleSearched: readonly boolean[];
  postings: (gram: string) => readonly number[] | undefined;
  shardCount: number;
}

export interface Hit {
  id: number;
  /** The terms that matched (the whole query, or its words). */
  terms: string[];
  /** An actor whose name, reading, a part of the name or a variant equals the query. */
  exact: boolean;
  /** Found by an alias of the query (see aliasTerms), not by the query itself. */
  alias: boolean;
}

/**
 * The shard a gram lives in: a hash of the whole gram (not only of its first character, whose
 * shard would grow with the most frequent character, like the う of ウクライナ).
 */
export function shardOf(gram: string, shardCount: number): number {
  let h = 0;
  for (let i = 0; i < gram.length; i++) h = (Math.imul(h, 31) + gram.charCodeAt(i)) >>> 0;
  return h % shardCount;
}

/**
 * The grams of a normalised string: every character (unigrams, for one-character queries) and
 * every pair of adjacent characters (bigrams). Pairs across a space are left out.
 */
export function gramsOf(text: string): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ' ') continue;
    out.push(c);
    const next = chars[i + 1];
    if (next !== undefined && next !== ' ') out.push(c + next);
  }
  return out;
}

/**
 * The grams a query term is looked up by: its bigrams (its one character if it has only one).
 * Any subset of them gives a superset of the true hits, which verification then narrows, so at
 * most `maxShards` shards are used: a long query loads no more than a short one.
 */
export function lookupGrams(term: string, shardCount: number, maxShards: number): string[] {
  const all = gramsOf(term);
  const wanted = all.filter((g) => Array.from(g).length === 2);
  const grams = wanted.length ? wanted : all;
  const shards: number[] = [];
  const out: string[] = [];
  for (const g of grams) {
    const s = shardOf(g, shardCount);
    if (!shards.includes(s)) {
      if (shards.length >= maxShards) continue;
      shards.push(s);
    }
    out.push(g);
  }
  return out;
}

/**
 * The terms of a query: the whole normalised query first; if it has no exact match, its words
 * (Intl.Segmenter, Japanese word granularity), every one required. Words are cut from the query
 * as typed and normalised afterwards, because the segmenter knows katakana words, not the
 * hiragana the normaliser turns them into.
 */
export function queryTerms(query: string): { phrase: string; words: string[] } {
  const phrase = normalise(query).trim();
  const words: string[] = [];
  const Seg = typeof Intl !== 'undefined' ? (Intl as unknown as { Segmenter?: typeof Intl.Segmenter }).Segmenter : undefined;
  const parts = Seg
    ? Array.from(new Seg('ja', { granularity: 'word' }).segment(query)).filter((s) => s.isWordLike).map((s) => s.segment)
    : query.split(/\s+/);
  for (const p of parts) {
    const w = normalise(p).trim();
    if (w && !words.includes(w)) words.push(w);
  }
  return { phrase: phrase, words: words.length > 1 ? words : [] };
}

/** The distinct variants a term is matched in: as written, and with okurigana folded. */
export function termForms(term: string): string[] {
  const folded = foldOkurigana(term);
  return folded === term ? [term] : [term, folded];
}

/**
 * Every shard a query may need, for the whole query, its words and any alias terms, so that one
 * load suffices.
 */
export function neededShards(query: string, shardCount: number, maxShards: number, aliases?: readonly string[]): number[] {
  const t = queryTerms(query);
  const out: number[] = [];
  for (const term of [t.phrase].concat(t.words, aliases || [])) {
    for (const form of termForms(term)) {
      for (const g of lookupGrams(form, shardCount, maxShards)) {
        const s = shardOf(g, shardCount);
        if (!out.includes(s)) out.push(s);
      }
    }
  }
  return out.sort((a, b) => a - b);
}

/** Record ids whose posting lists hold every lookup gram of a term, in either okurigana spelling. */
function termCandidates(term: string, data: QueryData, maxShards: number): number[] {
  const found: number[] = [];
  for (const form of termForms(term)) {
    let ids: readonly number[] | undefined;
    for (const g of lookupGrams(form, data.shardCount, maxShards)) {
      const p = data.postings(g) || [];
      ids = ids ? ids.filter((id) => p.includes(id)) : p;
    }
    for (const id of ids || []) if (!found.includes(id)) found.push(id);
  }
  return found;
}

/** Ids present in every list. */
function intersect(lists: number[][]): number[] {
  return lists.reduce((a, b) => { return a.filter((id) => b.includes(id)); });
}

/**
 * Every record the query may find (the query, its words, its aliases), from the posting lists
 * alone: the chunks that hold them are all a query loads of the records.
 */
export function candidateIds(query: string, data: QueryData, maxShards: number, aliases?: readonly string[]): number[] {
  const t = queryTerms(query);
  if (!t.phrase) return [];
  const lists = [termCandidates(t.phrase, data, maxShards)];
  if (t.words.length) lists.push(intersect(t.words.map((w) => termCandidates(w, data, maxShards))));
  for (const a of aliases || []) lists.push(termCandidates(a, data, maxShards));
  const out: number[] = [];
  for (const list of lists) for (const id of list) if (!out.includes(id)) out.push(id);
  return out.sort((a, b) => a - b);
}

/** The chunks (numbers of search/r<n>.js) that hold the given record ids. */
export function chunksOf(ids: readonly number[], starts: readonly number[]): number[] {
  const out: number[] = [];
  for (const id of ids) {
    let n = 0;
    while (n + 1 < starts.length && (starts[n + 1] as number) <= id) n++;
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

/** The searchable text of a record: its text, preceded by its title where its kind says so. */
export function haystack(record: PackedRecord, titleSearched: readonly boolean[]): string {
  return (titleSearched[record[0]] ? record[1] + '\n' : '') + record[3];
}

/**
 * The records that contain every term (as written or in another okurigana spelling), then those
 * that contain an alias, ranked: the records named by the query (exactIds) first, then by kind (the order
 * of the kinds list), direct hits before alias hits, then in index order.
 * Candidates come from the posting lists; each is verified by a substring test on its normalised
 * text, so there are no false hits.
 */
export function searchRecords(query: string, data: QueryData, maxShards: number, aliases?: readonly string[], exactIds?: readonly number[]): Hit[] {
  const t = queryTerms(query);
  if (!t.phrase) return [];
  const cache: Record<number, string> = {};
  function text(id: number): string {
    const r = data.records[id];
    // A record whose chunk is not loaded is no hit (the client loads every candidate's chunk).
    return (cache[id] ??= r ? normalise(haystack(r, data.titleSearched)) : '');
  }
  function matches(id: number, term: string): boolean {
    const t = text(id);
    return t.includes(term) || okuriganaPattern(term).test(t);
  }
  function find(terms: string[]): number[] {
    let ids: number[] | undefined;
    for (const term of terms) {
      const c = termCandidates(term, data, maxShards).filter((id) => matches(id, term));
      ids = ids ? ids.filter((id) => c.includes(id)) : c;
    }
    return ids || [];
  }
  let terms = [t.phrase];
  let ids = find(terms);
  if (!ids.length && t.words.length) {
    terms = t.words;
    ids = find(terms);
  }
  const hits: Hit[] = ids.map((id) => {
    return { id: id, terms: terms, exact: (exactIds || []).includes(id), alias: false };
  });
  for (const alias of aliases || []) {
    for (const id of find([alias])) {
      if (!hits.some((h) => h.id === id)) hits.push({ id: id, terms: [alias], exact: false, alias: true });
    }
  }
  return hits.sort((a, b) => {
    const ra = data.records[a.id] as PackedRecord;
    const rb = data.records[b.id] as PackedRecord;
    return Number(b.exact) - Number(a.exact) || ra[0] - rb[0] || Number(a.alias) - Number(b.alias) || a.id - b.id;
  });
}

/**
 * A window of `text` around the first match of any term, cut into plain and marked pieces
 * (odd indices are marked). Matches are found on the normalised text, character by character,
 * so the marked span is the original text the reader sees.
 */
export function excerpt(text: string, terms: readonly string[], radius: number): string[] {
  const chars = Array.from(text);
  let norm = '';
  const origin: number[] = [];
  chars.forEach((c, i) => {
    const n = normalise(c);
    for (let k = 0; k < n.length; k++) origin.push(i);
    norm += n;
  });
  const spans: Array<[number, number]> = [];
  for (const term of terms) {
    let at = term ? norm.indexOf(term) : -1;
    const found = at >= 0;
    while (at >= 0) {
      spans.push([origin[at] as number, (origin[at + term.length - 1] as number) + 1]);
      at = norm.indexOf(term, at + term.length);
    }
    // Not as written: in another okurigana spelling.
    if (!found && term) {
      const re = okuriganaPattern(term);
      let m: RegExpExecArray | null;
      while ((m = re.exec(norm))) spans.push([origin[m.index] as number, (origin[m.index + m[0].length - 1] as number) + 1]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const first = spans[0];
  const start = first ? Math.max(0, first[0] - radius) : 0;
  const end = Math.min(chars.length, first ? Math.max(first[1] + radius, start + 2 * radius) : 2 * radius);
  const out: string[] = [start > 0 ? '…' : ''];
  let pos = start;
  for (const s of spans) {
    if (s[0] < pos || s[1] > end) continue;
    out[out.length - 1] += chars.slice(pos, s[0]).join('');
    out.push(chars.slice(s[0], s[1]).join(''), '');
    pos = s[1];
  }
  out[out.length - 1] += chars.slice(pos, end).join('') + (end < chars.length ? '…' : '');
  return out;
}
