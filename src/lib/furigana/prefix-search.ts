// The dictionary lookup of kuromoji's tokenizer, without its allocations.
//
// For every position of a sentence kuromoji asks its trie for the words that start there
// (DoubleArray.commonPrefixSearch), and the trie, a double array over UTF-8 bytes, encodes the
// whole rest of the sentence into a new buffer for it, then decodes a new copy of the bytes for
// every word it finds. Compiling 300 generated bodies, that was 1.9 s of the 5 s the tokenizer took
// (encoding, copying, decoding), besides the collections of that garbage. This search walks the
// same trie one character at a time, stops where kuromoji stops, and takes each word as a slice
// of the text, which is what decoding its bytes gave. What it does not expect on its way (a lone
// surrogate, a word ending inside a character) it leaves to kuromoji's own search. One difference
// remains, on purpose: kuromoji's search fails on a lone high surrogate anywhere in the rest of the
// sentence, this one only when its walk reaches it; the tokenizer still fails on such a text, when
// it looks up the words at that character. The tests compare the words found at every position,
// and the tokens.

/** What this module uses of kuromoji's trie (DoubleArray): its base/check arrays and its own search. */
interface Trie {
  bc: { getBase(index: number): number; getCheck(index: number): number };
  commonPrefixSearch(key: string): Array<{ k: string; v?: number }>;
}

/** kuromoji's constants (DoubleArray): the root, a missing child, and the code that ends a word. */
const ROOT_ID = 0;
const TERM_CODE = 0;

/** The UTF-8 bytes of one code point into `out`; gives how many. */
function utf8(code: number, out: Uint8Array): number {
  if (code < 0x80) {
    out[0] = code;
    return 1;
  }
  if (code < 0x800) {
    out[0] = (code >>> 6) | 0xc0;
    out[1] = (code & 0x3f) | 0x80;
    return 2;
  }
  if (code < 0x10000) {
    out[0] = (code >>> 12) | 0xe0;
    out[1] = ((code >>> 6) & 0x3f) | 0x80;
    out[2] = (code & 0x3f) | 0x80;
    return 3;
  }
  out[0] = (code >>> 18) | 0xf0;
  out[1] = ((code >>> 12) & 0x3f) | 0x80;
  out[2] = ((code >>> 6) & 0x3f) | 0x80;
  out[3] = (code & 0x3f) | 0x80;
  return 4;
}

/** Gives `trie` the search described above, in place of its own (kept for what it does not expect). */
export function withFastPrefixSearch(trie: Trie): Trie {
  const own = trie.commonPrefixSearch.bind(trie);
  const { bc } = trie;
  const bytes = new Uint8Array(4);
  trie.commonPrefixSearch = (key: string) => {
    const result: Array<{ k: string; v?: number }> = [];
    let parent = ROOT_ID;
    for (let i = 0; i < key.length;) {
      let code = key.charCodeAt(i);
      let units = 1;
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = key.charCodeAt(i + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff)) return own(key);
        code = (code - 0xd800) * 0x400 + 0x10000 + (low - 0xdc00);
        units = 2;
      } else if (code >= 0xdc00 && code <= 0xdfff) return own(key);
      const count = utf8(code, bytes);
      for (let b = 0; b < count; b++) {
        const child = bc.getBase(parent) + bytes[b]!;
        if (bc.getCheck(child) !== parent) return result;
        parent = child;
        const term = bc.getBase(child) + TERM_CODE;
        if (bc.getCheck(term) === child) {
          // A word ends here: only ever after a whole character, since the words are whole text.
          if (b !== count - 1) return own(key);
          const base = bc.getBase(term);
          const word = key.slice(0, i + units);
          result.push(base <= 0 ? { v: -base - 1, k: word } : { k: word });
        }
      }
      i += units;
    }
    return result;
  };
  return trie;
}
