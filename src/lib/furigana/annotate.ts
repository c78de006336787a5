// Build-time readings (furigana) for plain text.
//
// Readings come, in this order of precedence, from
//   1. the editorial glossary (content/readings.yaml), longest word first,
//   2. the names of the actors (content/actors.yaml: `name` + `reading`),
//   3. the IPADIC dictionary through the kuromoji tokenizer (@patdx/kuromoji).
// IPADIC reads common words well but guesses people's names, so names only ever come from 1 and 2,
// and `unknownProperNouns` lists every proper noun that the tokenizer had to read for an editor to check.
//
// The tokenizer takes about a second to build, so it is built once, asynchronously
// (`await createAnnotator(...)`), and the annotator is then used synchronously (rehype plugin).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TokenizerBuilder, type IpadicFeatures } from '@patdx/kuromoji';
import { gradeOf, KANJI, type Grade } from './kanji-grades.ts';
import { CompactDictionaryLoader } from './dictionary.ts';
import { withFastPrefixSearch } from './prefix-search.ts';

export type Segment = { text: string } | { base: string; reading: string; grade: Grade };

export interface NameReading {
  /** The name as written (e.g. 鶴岡路人). */
  word: string;
  /** Its reading; a space separates family and given name (つるおか みちと). Katakana is allowed. */
  reading: string;
  /** A person's name: its ruby gets grade 8, shown by default. */
  person?: boolean;
}

export interface AnnotatorOptions {
  /** Readings of names, e.g. from the actors (`actorNames(actors)`). */
  names?: readonly NameReading[];
  /** The editorial glossary (content/readings.yaml); wins over names and the tokenizer. */
  glossary?: readonly { word: string; reading: string; name?: boolean }[];
}

export interface Annotator {
  /**
   * The text as segments; joining every `text` and `base` gives the text back exactly. With
   * `properNouns`, the proper nouns with kanji that the tokenizer read are added to it on the way
   * (what `properNouns` gives, without tokenizing the text a second time).
   */
  annotate(text: string, properNouns?: Set<string>): Segment[];
  /** Proper nouns with kanji that the tokenizer read (not covered by the glossary or the names), in order, once each. */
  properNouns(text: string): string[];
}

type Tokenizer = { tokenize(text: string): IpadicFeatures[] };

let tokenizer: Promise<Tokenizer> | undefined;

/** The kuromoji tokenizer with IPADIC, built once per process from the package's own dict folder (into less memory, dictionary.ts; with a quicker lookup, prefix-search.ts). */
export function buildTokenizer(): Promise<Tokenizer> {
  if (!tokenizer) {
    // A file-system path (never a URL): the package's entry is build/index.mjs, the dictionary is dict/.
    const entry = createRequire(import.meta.url).resolve('@patdx/kuromoji');
    const dic_path = join(dirname(entry), '..', 'dict');
    const loader = new CompactDictionaryLoader(dic_path);
    tokenizer = new TokenizerBuilder({ loader }).build().then((built) => {
      withFastPrefixSearch(built.viterbi_builder.trie);
      return loader.install(built);
    });
  }
  return tokenizer;
}

/** Builds the tokenizer (once) and returns an annotator with the given names and glossary. */
export async function createAnnotator(options: AnnotatorOptions = {}): Promise<Annotator> {
  return annotatorWith(await buildTokenizer(), options);
}

/** Readings of the actors whose name contains a kanji (katakana names need no ruby). */
export function actorNames(actors: readonly { name: string; reading: string; type: string }[]): NameReading[] {
  return actors.filter((a) => KANJI.test(a.name)).map((a) => ({ word: a.name, reading: a.reading, person: a.type === 'person' }));
}

// ── kana helpers ────────────────────────────────────────────────────────────

/** Katakana → hiragana (ー and other characters unchanged). */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const isKanjiChar = (c: string): boolean => KANJI.test(c) || c === '々' || c === '〆';

/** Runs of kanji and of other characters: 受け入れ → [受][け][入][れ]. */
function runs(surface: string): { kanji: boolean; text: string }[] {
  const out: { kanji: boolean; text: string }[] = [];
  for (const c of surface) {
    const kanji = isKanjiChar(c);
    const last = out.at(-1);
    if (last && last.kanji === kanji) last.text += c;
    else out.push({ kanji, text: c });
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Aligns a reading (hiragana) to the kanji runs of a surface, so that ruby never covers okurigana:
 * 述べ/のべ → 述(の)べ, 受け入れ/うけいれ → 受(う)け入(い)れ. When the kana of the surface cannot be
 * found in the reading, the whole reading goes on the whole kanji part (from the first kanji to the last).
 */
export function alignReading(surface: string, reading: string, grade?: Grade): Segment[] {
  const parts = runs(surface);
  if (!parts.some((p) => p.kanji)) return [{ text: surface }];
  const pattern = new RegExp('^' + parts.map((p) => (p.kanji ? '(.+?)' : escape(toHiragana(p.text)))).join('') + '$', 'u');
  const m = pattern.exec(reading);
  const out: Segment[] = [];
  if (m) {
    let g = 1;
    for (const p of parts) {
      if (p.kanji) out.push({ base: p.text, reading: m[g++] ?? '', grade: grade ?? gradeOf(p.text) });
      else out.push({ text: p.text });
    }
    return merge(out);
  }
  // Fallback: kana before the first and after the last kanji stay outside the ruby if the reading
  // starts/ends with them; everything between gets the rest of the reading.
  const first = parts.findIndex((p) => p.kanji);
  const last = parts.length - 1 - [...parts].reverse().findIndex((p) => p.kanji);
  const head = parts
    .slice(0, first)
    .map((p) => p.text)
    .join('');
  const tail = parts
    .slice(last + 1)
    .map((p) => p.text)
    .join('');
  const middle = parts
    .slice(first, last + 1)
    .map((p) => p.text)
    .join('');
  let r = reading;
  const h = head;
  const t = tail;
  if (h && r.startsWith(toHiragana(h))) r = r.slice(h.length);
  else if (h) return [{ base: surface, reading, grade: grade ?? gradeOf(surface) }];
  if (t && r.endsWith(toHiragana(t))) r = r.slice(0, r.length - t.length);
  else if (t) return [{ text: h }, { base: middle + t, reading: r, grade: grade ?? gradeOf(middle) }].filter(nonEmpty);
  return [{ text: h }, { base: middle, reading: r, grade: grade ?? gradeOf(middle) }, { text: t }].filter(nonEmpty);
}

const nonEmpty = (s: Segment): boolean => ('text' in s ? s.text !== '' : s.base !== '');

/** Joins adjacent plain-text segments and drops empty ones. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (!nonEmpty(s)) continue;
    const last = out.at(-1);
    if ('text' in s && last && 'text' in last) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

// ── numbers before 日 ───────────────────────────────────────────────────────

/** Day counts whose 日 is not read にち after the number (IPADIC reads 3日 as 3 + ニチ). */
const SPECIAL_DAYS: Record<string, string> = {
  '2': 'ふつか',
  '3': 'みっか',
  '4': 'よっか',
  '5': 'いつか',
  '6': 'むいか',
  '7': 'なのか',
  '8': 'ようか',
  '9': 'ここのか',
  '10': 'とおか',
  '14': 'じゅうよっか',
  '20': 'はつか',
  '24': 'にじゅうよっか',
};

// ── the annotator ───────────────────────────────────────────────────────────

interface Entry {
  word: string;
  reading: string;
  person: boolean;
}

/** An annotator over an already built tokenizer (tests and the build share one tokenizer). */
export function annotatorWith(tok: Tokenizer, options: AnnotatorOptions = {}): Annotator {
  const entries = new Map<string, Entry>();
  // Names first, then the glossary over them: the glossary wins for the same word.
  for (const n of options.names ?? []) entries.set(n.word, { word: n.word, reading: n.reading, person: n.person ?? false });
  for (const g of options.glossary ?? []) entries.set(g.word, { word: g.word, reading: g.reading, person: g.name ?? false });
  // Longest first, so 米国議会 wins over 米国.
  const words = [...entries.keys()].filter((w) => KANJI.test(w)).sort((a, b) => b.length - a.length);
  const matcher = words.length > 0 ? new RegExp(words.map(escape).join('|'), 'gu') : undefined;

  const entrySegments = (entry: Entry): Segment[] => {
    const grade: Grade | undefined = entry.person ? 8 : undefined;
    const reading = toHiragana(entry.reading);
    const spaced = reading.split(/\s+/u).filter(Boolean);
    if (spaced.length === 2 && entry.person) {
      const split = splitName(entry.word, spaced[0] ?? '', spaced[1] ?? '');
      if (split) return split.flatMap(([w, r]) => alignReading(w, r, 8));
    }
    return alignReading(entry.word, spaced.join(''), grade);
  };

  /** Splits a name at the token boundary where the tokenizer's reading of the part before is the family reading. */
  const splitName = (word: string, family: string, given: string): [string, string][] | undefined => {
    const tokens = tok.tokenize(word);
    let at = 0;
    let read = '';
    for (const t of tokens.slice(0, -1)) {
      at += t.surface_form.length;
      read += toHiragana(t.reading ?? t.surface_form);
      if (read === family)
        return [
          [word.slice(0, at), family],
          [word.slice(at), given],
        ];
    }
    return undefined;
  };

  /** Dictionary hits and the gaps between them. */
  const pieces = (text: string): ({ gap: string } | { entry: Entry; text: string })[] => {
    const out: ({ gap: string } | { entry: Entry; text: string })[] = [];
    let at = 0;
    if (matcher) {
      for (const m of text.matchAll(matcher)) {
        const entry = entries.get(m[0]);
        if (!entry) continue;
        if (m.index > at) out.push({ gap: text.slice(at, m.index) });
        out.push({ entry, text: m[0] });
        at = m.index + m[0].length;
      }
    }
    if (at < text.length) out.push({ gap: text.slice(at) });
    return out;
  };

  const tokenSegments = (gap: string, found?: Set<string>): Segment[] => {
    if (!KANJI.test(gap)) return [{ text: gap }];
    const tokens = tok.tokenize(gap);
    const out: Segment[] = [];
    for (const [i, t] of tokens.entries()) {
      const surface = t.surface_form;
      if (found && t.pos === '名詞' && t.pos_detail_1 === '固有名詞' && KANJI.test(surface)) found.add(surface);
      const prev = tokens[i - 1];
      const special = surface === '日' && prev && SPECIAL_DAYS[prev.surface_form];
      if (special && prev) {
        // 3日 → one ruby over the number and 日 (みっか); 1日 (ついたち or いちにち) gets none.
        const last = out.at(-1);
        if (last && 'text' in last && last.text.endsWith(prev.surface_form)) {
          last.text = last.text.slice(0, -prev.surface_form.length);
          out.push({ base: prev.surface_form + surface, reading: special, grade: gradeOf(surface) });
          continue;
        }
      }
      if (surface === '日' && prev?.surface_form === '1') {
        out.push({ text: surface });
        continue;
      }
      if (!KANJI.test(surface) || !t.reading || t.reading === '*') {
        out.push({ text: surface });
        continue;
      }
      out.push(...alignReading(surface, toHiragana(t.reading)));
    }
    return out;
  };

  return {
    annotate(text, found) {
      const out: Segment[] = [];
      for (const p of pieces(text)) out.push(...('gap' in p ? tokenSegments(p.gap, found) : entrySegments(p.entry)));
      return merge(out);
    },
    properNouns(text) {
      const found: string[] = [];
      for (const p of pieces(text)) {
        if (!('gap' in p) || !KANJI.test(p.gap)) continue;
        for (const t of tok.tokenize(p.gap)) {
          if (t.pos === '名詞' && t.pos_detail_1 === '固有名詞' && KANJI.test(t.surface_form) && !found.includes(t.surface_form)) {
            found.push(t.surface_form);
          }
        }
      }
      return found;
    },
  };
}

/**
 * Every proper noun (IPADIC 名詞/固有名詞, with a kanji) of the texts that neither the glossary nor the
 * actors cover, with the tokenizer's reading, once each, for an editor to check (a build warning).
 */
export function unknownProperNouns(annotator: Annotator, texts: readonly string[]): { word: string; reading: string }[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of annotator.properNouns(text)) words.add(word);
  return readingsOf(annotator, words);
}

/** Each word with the reading the annotator gives it (for the build log's list of readings to check). */
export function readingsOf(annotator: Annotator, words: Iterable<string>): { word: string; reading: string }[] {
  return [...words].map((word) => ({
    word,
    reading: annotator
      .annotate(word)
      .map((s) => ('text' in s ? toHiragana(s.text) : s.reading))
      .join(''),
  }));
}
