// The IPADIC files of @patdx/kuromoji, read into less memory than its own loader takes.
//
// The tokenizer lives as long as the thread that compiles the bodies (a build's worker thread, for
// the whole content load), and as kuromoji reads it, it held 99 MB of buffers and 65 MB of heap:
// - Padding. kuromoji saved each dictionary from a growable byte buffer without shrinking it:
//   unk.dat and unk_pos.dat hold 10 MiB each for 0.4 and 1.6 KB of data, tid.dat 10 MiB for
//   3.9 MB, tid_pos.dat 40 MiB for 36 MB. The files read byte by byte (kuromoji's ByteBuffer,
//   which reads 0 past the end) are trimmed here: 35 MB. The others stay as they are: the trie
//   and the connection costs are typed arrays of a fixed size, and unk_invoke.dat is read to its
//   very end (InvokeDefinitionMap.load), so its padding is part of what kuromoji makes of it.
// - The target map (tid_map.dat: which token entries each word of the trie has) became a JS
//   object of 325,871 arrays, 65 MB of heap. Here it is two Int32Arrays (3 MB), and kuromoji
//   reads it through a Proxy that gives each word's entries as a view.
// kuromoji is pinned (package.json) because this reaches into its dictionary's fields; the tests
// check the target map against kuromoji's own reader and the tokens against the package's loader.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback } from 'node:zlib';

const gunzip = promisify(gunzipCallback);

/**
 * The files kuromoji reads byte by byte where a reader past their data only ever meets zeros.
 * Not unk_invoke.dat: its reader loops to the end of the buffer and makes an entry of every zero.
 */
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
  /** Calls `each` with every record's key, the place of its first value and its number of values. */
  const records = (each: (key: number, start: number, size: number) => void) => {
    for (let at = 4; at + 1 <= bytes.length;) {
      const key = intAt(at);
      const size = intAt(at + 4);
      // A negative key is never looked up (the trie's ids start at 0): its values are left out.
      if (size > 0 && key >= 0) each(key, at + 8, size);
      at += 8 + 4 * Math.max(size, 0);
    }
  };
  // Two passes over the bytes, counting then filling, rather than a list of 325,871 records.
  let max = -1;
  records((key) => void (max = Math.max(max, key)));
  const offsets = new Int32Array(max + 2);
  records((key, _, size) => void (offsets[key + 1]! += size));
  for (let k = 1; k < offsets.length; k++) offsets[k]! += offsets[k - 1]!;
  const values = new Int32Array(offsets[max + 1]!);
  const next = offsets.slice(0, max + 1);
  records((key, start, size) => {
    for (let i = 0; i < size; i++) values[next[key]!++] = intAt(start + 4 * i);
  });
  return { offsets, values };
}

/** The target map as kuromoji reads it, `map[key]`: the key's entries, or undefined when it has none. */
export function targetMapView({ offsets, values }: TargetMap): Record<number, Int32Array | undefined> {
  const keys = offsets.length - 1;
  return new Proxy({} as Record<number, Int32Array | undefined>, {
    get(_, property) {
      if (typeof property !== 'string') return undefined;
      const key = Number(property);
      // Only what a plain object would hold as that key: "1", not "01", "1e0" or "".
      if (String(key) !== property || !Number.isInteger(key) || key < 0 || key >= keys || offsets[key] === offsets[key + 1])
        return undefined;
      return values.subarray(offsets[key], offsets[key + 1]);
    },
  });
}

/** What install() needs of kuromoji's tokenizer: its dictionary of known words. */
interface WithTokenInfo {
  token_info_dictionary: { target_map: unknown; getFeatures?: (id: string) => string };
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
    // kuromoji decodes a word's features (part of speech, reading…) from the dictionary's bytes for
    // every token it gives; the same few thousand words recur, so each is decoded once. Tokenizing
    // 2,568 lines of 200 generated documents: 487–598 ms with this, 603–754 without (one process).
    const decode = dictionary.getFeatures?.bind(dictionary);
    if (!decode)
      throw new Error('the tokenizer has no token_info_dictionary.getFeatures: @patdx/kuromoji changed (src/lib/furigana/dictionary.ts)');
    const features = new Map<string, string>();
    dictionary.getFeatures = (id) => {
      let known = features.get(id);
      if (known === undefined) features.set(id, (known = decode(id)));
      return known;
    };
    return tokenizer;
  }
}
