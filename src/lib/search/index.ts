// Build side of the search: records in, index files out. The index is plain data for classic
// <script> files (no fetch, no modules: both are blocked on file://). Both halves are split so
// that a query loads only what it needs: the posting lists into shards by a hash of the gram, the
// records into chunks, of which a query loads those that hold its candidates.
import { createHash } from 'node:crypto';
import { normalise, foldOkurigana } from './normalise.ts';
import { gramsOf, shardOf, type PackedRecord, type IndexMeta, type NameTable } from './query.ts';

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

/** At least 64 shards; more as the index grows. */
export const MIN_SHARDS = 64;
/**
 * Posting lists per shard, in bytes of (delta-encoded) JSON before compression, that a growing
 * index aims at: about 0.4 KB gzip a shard, so that a query's handful of shards stays small.
 */
const SHARD_TARGET_BYTES = 1024;
/**
 * At most this many shards: past it the shards grow instead. At 1,000 documents that is 2,048
 * files of 0.7 KB gzip on average (a term's at most six shards about 4 KB) instead of 8,192 of
 * 0.4 KB, which took a rebuild 3–4 s more to write and the service worker as many more entries.
 */
export const MAX_SHARDS = 2048;
/**
 * Records per chunk, in UTF-8 bytes of JSON before compression (about 2.5 KB gzip of Japanese
 * text). A chunk holds one kind only, so a query's first results (ranked by kind) hit few chunks.
 */
const CHUNK_TARGET_BYTES = 4096;
/** A term is looked up in at most this many shards (any subset of its bigrams is enough). */
export const MAX_SHARDS_PER_TERM = 6;
/** The global functions the index files call. */
export const SHARD_CALLBACK = '__searchShard';
export const META_CALLBACK = '__searchMeta';
export const CHUNK_CALLBACK = '__searchChunk';
export const NAMES_CALLBACK = '__searchNames';

/** How many shards posting lists of `bytes` (as JSON) are cut into: a power of two, MIN_SHARDS to MAX_SHARDS. */
export function shardCountFor(bytes: number): number {
  return Math.min(MAX_SHARDS, Math.max(MIN_SHARDS, 2 ** Math.ceil(Math.log2(Math.max(1, bytes / SHARD_TARGET_BYTES)))));
}

export interface SearchIndex {
  kinds: KindSpec[];
  records: PackedRecord[];
  shardCount: number;
  /** Per shard: gram → ascending record ids. */
  shards: Array<Record<string, number[]>>;
  /** First record id of each chunk. */
  chunks: number[];
  /** First record id of each kind (records are ordered by kind). */
  kindStarts: number[];
  names: NameTable;
  /** How many files the names table is cut into (nameShards): about 2 KB of JSON each. */
  nameParts: number;
}

/** Packs the records (ordered by kind, then as given), builds the posting lists and cuts the chunks. */
export function buildSearchIndex(kinds: readonly KindSpec[], input: readonly SearchRecord[], shardCount?: number): SearchIndex {
  const order = kinds.map((k) => k.kind);
  for (const r of input) {
    if (!order.includes(r.kind)) throw new Error(`search index: unknown kind "${r.kind}" for ${r.url}`);
  }
  // Record ids are positions in this order, which is also the ranking order.
  const sorted = [...input].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const records: PackedRecord[] = sorted.map((r) => [order.indexOf(r.kind), r.title, r.url, r.text, r.label ?? '']);
  const postings = new Map<string, number[]>();
  records.forEach((record, id) => {
    const searched = kinds[record[0]]!.titleSearched ? `${record[1]}\n${record[3]}` : record[3];
    const text = normalise(searched);
    // The okurigana-folded text is indexed too, so 取決め finds 取り決め and the reverse.
    for (const gram of new Set([...gramsOf(text), ...gramsOf(foldOkurigana(text))])) {
      let list = postings.get(gram);
      if (!list) postings.set(gram, (list = []));
      list.push(id);
    }
  });
  let bytes = 0;
  for (const [gram, ids] of postings) bytes += gram.length * 3 + 4 + JSON.stringify(deltas(ids)).length;
  const count = shardCount ?? shardCountFor(bytes);
  const shards: Array<Record<string, number[]>> = Array.from({ length: count }, () => ({}));
  for (const [gram, ids] of postings) shards[shardOf(gram, count)]![gram] = ids;
  const chunks: number[] = [];
  const kindStarts = kinds.map((_, k) => {
    const at = records.findIndex((r) => r[0] >= k);
    return at < 0 ? records.length : at;
  });
  let size = Infinity;
  records.forEach((record, id) => {
    const length = Buffer.byteLength(JSON.stringify(record));
    if (size + length > CHUNK_TARGET_BYTES || kindStarts.includes(id)) {
      if (!chunks.includes(id)) chunks.push(id);
      size = 0;
    }
    size += length;
  });
  const names = nameTable(sorted);
  const nameParts = Math.max(1, Math.min(count, Math.ceil(JSON.stringify(names).length / 2048)));
  return { kinds: [...kinds], records, shardCount: count, shards, chunks, kindStarts, names, nameParts };
}

/**
 * The names table: a query equal to a record's name (an actor's name, a part of it, its reading,
 * English name or a variant) ranks that record first, and also searches its other names, so that
 * the texts that name the actor in another spelling are found too: ワルツ and Waltz also search
 * マイク・ウォルツ and ウォルツ (the title, and its last part: the family name). Built here so
 * the browser only looks the query up.
 */
export function nameTable(records: readonly SearchRecord[]): NameTable {
  const table: NameTable = {};
  records.forEach((r, id) => {
    const aliases = [...new Set([r.title, r.title.split('・').pop() ?? ''].map((a) => normalise(a).trim()))].filter(
      (a) => [...a].length > 1,
    );
    for (const name of r.names ?? []) {
      const key = normalise(name).trim();
      const entry = (table[key] ??= [[], []]);
      if (!entry[0].includes(id)) entry[0].push(id);
      for (const a of aliases) if (a !== key && !entry[1].includes(a)) entry[1].push(a);
    }
  });
  return table;
}

export interface IndexFile {
  /** Path under the site root. */
  path: string;
  content: string;
}

export const metaPath = (): string => 'search/meta.js';
export const chunkPath = (n: number): string => `search/r${n}.js`;
export const shardPath = (n: number): string => `search/s${n}.js`;

/** What every query loads first: the kinds and where the chunks and kinds start. */
export function indexMeta(index: SearchIndex): IndexMeta {
  return {
    kinds: index.kinds.map((k) => [k.heading, k.titleSearched ? 1 : 0]),
    chunks: index.chunks,
    kindStarts: index.kindStarts,
  };
}

export const namesPath = (n: number): string => `search/n${n}.js`;

/** The names table cut by shardOf(name): part n holds the names that hash to n. */
export function nameShards(index: SearchIndex): NameTable[] {
  const parts: NameTable[] = Array.from({ length: index.nameParts }, () => ({}));
  for (const [name, entry] of Object.entries(index.names)) parts[shardOf(name, index.nameParts)]![name] = entry;
  return parts;
}

/** The index as classic scripts: the meta file, the record chunks, the shards and the name parts (empty ones too, so none 404s). */
export function indexFiles(index: SearchIndex): IndexFile[] {
  return [
    { path: metaPath(), content: `${META_CALLBACK}(${JSON.stringify(indexMeta(index))});\n` },
    ...index.chunks.map((start, n) => ({
      path: chunkPath(n),
      content: `${CHUNK_CALLBACK}(${start},${JSON.stringify(index.records.slice(start, index.chunks[n + 1] ?? index.records.length))});\n`,
    })),
    ...index.shards.map((shard, n) => ({
      path: shardPath(n),
      content: `${SHARD_CALLBACK}(${n},${JSON.stringify(encodeShard(shard))});\n`,
    })),
    ...nameShards(index).map((names, n) => ({ path: namesPath(n), content: `${NAMES_CALLBACK}(${n},${JSON.stringify(names)});\n` })),
  ];
}

/** An ascending list as the gaps between its ids (the first id as is): small numbers compress better. */
export function deltas(ids: readonly number[]): number[] {
  return ids.map((id, i) => (i ? id - ids[i - 1]! : id));
}

/** A shard as its file holds it: every posting list delta-encoded (decodePostings reverses it). */
export function encodeShard(shard: Record<string, number[]>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const g in shard) out[g] = deltas(shard[g]!);
  return out;
}

/** A short hash of the index files: appended to their URLs so that a new deploy is never mixed with a cached old shard. */
export function indexVersion(files: readonly IndexFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.content).update('\0');
  return hash.digest('hex').slice(0, 10);
}
