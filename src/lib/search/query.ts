// Query side of the search, pure: which shards a query needs, which records it finds, how they
// rank, and the excerpt shown for each. The browser runs this very module: the search-index
// integration bundles src/scripts/search.ts (which imports it) into one classic script.
import { normalise, foldOkurigana, okuriganaPattern } from './normalise.ts';

/** A record as the index file carries it: [kind index, title, url, text, label, exact names]. */
export type PackedRecord = [number, string, string, string, string, string[]];

/** What a query needs: the records, the posting list of a gram (undefined if unknown), the shard count. */
export interface QueryData {
  records: readonly PackedRecord[];
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

/** The shard a gram lives in: its first code point modulo the shard count. */
export function shardOf(gram: string, shardCount: number): number {
  return (gram.codePointAt(0) || 0) % shardCount;
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
  const wanted = all.filter(function (g) { return Array.from(g).length === 2; });
  const grams = wanted.length ? wanted : all;
  const shards: number[] = [];
  const out: string[] = [];
  for (const g of grams) {
    const s = shardOf(g, shardCount);
    if (shards.indexOf(s) < 0) {
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
    ? Array.from(new Seg('ja', { granularity: 'word' }).segment(query)).filter(function (s) { return s.isWordLike; }).map(function (s) { return s.segment; })
    : query.split(/\s+/);
  for (const p of parts) {
    const w = normalise(p).trim();
    if (w && words.indexOf(w) < 0) words.push(w);
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
        if (out.indexOf(s) < 0) out.push(s);
      }
    }
  }
  return out.sort(function (a, b) { return a - b; });
}

/**
 * When the query is the name, reading or a variant of a record (an actor), the records that
 * mention that actor are wanted too, whatever spelling they use: ワルツ and Waltz also search
 * マイク・ウォルツ and ウォルツ (the record's title and the last part of it, the family name).
 */
export function aliasTerms(query: string, records: readonly PackedRecord[]): string[] {
  const phrase = normalise(query).trim();
  const out: string[] = [];
  for (const r of records) {
    if (!r[5].some(function (n) { return normalise(n) === phrase; })) continue;
    for (const alias of [r[1], r[1].split('・').pop() || '']) {
      const a = normalise(alias).trim();
      if (Array.from(a).length > 1 && a !== phrase && out.indexOf(a) < 0) out.push(a);
    }
  }
  return out;
}

/** The searchable text of a record: its text, preceded by its title where its kind says so. */
export function haystack(record: PackedRecord, titleSearched: readonly boolean[]): string {
  return (titleSearched[record[0]] ? record[1] + '\n' : '') + record[3];
}

/**
 * The records that contain every term (as written or in another okurigana spelling), then those
 * that contain an alias, ranked: actors whose name equals the query first, then by kind (the order
 * of the kinds list), direct hits before alias hits, then in index order.
 * Candidates come from the posting lists; each is verified by a substring test on its normalised
 * text, so there are no false hits.
 */
export function searchRecords(query: string, data: QueryData, maxShards: number, aliases?: readonly string[]): Hit[] {
  const t = queryTerms(query);
  if (!t.phrase) return [];
  const cache: Record<number, string> = {};
  function text(id: number): string {
    return (cache[id] ??= normalise(haystack(data.records[id] as PackedRecord, data.titleSearched)));
  }
  function candidates(term: string): number[] {
    const found: number[] = [];
    for (const form of termForms(term)) {
      let ids: readonly number[] | undefined;
      for (const g of lookupGrams(form, data.shardCount, maxShards)) {
        const p = data.postings(g) || [];
        ids = ids ? ids.filter(function (id) { return p.indexOf(id) >= 0; }) : p;
      }
      for (const id of ids || []) if (found.indexOf(id) < 0) found.push(id);
    }
    return found;
  }
  function matches(id: number, term: string): boolean {
    const t = text(id);
    return t.indexOf(term) >= 0 || okuriganaPattern(term).test(t);
  }
  function find(terms: string[]): number[] {
    let ids: number[] | undefined;
    for (const term of terms) {
      const c = candidates(term).filter(function (id) { return matches(id, term); });
      ids = ids ? ids.filter(function (id) { return c.indexOf(id) >= 0; }) : c;
    }
    return ids || [];
  }
  let terms = [t.phrase];
  let ids = find(terms);
  if (!ids.length && t.words.length) {
    terms = t.words;
    ids = find(terms);
  }
  const hits: Hit[] = ids.map(function (id) {
    const r = data.records[id] as PackedRecord;
    const exact = r[5].some(function (n) { return normalise(n) === t.phrase; });
    return { id: id, terms: terms, exact: exact, alias: false };
  });
  for (const alias of aliases || []) {
    for (const id of find([alias])) {
      if (!hits.some(function (h) { return h.id === id; })) hits.push({ id: id, terms: [alias], exact: false, alias: true });
    }
  }
  return hits.sort(function (a, b) {
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
  chars.forEach(function (c, i) {
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
  spans.sort(function (a, b) { return a[0] - b[0]; });
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
