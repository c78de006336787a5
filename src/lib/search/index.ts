// Build side of the search: records in, index files out. The index is plain data for classic
// <script> files (no fetch, no modules: both are blocked on file://), split into shards by the
// first character of each gram so that a query loads only the few shards it needs.
import { createHash } from 'node:crypto';
import { normalise, foldOkurigana } from './normalise.ts';
import { gramsOf, shardOf, type PackedRecord } from './query.ts';

/**
 * A kind of record, in ranking order. A new kind (tracker points, say) is one more entry here and
 * one more list of records: the index, the client and the page know nothing else about kinds.
 */
export interface KindSpec {
  kind: string;
  /** Heading of its group of results. */
  heading: string;
  /** Whether the title is searched too (events: title and description). */
  titleSearched?: boolean;
}

export interface SearchRecord {
  kind: string;
  /** Shown as the result's link text. */
  title: string;
  /** Searched and excerpted. */
  text: string;
  /** Route from the site root, with its fragment ("articles/analysis.html#p3"). */
  url: string;
  /** A short note after the title (第3段落). */
  label?: string;
  /** Strings that, equal to the query, rank the record first (an actor's name, reading, variants). */
  names?: string[];
}

/** 64 shards: at this site's size a shard is a few hundred bytes, and a query needs two to six. */
export const SHARD_COUNT = 64;
/** A term is looked up in at most this many shards (any subset of its bigrams is enough). */
export const MAX_SHARDS_PER_TERM = 3;
/** The global functions the index files call. */
export const SHARD_CALLBACK = '__searchShard';
export const RECORDS_CALLBACK = '__searchRecords';

export interface SearchIndex {
  kinds: KindSpec[];
  records: PackedRecord[];
  /** Per shard: gram → ascending record ids. */
  shards: Array<Record<string, number[]>>;
}

/** Packs the records (ordered by kind, then as given) and builds the posting lists. */
export function buildSearchIndex(kinds: readonly KindSpec[], input: readonly SearchRecord[], shardCount = SHARD_COUNT): SearchIndex {
  const order = kinds.map((k) => k.kind);
  for (const r of input) {
    if (!order.includes(r.kind)) throw new Error(`search index: unknown kind "${r.kind}" for ${r.url}`);
  }
  const sorted = [...input].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const records: PackedRecord[] = sorted.map((r) => [order.indexOf(r.kind), r.title, r.url, r.text, r.label ?? '', r.names ?? []]);
  const shards: Array<Record<string, number[]>> = Array.from({ length: shardCount }, () => ({}));
  records.forEach((record, id) => {
    const searched = kinds[record[0]]!.titleSearched ? `${record[1]}\n${record[3]}` : record[3];
    const text = normalise(searched);
    // The okurigana-folded text is indexed too, so 取決め finds 取り決め and the reverse.
    for (const gram of new Set([...gramsOf(text), ...gramsOf(foldOkurigana(text))])) {
      const shard = shards[shardOf(gram, shardCount)]!;
      (shard[gram] ??= []).push(id);
    }
  });
  return { kinds: [...kinds], records, shards };
}

export interface IndexFile {
  /** Path under the site root. */
  path: string;
  content: string;
}

export const shardPath = (n: number): string => `search/s${String(n).padStart(2, '0')}.js`;
export const RECORDS_PATH = 'search/records.js';

/** The index as classic scripts: one for the records, one per shard (empty shards too, so none 404s). */
export function indexFiles(index: SearchIndex): IndexFile[] {
  const meta = {
    kinds: index.kinds.map((k) => [k.heading, k.titleSearched ? 1 : 0]),
    records: index.records,
  };
  return [
    { path: RECORDS_PATH, content: `${RECORDS_CALLBACK}(${JSON.stringify(meta)});\n` },
    ...index.shards.map((shard, n) => ({ path: shardPath(n), content: `${SHARD_CALLBACK}(${n},${JSON.stringify(shard)});\n` })),
  ];
}

/** A short hash of the index files: appended to their URLs so that a new deploy is never mixed with a cached old shard. */
export function indexVersion(files: readonly IndexFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.content).update('\0');
  return hash.digest('hex').slice(0, 10);
}
