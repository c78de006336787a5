// Query side of the search, pure: which shards a query needs, which records it finds, how they
// rank, and the excerpt shown for each. The browser runs this very module: the search-index
// integration bundles src/scripts/search.ts (which imports it) into one classic script.
import { normalise, foldOkurigana, okuriganaPattern } from './normalise.ts';

/** Results shown at first, and added by each 「さらに表示」: only their records are loaded. */
export const RESULTS_PER_PAGE = 10;

/** A record as the index file carries it: [kind index, title, url, text, label]. */
export type PackedRecord = [number, string, string, string, string];

/** What every query loads first (search/meta.js). */
export interface IndexMeta {
  /** Per kind, in ranking order: [heading, 1 if its title is searched too]. */
  kinds: Array<[string, number]>;
  /** The first record id of each chunk of records (search/r<n>.js). */
  chunks: number[];
  /** The first record id of each kind: records are ordered by kind, so a record's kind follows from its id. */
  kindStarts: number[];
}

/**
 * Normalised name (of an actor: name, its parts, reading, English name, variants) → the ids of
 * the records with that name, and the other names to search as well (see nameTable). Split into
 * files by shardOf(name), like the posting lists, so that a query loads only its name's part: the
 * whole table grows with the number of actors.
 */
export type NameTable = Record<string, [number[], string[]]>;

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
  /** The first record id of each kind (IndexMeta.kindStarts): ranks records that are not loaded yet. */
  kindStarts: readonly number[];
}

/** A posting list as a shard file holds it (gaps between ascending ids) back to the ids. */
export function decodePostings(gaps: readonly number[]): number[] {
  let id = 0;
  return gaps.map((g, i) => (id = i ? id + g : g));
}

/** The range an id falls in, given the first id of each (ascending): a record's kind or its chunk. */
export function slotOf(id: number, starts: readonly number[]): number {
  let k = 0;
  while (k + 1 < starts.length && (starts[k + 1] as number) <= id) k++;
  return k;
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
  let grams = wanted.length ? wanted : all;
  // From both ends inwards (first, last, second, second last…): a few of the first bigrams of
  // ウクライナ代表団 would all come from ウクライナ and find every text that names it.
  const n = grams.length;
  grams = grams.map((_, i) => grams[i % 2 ? n - 1 - (i >> 1) : i >> 1] as string);
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
  // Firefox before 125 has no Segmenter: the words are then those between spaces.
  const Seg = (Intl as unknown as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  const parts = Seg
    ? Array.from(new Seg('ja', { granularity: 'word' }).segment(query))
        .filter((s) => s.isWordLike)
        .map((s) => s.segment)
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
  return lists.reduce((a, b) => {
    return a.filter((id) => b.includes(id));
  });
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
  return [...new Set(ids.map((id) => slotOf(id, starts)))].sort((a, b) => a - b);
}

/** The searchable text of a record: its text, preceded by its title where its kind says so. */
export function haystack(record: PackedRecord, titleSearched: readonly boolean[]): string {
  return (titleSearched[record[0]] ? record[1] + '\n' : '') + record[3];
}

/** The records a query finds so far, the candidates not verified yet, and the records to load next. */
export interface SearchResult {
  /** Verified hits, ranked, at most `limit`. */
  hits: Hit[];
  /** Hits and the candidates not verified yet, per kind: the counts shown. */
  counts: number[];
  /** Their sum. */
  total: number;
  /** Record ids whose chunks must be loaded before the hits up to `limit` are known; empty when done. */
  need: number[];
}

/**
 * The records that contain every term (as written or in another okurigana spelling), then those
 * that contain an alias, ranked: the records named by the query (exactIds) first, then by kind (the order
 * of the kinds list), direct hits before alias hits, then in index order.
 * Candidates come from the posting lists and are ranked before any record is loaded (a record's
 * kind follows from its id), so only the first `limit` of them need their records: each of those
 * is verified by a substring test on its normalised text, so there are no false hits. The others
 * are counted as candidates (a superset of the hits: the counts are an upper bound, exact when
 * every bigram of the query was looked up and no candidate is a false one).
 * Call again with the records of `need` loaded until `need` is empty.
 */
export function searchUpTo(
  query: string,
  data: QueryData,
  maxShards: number,
  aliases: readonly string[] = [],
  exactIds: readonly number[] = [],
  limit = Infinity,
): SearchResult {
  const t = queryTerms(query);
  const result: SearchResult = { hits: [], counts: data.kindStarts.map(() => 0), total: 0, need: [] };
  if (!t.phrase) return result;
  const cache: Record<number, string> = {};
  const loaded = (id: number): boolean => !!data.records[id];
  function matches(id: number, terms: readonly string[]): boolean {
    const s = (cache[id] ??= normalise(haystack(data.records[id] as PackedRecord, data.titleSearched)));
    return terms.every((term) => s.includes(term) || okuriganaPattern(term).test(s));
  }
  const candidates = (terms: readonly string[]): number[] => intersect(terms.map((term) => termCandidates(term, data, maxShards)));
  // The whole query, or its words if no candidate of the whole query is a hit. A query with a
  // space is its words at once: the texts have no spaces, and its bigrams stop at the space, so
  // every record with both halves would be a candidate to load only to be rejected.
  let terms = [t.phrase];
  let direct = t.phrase.includes(' ') && t.words.length ? [] : candidates(terms);
  if (t.words.length && !direct.some((id) => loaded(id) && matches(id, terms))) {
    const unknown = direct.filter((id) => !loaded(id));
    if (unknown.length) {
      result.need = unknown.slice(0, limit);
      return result;
    }
    direct = candidates((terms = t.words));
  }
  const seen: Record<number, number> = {};
  const list: Array<{ id: number; alias: boolean; exact: boolean; kind: number }> = [];
  [direct].concat(aliases.map((a) => candidates([a]))).forEach((ids, n) => {
    for (const id of ids) {
      if (seen[id]) continue;
      list.push({ id: id, alias: n > 0, exact: exactIds.includes(id), kind: slotOf(id, data.kindStarts) });
      seen[id] = 1;
    }
  });
  list.sort((a, b) => +b.exact - +a.exact || a.kind - b.kind || +a.alias - +b.alias || a.id - b.id);
  for (const c of list) {
    let counted = true;
    // Verified in rank order up to `limit`, and only while no earlier candidate waits for its record.
    if (result.hits.length + result.need.length < limit) {
      if (!loaded(c.id)) result.need.push(c.id);
      else if (!result.need.length) {
        // A direct candidate is tried with the query's terms, then (like an alias candidate) with each alias.
        const found = !c.alias && matches(c.id, terms) ? terms : aliases.filter((a) => matches(c.id, [a])).slice(0, 1);
        if (found.length) result.hits.push({ id: c.id, terms: found, exact: c.exact, alias: found !== terms });
        else counted = false;
      }
    }
    if (counted) result.counts[c.kind]!++;
  }
  result.total = result.counts.reduce((a, b) => a + b, 0);
  return result;
}

/** Every hit of a query, with every candidate's record at hand (the tests and the build). */
export function searchRecords(
  query: string,
  data: QueryData,
  maxShards: number,
  aliases?: readonly string[],
  exactIds?: readonly number[],
): Hit[] {
  return searchUpTo(query, data, maxShards, aliases, exactIds).hits;
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
  // The okurigana pattern finds the term as written and in any other okurigana spelling.
  for (const term of terms) {
    const re = okuriganaPattern(term);
    let m: RegExpExecArray | null;
    while (term && (m = re.exec(norm))) spans.push([origin[m.index] as number, (origin[m.index + m[0].length - 1] as number) + 1]);
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
