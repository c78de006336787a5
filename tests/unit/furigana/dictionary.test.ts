// The tokenizer's dictionary read into less memory (src/lib/furigana/dictionary.ts): without its
// padding, the target map in typed arrays; the same tokens.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TokenizerBuilder } from '@patdx/kuromoji';
import NodeDictionaryLoader from '@patdx/kuromoji/node';
import {
  CompactDictionaryLoader,
  KEPT_ZEROS,
  PADDED_FILES,
  paddedLength,
  readTargetMap,
  targetMapView,
} from '../../../src/lib/furigana/dictionary.ts';
import { buildTokenizer } from '../../../src/lib/furigana/annotate.ts';
import { withFastPrefixSearch } from '../../../src/lib/furigana/prefix-search.ts';

const dir = join(dirname(createRequire(import.meta.url).resolve('@patdx/kuromoji')), '..', 'dict');

/** kuromoji as the package builds it, built once for this file (about a second; no test changes it). */
let pristine: ReturnType<TokenizerBuilder['build']> | undefined;
const kuromoji = () => (pristine ??= new TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path: dir }) }).build());

describe('paddedLength', () => {
  it('keeps the data and KEPT_ZEROS zeros or more after it, rounded up to eight bytes', () => {
    const bytes = new Uint8Array(1000);
    bytes[99] = 7;
    const length = paddedLength(bytes);
    expect(length % 8).toBe(0);
    expect(length).toBeGreaterThanOrEqual(100 + KEPT_ZEROS);
    expect(length).toBeLessThan(100 + KEPT_ZEROS + 8);
  });
  it('never lengthens a file: one without padding, or one too short for the zeros, stays as it is', () => {
    expect(paddedLength(new Uint8Array([1, 2, 3]))).toBe(3);
    const full = new Uint8Array(40).fill(1);
    expect(paddedLength(full)).toBe(40);
    expect(paddedLength(new Uint8Array(10))).toBe(10);
  });
});

/** A target map's bytes as kuromoji writes them: a count, then key, size, values; then `zeros` zero bytes. */
function targetMapBytes(records: Array<[number, number[]]>, zeros = 0): Uint8Array {
  const ints = [records.length, ...records.flatMap(([key, values]) => [key, values.length, ...values])];
  const bytes = new Uint8Array(ints.length * 4 + zeros);
  const view = new DataView(bytes.buffer);
  ints.forEach((n, i) => view.setInt32(i * 4, n, true));
  return bytes;
}

describe('the target map', () => {
  it('gives each key its values, in order, those of a key met twice together, and nothing for a key without any', () => {
    const map = targetMapView(
      readTargetMap(
        targetMapBytes(
          [
            [3, [30, 31]],
            [0, [7]],
            [3, [32]],
            [5, []],
            [1, [-2]],
          ],
          40,
        ),
      ),
    );
    expect([...map[3]!]).toEqual([30, 31, 32]);
    expect([...map[0]!]).toEqual([7]);
    expect([...map[1]!]).toEqual([-2]);
    for (const key of [2, 4, 5, 6, -1, 1.5]) expect(map[key], String(key)).toBeUndefined();
    expect((map as Record<string, unknown>)['length']).toBeUndefined();
  });
  it('reads a last record cut short as kuromoji does: the missing integers are 0', () => {
    const bytes = targetMapBytes([[2, [9, 8, 7]]]).slice(0, 4 + 8 + 4);
    expect([...targetMapView(readTargetMap(bytes))[2]!]).toEqual([9, 0, 0]);
  });
  it('is empty for a map without records', () => {
    expect(targetMapView(readTargetMap(targetMapBytes([], 16)))[0]).toBeUndefined();
  });
  it('holds, for every key kuromoji looks up, what kuromoji’s own reader makes of the same bytes', async () => {
    const theirs = await kuromoji();
    type Dictionary = { loadTargetMap(bytes: Uint8Array): Dictionary; target_map: Record<number, number[] | undefined> };
    const TokenInfo = (theirs as unknown as { token_info_dictionary: object }).token_info_dictionary.constructor as new () => Dictionary;
    // Records with repeated keys, without values, with a negative key; zeros after them, or a tail cut short.
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const records: Array<[number, number[]]> = Array.from({ length: 300 }, () => [
      random(60) - 2,
      Array.from({ length: random(5) }, () => random(1000) - 10),
    ]);
    for (const bytes of [targetMapBytes(records, 24), targetMapBytes(records).slice(0, -6)]) {
      const kuromoji = new TokenInfo().loadTargetMap(bytes).target_map;
      const ours = targetMapView(readTargetMap(bytes));
      for (let key = 0; key < 70; key++) {
        const entries = ours[key];
        expect(entries && [...entries], String(key)).toEqual(kuromoji[key]);
      }
    }
  });
  it('answers only for keys a plain object would hold', () => {
    const map = targetMapView(
      readTargetMap(
        targetMapBytes([
          [0, [5]],
          [1, [6]],
        ]),
      ),
    );
    expect([...map[1]!]).toEqual([6]);
    const keys = map as Record<string, unknown>;
    for (const key of ['01', '1e0', ' 1', '0x1', '', '-0', '1.0']) expect(keys[key], JSON.stringify(key)).toBeUndefined();
  });
});

describe('the compact dictionary', () => {
  it('leaves out about a third of the bytes, from the byte-read files and the target map only', async () => {
    const trimmed = new CompactDictionaryLoader(dir);
    const whole = new NodeDictionaryLoader({ dic_path: dir });
    let before = 0;
    let after = 0;
    for (const file of readdirSync(dir)) {
      const [a, b] = [(await whole.loadArrayBuffer(file)).byteLength, (await trimmed.loadArrayBuffer(file)).byteLength];
      before += a;
      after += b;
      if (!PADDED_FILES.has(file) && file !== 'tid_map.dat.gz') expect(b, file).toBe(a);
    }
    expect(before - after).toBeGreaterThan(35e6);
  });

  it('gives the same tokens, features and all, as the package’s own loader, over the real documents', async () => {
    const text = readdirSync('content/documents')
      .map((f) => readFileSync(`content/documents/${f}`, 'utf8'))
      .join('\n');
    // Words the real text lacks too: unknown words (the unknown dictionary) and rare forms.
    const extra = 'ゼレンスキィ氏はﾃｽﾄでＡＢＣを𠮷野家で食べた。カロリナ・ガルシアは昨日、ㇰㇱ語を話した。';
    const ours = await buildTokenizer();
    const theirs = await kuromoji();
    // Ours reads the compact map (no keys of its own), theirs a map of 325,871 keys.
    const mapOf = (t: unknown) => (t as { token_info_dictionary: { target_map: object } }).token_info_dictionary.target_map;
    expect(Object.keys(mapOf(ours))).toEqual([]);
    expect(Object.keys(mapOf(theirs)).length).toBeGreaterThan(300_000);
    // The text again at the end: every word's features then come from ours' cache of them.
    for (const sample of [text, extra, text]) expect(ours.tokenize(sample)).toEqual(theirs.tokenize(sample));
  }, 60_000);
});

describe('the prefix search', () => {
  type Trie = Parameters<typeof withFastPrefixSearch>[0];
  const searches = async () => {
    const theirs = await kuromoji();
    const trie = (theirs as unknown as { viterbi_builder: { trie: Trie } }).viterbi_builder.trie;
    const own = trie.commonPrefixSearch.bind(trie);
    // The trie the fast search is given: kuromoji's, with its own search counted when called.
    let fallbacks = 0;
    const counted = Object.assign(Object.create(trie) as Trie, {
      commonPrefixSearch: (key: string) => {
        fallbacks++;
        return own(key);
      },
    });
    return { own, fast: withFastPrefixSearch(counted).commonPrefixSearch, fallbacks: () => fallbacks };
  };

  it('finds the words kuromoji’s own search finds, at every position of a text, without falling back to it', async () => {
    const { own, fast, fallbacks } = await searches();
    const text = `${readFileSync('content/documents/analysis.mdx', 'utf8').slice(0, 3000)}𠮷野家🇺🇦ｶﾀｶﾅ、Ａｂｃ123。`;
    let words = 0;
    // At every character, as kuromoji asks (by code point: never from inside a surrogate pair).
    const characters = [...text];
    for (let i = 0; i < characters.length; i++) {
      const rest = characters.slice(i).join('');
      const found = fast(rest);
      words += found.length;
      expect(found, `at ${i}`).toEqual(own(rest));
    }
    expect(words).toBeGreaterThan(1000);
    expect(fallbacks()).toBe(0);
  });

  it('treats a lone surrogate it reaches as kuromoji’s does: a high one fails, a low one is looked up', async () => {
    const { own, fast, fallbacks } = await searches();
    expect(() => own('\ud800x')).toThrow();
    expect(() => fast('\ud800x')).toThrow();
    expect(fast('日\udc00本')).toEqual(own('日\udc00本'));
    expect(fast('日\udc00本').length).toBeGreaterThan(0);
    expect(fallbacks()).toBe(3);
  });

  it('leaves the tokenizer failing, as it did, on a text with a lone high surrogate after the words', async () => {
    const ours = await buildTokenizer();
    const theirs = await kuromoji();
    expect(() => theirs.tokenize('日本語\ud800')).toThrow(TypeError);
    expect(() => ours.tokenize('日本語\ud800')).toThrow(TypeError);
    expect(ours.tokenize('日本語')).toEqual(theirs.tokenize('日本語'));
  });
});
