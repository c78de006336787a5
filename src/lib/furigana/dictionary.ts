// The IPADIC files of @patdx/kuromoji, read into less memory than its own loader takes.
//
// The tokenizer lives as long as the thread that compiles the bodies (a build's worker thread, for
// the whole content load), and as kuromoji reads it, it held 99 MB of buffers and 65 MB of heap:
// - Padding. kuromoji saved each dictionary from a growable byte buffer without shrinking it:
//   unk.dat and unk_pos.dat hold 10 MiB each for 0.4 and 1.6 KB of data, tid.dat 10 MiB for
//   3.9 MB, tid_pos.dat 40 MiB for 36 MB. The files read byte by byte (kuromoji's ByteBuffer,
//   which reads 0 past the end) are trimmed here: 35 MB. The others (the trie, the connection
//   costs, the character classes) are typed arrays of a fixed size and stay as they are.
// - The target map (tid_map.dat: which token entries each word of the trie has) became a JS
//   object of 325,871 arrays, 65 MB of heap. Here it is two Int32Arrays (3 MB), and kuromoji
//   reads it through a Proxy that gives each word's entries as a view.
// kuromoji is pinned (package.json) because this reaches into its dictionary's fields; the tests
// check that the tokens are exactly those of the package's own loader.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback } from 'node:zlib';

const gunzip = promisify(gunzipCallback);

/** The files kuromoji reads byte by byte: past their data, a reader only ever meets zeros. */
export const PADDED_FILES: ReadonlySet<string> = new Set([
  'tid.dat.gz',
  'tid_pos.dat.gz',
  'unk.dat.gz',
  'unk_pos.dat.gz',
  'unk_map.dat.gz',
]);

/** The file of the known words' target map, read by this module rather than by kuromoji. */
const TARGET_MAP_FILE = 'tid_map.dat.gz';

/**
 * How many zeros stay after the last byte that is not one: a record may end in zeros (a string's
 * terminator, a count of 0), and the target maps are read four bytes at a time up to the end, so
 * the length stays a multiple of eight with at least this many zeros after the data.
 */
export const KEPT_ZEROS = 64;

/** The length `bytes` is cut to: its data, then KEPT_ZEROS zeros or more, rounded up to 8; never more than it has. */
export function paddedLength(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return Math.min(bytes.length, Math.ceil((end + KEPT_ZEROS) / 8) * 8);
}

/** A target map in two arrays: the entries of key k are values[offsets[k]] up to values[offsets[k + 1]]. */
export interface TargetMap {
  offsets: Int32Array;
  values: Int32Array;
}

/**
 * Reads a target map as kuromoji writes it (TokenInfoDictionary.targetMapToBuffer): a count, then
 * records of a key, a number of values and the values, little-endian 32-bit integers, to the end
 * of the bytes; a key met twice gets the values of both records, in order, as kuromoji's own
 * reader gives them. Past the end of the bytes every integer reads 0, as in kuromoji.
 */
export function readTargetMap(bytes: Uint8Array): TargetMap {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const intAt = (at: number) => (at + 4 <= bytes.length ? view.getInt32(at, true) : 0);
  const records: Array<[key: number, start: number, size: number]> = [];
  let max = -1;
  for (let at = 4; at + 1 <= bytes.length;) {
    const key = intAt(at);
    const size = intAt(at + 4);
    at += 8;
    if (size > 0) {
      records.push([key, at, size]);
      if (key > max) max = key;
    }
    at += 4 * Math.max(size, 0);
  }
  const offsets = new Int32Array(max + 2);
  for (const [key, , size] of records) offsets[key + 1]! += size;
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
  const values = new Int32Array(offsets[max + 1] ?? 0);
  const filled = offsets.slice(0, max + 1);
  for (const [key, start, size] of records) for (let i = 0; i < size; i++) values[filled[key]!++] = intAt(start + 4 * i);
  return { offsets, values };
}

/** The target map as kuromoji reads it, `map[key]`: the key's entries, or undefined when it has none. */
export function targetMapView({ offsets, values }: TargetMap): Record<number, Int32Array | undefined> {
  const keys = offsets.length - 1;
  return new Proxy({} as Record<number, Int32Array | undefined>, {
    get(_, property) {
      if (typeof property !== 'string') return undefined;
      const key = Number(property);
      if (!Number.isInteger(key) || key < 0 || key >= keys || offsets[key] === offsets[key + 1]) return undefined;
      return values.subarray(offsets[key], offsets[key + 1]);
    },
  });
}

/** What install() needs of kuromoji's tokenizer: its dictionary of known words. */
interface WithTokenInfo {
  token_info_dictionary: { target_map: unknown };
}

/**
 * A dictionary loader for kuromoji's TokenizerBuilder: the files of `dir`, the padded ones
 * trimmed, and the target map kept here; `install` gives it to the built tokenizer.
 */
export class CompactDictionaryLoader {
  readonly dir: string;
  #targets: TargetMap | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  async loadArrayBuffer(file: string): Promise<ArrayBuffer> {
    const bytes = await gunzip(await readFile(join(this.dir, file)));
    if (file === TARGET_MAP_FILE) {
      this.#targets = readTargetMap(bytes);
      // What kuromoji reads of it instead: a count and nothing after it, an empty map.
      return new ArrayBuffer(4);
    }
    const length = PADDED_FILES.has(file) ? paddedLength(bytes) : bytes.length;
    // A copy of exactly that much: the buffer zlib gave may be larger, and is dropped.
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + length) as ArrayBuffer;
  }

  /** Gives the tokenizer built from this loader its target map; throws if kuromoji no longer has the field. */
  install<T>(tokenizer: T): T {
    const dictionary = (tokenizer as unknown as Partial<WithTokenInfo>).token_info_dictionary;
    if (!this.#targets || !dictionary || !('target_map' in dictionary))
      throw new Error(
        'the tokenizer has no token_info_dictionary.target_map, or its file was not loaded: @patdx/kuromoji changed (src/lib/furigana/dictionary.ts)',
      );
    dictionary.target_map = targetMapView(this.#targets);
    return tokenizer;
  }
}
