// Furigana: grade table, okurigana alignment, names and glossary, unknown proper nouns, the rehype plugin.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { kyoikuByGrade, joyoKanji, gradeOf } from '../../../src/lib/furigana/kanji-grades.ts';
import {
  actorNames,
  alignReading,
  annotatorWith,
  buildTokenizer,
  unknownProperNouns,
  readingsOf,
  type Annotator,
  type Segment,
} from '../../../src/lib/furigana/annotate.ts';
import { rehypeFurigana } from '../../../src/lib/furigana/rehype-furigana.ts';
import { readingsSchema } from '../../../src/lib/furigana/schema.ts';

const actors = parse(readFileSync('content/actors.yaml', 'utf8')) as { name: string; reading: string; type: string }[];
const glossary = readingsSchema.parse(parse(readFileSync('content/readings.yaml', 'utf8')));
let tokenizer: Awaited<ReturnType<typeof buildTokenizer>>;
let annotator: Annotator;

beforeAll(async () => {
  const t0 = performance.now();
  tokenizer = await buildTokenizer();
  console.log(`furigana: tokenizer (@patdx/kuromoji, IPADIC) built in ${Math.round(performance.now() - t0)} ms`);
  annotator = annotatorWith(tokenizer, { names: actorNames(actors), glossary });
}, 60_000);

const show = (segments: Segment[]): string => segments.map((s) => ('text' in s ? s.text : `${s.base}(${s.reading})`)).join('');

describe('grade table (2020 学年別漢字配当表, 常用漢字表)', () => {
  it('has 80, 160, 200, 202, 193, 191 = 1026 kanji in grades 1–6, each once', () => {
    expect([1, 2, 3, 4, 5, 6].map((g) => kyoikuByGrade.get(g as 1)?.length)).toEqual([80, 160, 200, 202, 193, 191]);
    const all = [...kyoikuByGrade.values()].flat();
    expect(new Set(all).size).toBe(1026);
  });
  it('has the 2136 jōyō kanji, which include every kyōiku kanji', () => {
    expect(joyoKanji.size).toBe(2136);
    for (const c of [...kyoikuByGrade.values()].flat()) expect(joyoKanji.has(c)).toBe(true);
  });
  it('grades a word by its hardest kanji: 7 other jōyō, 8 outside the list', () => {
    expect(gradeOf('一')).toBe(1);
    expect(gradeOf('茨城')).toBe(4); // prefecture kanji, grade 4 since 2020
    expect(gradeOf('停戦')).toBe(5); // 停 moved from 4 to 5 in 2020
    expect(gradeOf('譲歩')).toBe(7);
    expect(gradeOf('鶴岡')).toBe(7);
    expect(gradeOf('圭')).toBe(8);
  });
});

describe('okurigana stay outside the ruby', () => {
  it.each([
    ['述べ', '述(の)べ'],
    ['協議を行った', '協議(きょうぎ)を行(おこな)った'],
    ['受け入れ', '受(う)け入(い)れ'],
    ['取り決め', '取(と)り決(き)め'],
    ['黒海', '黒海(こっかい)'],
  ])('%s → %s', (text, expected) => {
    expect(show(annotator.annotate(text))).toBe(expected);
  });
  it('aligns a reading to kanji runs, and puts the whole reading on the kanji part when it cannot', () => {
    expect(show(alignReading('引き継ぎ', 'ひきつぎ'))).toBe('引(ひ)き継(つ)ぎ');
    // The kana of the surface (る) is not in the reading: one ruby over the kanji part.
    expect(show(alignReading('見る', 'みた'))).toBe('見る(みた)');
    expect(show(alignReading('お茶会', 'おちゃかい'))).toBe('お茶会(ちゃかい)');
    expect(show(alignReading('お茶', 'ごちゃ'))).toBe('お茶(ごちゃ)');
  });
});

describe('names and glossary win over the tokenizer', () => {
  it('reads actors from their reading, split into family and given name, grade 8', () => {
    expect(annotator.annotate('鶴岡路人氏')).toEqual([
      { base: '鶴岡', reading: 'つるおか', grade: 8 },
      { base: '路人', reading: 'みちと', grade: 8 },
      { base: '氏', reading: 'し', grade: 4 },
    ]);
    expect(show(annotator.annotate('中根圭一'))).toBe('中根(なかね)圭一(けいいち)');
  });
  it("reads IPADIC's guess without the actors", () => {
    const bare = annotatorWith(tokenizer);
    expect(show(bare.annotate('鶴岡路人'))).not.toBe('鶴岡(つるおか)路人(みちと)');
  });
  it('uses the glossary, longest match first, over names and tokenizer', () => {
    expect(show(annotator.annotate('トランプ米大統領'))).toBe('トランプ米大統領(べいだいとうりょう)');
    const a = annotatorWith(tokenizer, {
      names: [{ word: '米国', reading: 'べいこく' }],
      glossary: [
        { word: '米国', reading: 'あめりか' },
        { word: '米国議会', reading: 'べいこくぎかい' },
        { word: '行った', reading: 'いった' },
      ],
    });
    expect(show(a.annotate('米国議会と米国に行った'))).toBe('米国議会(べいこくぎかい)と米国(あめりか)に行(い)った');
  });
  it('keeps katakana names without ruby', () => {
    expect(annotator.annotate('ゼレンスキー大統領').filter((s) => 'base' in s)).toEqual([
      { base: '大統領', reading: 'だいとうりょう', grade: 5 },
    ]);
  });
});

describe('unknown proper nouns', () => {
  it('lists proper nouns that neither the glossary nor the actors cover, once each', () => {
    const texts = ['鶴岡路人氏は黒海と青森県を訪れた。', '青森で大阪の人に会った。'];
    expect(unknownProperNouns(annotator, texts).map((p) => p.word)).toEqual(['青森', '大阪']);
  });
  it('are gathered while the readings are set, as the build does, with the same result', () => {
    const texts = ['鶴岡路人氏は黒海と青森県を訪れた。', '青森で大阪の人に会った。'];
    const found = new Set<string>();
    for (const text of texts) annotator.annotate(text, found);
    expect(readingsOf(annotator, found)).toEqual(unknownProperNouns(annotator, texts));
    expect(readingsOf(annotator, ['青森'])).toEqual([{ word: '青森', reading: 'あおもり' }]);
  });
  it('is empty for the real texts once glossary and actors cover them', () => {
    const unknown = unknownProperNouns(annotator, documentBodies().flat());
    console.log('furigana: unknown proper nouns in the documents:', JSON.stringify(unknown));
    expect(unknown).toEqual([]);
  });
});

// ── the rehype plugin ───────────────────────────────────────────────────────

const el = (tagName: string, properties: Element['properties'], children: Element['children']): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const tx = (value: string) => ({ type: 'text' as const, value });

function run(tree: Root): Root {
  rehypeFurigana({ annotator })(tree);
  return tree;
}

/** The text of a tree without rt and rp. */
function plainText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && (node.tagName === 'rt' || node.tagName === 'rp')) return '';
  if ('children' in node) return node.children.map(plainText).join('');
  return '';
}

function documentBodies(): string[][] {
  return readdirSync('content/documents')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const body = readFileSync(`content/documents/${f}`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      return body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean);
    });
}

describe('rehypeFurigana', () => {
  it('replaces annotated words with ruby, keeps links and mentions, skips code', () => {
    const tree: Root = {
      type: 'root',
      children: [
        el('p', {}, [
          el('a', { className: ['mention'], href: 'a.html' }, [tx('鶴岡路人')]),
          tx('氏は述べた。'),
          el('code', {}, [tx('述べ')]),
        ]),
      ],
    };
    expect(toHtml(run(tree))).toBe(
      '<p><a class="mention" href="a.html"><ruby data-grade="8">鶴岡<rt>つるおか</rt></ruby>' +
        '<ruby data-grade="8">路人<rt>みちと</rt></ruby></a>' +
        '<ruby data-grade="4">氏<rt>し</rt></ruby>は' +
        '<ruby data-grade="5">述<rt>の</rt></ruby>べた。<code>述べ</code></p>',
    );
  });
  it('is idempotent', () => {
    const tree: Root = { type: 'root', children: [el('p', {}, [tx('米国は直ちに停戦を受け入れ、3日に協議を行った。')])] };
    const once = toHtml(run(tree));
    expect(toHtml(run(tree))).toBe(once);
    expect(once).toContain('<ruby data-grade="1">3日<rt>みっか</rt></ruby>');
  });
  it('leaves the text of the real documents unchanged once rt and rp are removed', () => {
    const t0 = performance.now();
    let rubies = 0;
    for (const paragraphs of documentBodies()) {
      for (const p of paragraphs) {
        const tree = run({ type: 'root', children: [el('p', {}, [tx(p)])] });
        expect(plainText(tree)).toBe(p);
        rubies += (toHtml(tree).match(/<ruby/g) ?? []).length;
      }
    }
    console.log(`furigana: annotated the three documents in ${Math.round(performance.now() - t0)} ms (${rubies} ruby)`);
    expect(rubies).toBeGreaterThan(300);
  });
});
