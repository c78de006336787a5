// Search: the shared normalisation, the index on a small fixture (exact hits, no false ones),
// the fallback to words, ranking and excerpts, and the index files as classic scripts.
import { describe, expect, test } from 'vitest';
import { runInNewContext } from 'node:vm';
import { normalise, foldOkurigana, okuriganaPattern } from '../../../src/lib/search/normalise.ts';
import {
  buildSearchIndex,
  indexFiles,
  shardPath,
  nameTable,
  MIN_SHARDS,
  MAX_SHARDS,
  shardCountFor,
  type KindSpec,
  type SearchRecord,
} from '../../../src/lib/search/index.ts';
import {
  searchRecords,
  searchUpTo,
  excerpt,
  neededShards,
  queryTerms,
  gramsOf,
  lookupGrams,
  shardOf,
  candidateIds,
  chunksOf,
  decodePostings,
  type QueryData,
} from '../../../src/lib/search/query.ts';
import { storyKinds, storyRecords } from '../../../src/lib/search/records.ts';
import { fixtureStory, loadStory } from '../load-content.ts';

describe('normalise', () => {
  test('folds width (NFKC)', () => {
    expect(normalise('ＩＡＥＡ')).toBe('iaea');
    expect(normalise('Ｇ７')).toBe('g7');
    expect(normalise('３０日間')).toBe('30日間');
    expect(normalise('ｾﾞﾚﾝｽｷｰ')).toBe('ぜれんすきー');
  });
  test('lower-cases', () => {
    expect(normalise('Waltz')).toBe('waltz');
    expect(normalise('IAEA')).toBe(normalise('ｉａｅａ'));
  });
  test('turns katakana into hiragana and keeps the long-vowel mark', () => {
    expect(normalise('ゼレンスキー')).toBe('ぜれんすきー');
    expect(normalise('ヴァンス・ヶ月')).toBe('ゔぁんす・ゖ月');
    expect(normalise('ぜれんすきー')).toBe('ぜれんすきー');
  });
  test('collapses white space and leaves kanji alone', () => {
    expect(normalise('米国　と\n露国')).toBe('米国 と 露国');
  });
  test('okurigana folding drops one okurigana kana between kanji, never a particle', () => {
    expect(foldOkurigana('取り決め')).toBe('取決め');
    expect(foldOkurigana('取決め')).toBe('取決め');
    expect(foldOkurigana('受け入れ')).toBe('受入れ');
    expect(foldOkurigana('日本の首相')).toBe('日本の首相');
    expect(foldOkurigana('米国が支援')).toBe('米国が支援');
  });
  test('the okurigana pattern matches every spelling in context, where greedy folding would not', () => {
    // Folding the text gives 引出成果 (す too is between kanji); the pattern still finds 引出す.
    expect(foldOkurigana('引き出す成果')).toBe('引出成果');
    expect(okuriganaPattern('引出す').test('引き出す成果')).toBe(true);
    expect(okuriganaPattern('引き出す').test('引出す')).toBe(true);
    expect(okuriganaPattern('取決め').test('取り決め')).toBe(true);
    expect(okuriganaPattern('日本首相').test('日本の首相')).toBe(false);
    // Only syntax characters are escaped: in a /u pattern \- is an error, and F-16 would throw.
    expect(okuriganaPattern('f-16').test('米国のf-16戦闘機')).toBe(true);
  });
});

const kinds: KindSpec[] = [
  { kind: 'actor', heading: '人物' },
  { kind: 'paragraph', heading: '段落' },
  { kind: 'event', heading: '出来事', titleSearched: true },
];
const records: SearchRecord[] = [
  { kind: 'paragraph', title: '記事', label: '第1段落', text: 'ＩＡＥＡの査察団がザポリージャ原発を訪れた。', url: 'articles/a.html#p1' },
  {
    kind: 'paragraph',
    title: '記事',
    label: '第2段落',
    text: 'G7首脳は停戦の取り決めを支持した。ワルツ氏も同席した。',
    url: 'articles/a.html#p2',
  },
  {
    kind: 'paragraph',
    title: '記事',
    label: '第3段落',
    text: '捕虜の交換について議論し、停戦案の取決めを急ぐ。',
    url: 'articles/a.html#p3',
  },
  { kind: 'event', title: '捕虜交換で合意', text: '両国が捕虜を交換した', url: 'timeline.html#swap' },
  {
    kind: 'actor',
    title: 'マイク・ウォルツ',
    text: 'マイク・ウォルツ、Mike Waltz、別表記 ワルツ',
    url: 'actors/waltz.html',
    names: ['マイク・ウォルツ', 'マイク', 'ウォルツ', 'Mike Waltz', 'ワルツ'],
  },
  { kind: 'actor', title: 'ワルツ協会', text: 'ワルツ協会', url: 'actors/waltz-society.html', names: ['ワルツ協会'] },
  {
    kind: 'actor',
    title: 'ウォロディミル・ゼレンスキー',
    text: 'ウォロディミル・ゼレンスキー、Volodymyr Zelensky',
    url: 'actors/zelensky.html',
    names: ['ゼレンスキー'],
  },
];

const SHARD_COUNT = MIN_SHARDS;
function queryData(input: readonly SearchRecord[]): QueryData {
  const index = buildSearchIndex(kinds, input);
  return {
    records: index.records,
    titleSearched: index.kinds.map((k) => Boolean(k.titleSearched)),
    postings: (g) => index.shards[shardOf(g, index.shardCount)]![g],
    shardCount: index.shardCount,
    kindStarts: index.kindStarts,
  };
}
/** What the client does: look the query up in the names table, then search. */
function run(q: string, input: readonly SearchRecord[]) {
  const d = queryData(input);
  const named = nameTable(
    input.filter(() => true).sort((a, b) => kinds.findIndex((k) => k.kind === a.kind) - kinds.findIndex((k) => k.kind === b.kind)),
  )[normalise(q).trim()];
  const hits = searchRecords(q, d, 3, named?.[1], named?.[0]);
  return { hits, urls: hits.map((h) => d.records[h.id]![2]), aliases: named?.[1] ?? [] };
}
const urls = (q: string) => run(q, records).urls;

describe('the index on a fixture', () => {
  test.each([
    ['IAEA', ['articles/a.html#p1']],
    ['ｉａｅａ', ['articles/a.html#p1']],
    ['g7', ['articles/a.html#p2']],
    ['Ｇ７', ['articles/a.html#p2']],
    ['ぜれんすきー', ['actors/zelensky.html']],
    ['ｾﾞﾚﾝｽｷｰ', ['actors/zelensky.html']],
    ['ざぽりーじゃ', ['articles/a.html#p1']],
    ['停戦', ['articles/a.html#p2', 'articles/a.html#p3']],
    ['停', ['articles/a.html#p2', 'articles/a.html#p3']],
    ['原発', ['articles/a.html#p1']],
    ['waltz', ['actors/waltz.html']],
    // The exact variant ranks first, then other actors, then paragraphs.
    ['ワルツ', ['actors/waltz.html', 'actors/waltz-society.html', 'articles/a.html#p2']],
    // Okurigana variants find each other.
    ['取り決め', ['articles/a.html#p2', 'articles/a.html#p3']],
    ['取決め', ['articles/a.html#p2', 'articles/a.html#p3']],
    // An exact phrase in the event title wins; the words are not needed.
    ['捕虜交換', ['timeline.html#swap']],
    // No false hits: every bigram of 原発停戦 occurs, but never as that string, and its words
    // 原発 and 停戦 never together.
    ['原発停戦', []],
    ['ゼレンスキー原発', []],
    ['存在しない言葉', []],
    // Characters that a pattern must not escape in /u mode (\- is an error there).
    ['a.b(c)', []],
    ['', []],
  ])('%s', (q, expected) => {
    expect(urls(q)).toEqual(expected);
  });

  test('without an exact match, a query falls back to its words, every word required', () => {
    expect(queryTerms('捕虜の交換').words).toEqual(['捕虜', 'の', '交換']);
    const withoutEvent = queryData(records.filter((r) => r.kind !== 'event'));
    const hits = searchRecords('捕虜交換', withoutEvent, 3);
    expect(hits.map((h) => withoutEvent.records[h.id]![2])).toEqual(['articles/a.html#p3']);
    expect(hits[0]!.terms).toEqual(['捕虜', '交換']);
    expect(searchRecords('捕虜原発', withoutEvent, 3)).toEqual([]);
  });

  test('an actor whose name or variant equals the query is marked exact', () => {
    expect(run('ワルツ', records).hits.map((h) => h.exact)).toEqual([true, false, false]);
    expect(run('ワルツ協会', records).hits.map((h) => h.exact)).toEqual([true]);
  });

  test('a query that names an actor also finds what mentions the actor under its own name', () => {
    const extra: SearchRecord[] = [
      ...records,
      { kind: 'event', title: 'ウォルツ氏が更迭', text: 'ウォルツ補佐官が退任', url: 'timeline.html#waltz' },
    ];
    const { hits, urls: found, aliases } = run('ワルツ', extra);
    expect(aliases).toEqual(['まいく・うぉるつ', 'うぉるつ']);
    expect(found).toEqual(['actors/waltz.html', 'actors/waltz-society.html', 'articles/a.html#p2', 'timeline.html#waltz']);
    expect(hits.map((h) => h.alias)).toEqual([false, false, false, true]);
    expect(run('停戦', extra).aliases).toEqual([]);
  });

  test('a query needs only the shards of a few of its bigrams', () => {
    expect(lookupGrams('あ', SHARD_COUNT, 3)).toEqual(['あ']);
    expect(gramsOf('あい う')).toEqual(['あ', 'あい', 'い', 'う']);
    const long = neededShards('ウクライナ代表団は交渉チームを指名した', SHARD_COUNT, 3);
    expect(long.length).toBeLessThanOrEqual(3 * 4);
    expect(neededShards('停戦', SHARD_COUNT, 3)).toEqual([shardOf('停戦', SHARD_COUNT)]);
  });
});

describe('excerpts', () => {
  test('mark the match in the original text, around the first hit', () => {
    expect(excerpt('ＩＡＥＡの査察団', ['iaea'], 10)).toEqual(['', 'ＩＡＥＡ', 'の査察団']);
    expect(excerpt('あいうえおかきくけこゼレンスキー氏', ['ぜれんすきー'], 3)).toEqual(['…くけこ', 'ゼレンスキー', '氏']);
    expect(excerpt('停戦の取り決め', ['取決め'], 10)).toEqual(['停戦の', '取り決め', '']);
    expect(excerpt('捕虜の交換', ['捕虜', '交換'], 10)).toEqual(['', '捕虜', 'の', '交換', '']);
  });
});

describe('index files', () => {
  test('are classic scripts that hand their data to a global', () => {
    const index = buildSearchIndex(kinds, records);
    const files = indexFiles(index);
    expect(index.shardCount).toBe(MIN_SHARDS);
    expect(files).toHaveLength(1 + index.chunks.length + MIN_SHARDS + index.nameParts);
    expect(index.nameParts).toBe(1); // a handful of names: one small file
    const got: { shards: Record<number, unknown>; records: unknown[]; meta?: object; names: Record<number, Record<string, unknown>> } = {
      shards: {},
      records: [],
      names: {},
    };
    const context = {
      __searchShard: (n: number, s: unknown) => (got.shards[n] = s),
      __searchMeta: (m: object) => (got.meta = m),
      __searchNames: (n: number, t: Record<string, unknown>) => (got.names[n] = t),
      __searchChunk: (start: number, list: unknown[]) => list.forEach((r, i) => (got.records[start + i] = r)),
    };
    for (const f of files) runInNewContext(f.content, context);
    expect(got.records).toEqual(index.records);
    // The names table travels in parts, by the same hash as the posting lists.
    expect(got.meta).not.toHaveProperty('names');
    expect(got.names[shardOf('わるつ', index.nameParts)]?.['わるつ']).toEqual([[0], ['まいく・うぉるつ', 'うぉるつ']]);
    expect(Object.keys(got.shards)).toHaveLength(MIN_SHARDS);
    // Posting lists travel as gaps between ids.
    const gram = shardOf('停戦', MIN_SHARDS);
    expect(decodePostings((got.shards[gram] as Record<string, number[]>)['停戦']!)).toEqual(index.shards[gram]!['停戦']);
    expect(files.map((f) => f.path)).toContain(shardPath(63));
  });

  test('records are cut into chunks, and a query loads only the chunks of its candidates', () => {
    const many: SearchRecord[] = Array.from({ length: 400 }, (_, i) => ({
      kind: 'paragraph',
      title: '記事',
      text: `${i === 7 || i === 308 ? '停戦' : '和平'}について、長い段落の本文がここに続く。`.repeat(12),
      url: `articles/a.html#p${i + 1}`,
    }));
    const index = buildSearchIndex(kinds, many);
    expect(index.chunks.length).toBeGreaterThan(2);
    expect(chunksOf([0, 1, 308, 399], index.chunks)).toEqual([
      ...new Set([0, chunksOf([308], index.chunks)[0]!, chunksOf([399], index.chunks)[0]!]),
    ]);
    const data: QueryData = {
      records: [],
      titleSearched: [false, false, true],
      postings: (g) => index.shards[shardOf(g, index.shardCount)]![g],
      shardCount: index.shardCount,
      kindStarts: index.kindStarts,
    };
    const ids = candidateIds('停戦', data, 3);
    expect(ids).toEqual([7, 308]);
    const chunks = chunksOf(ids, index.chunks);
    expect(chunks.length).toBeLessThan(index.chunks.length);
    // With only those chunks loaded, the query finds all its hits.
    const loaded: QueryData = {
      ...data,
      records: index.records.map((r, id) => (chunks.includes(chunksOf([id], index.chunks)[0]!) ? r : undefined)),
    };
    expect(searchRecords('停戦', loaded, 3).map((h) => h.id)).toEqual([7, 308]);
  });

  test('a page of results needs only the records of its hits; the count comes from the posting lists', () => {
    const many: SearchRecord[] = Array.from({ length: 400 }, (_, i) => ({
      kind: 'paragraph',
      title: '記事',
      text: `${i % 10 === 3 ? '停戦' : '和平'}について、長い段落の本文がここに続く。`.repeat(12),
      url: `articles/a.html#p${i + 1}`,
    }));
    const index = buildSearchIndex(kinds, many);
    const data: QueryData = {
      records: [],
      titleSearched: [false, false, true],
      postings: (g) => index.shards[shardOf(g, index.shardCount)]![g],
      shardCount: index.shardCount,
      kindStarts: index.kindStarts,
    };
    let page = searchUpTo('停戦', data, 3, [], [], 5);
    expect(page.hits).toEqual([]);
    expect(page.need).toEqual([3, 13, 23, 33, 43]);
    expect(page.total).toBe(40);
    const records = data.records as unknown[];
    for (const c of chunksOf(page.need, index.chunks))
      for (let id = index.chunks[c]!; id < (index.chunks[c + 1] ?? 400); id++) records[id] = index.records[id];
    page = searchUpTo('停戦', data, 3, [], [], 5);
    expect(page.need).toEqual([]);
    expect(page.hits.map((h) => h.id)).toEqual([3, 13, 23, 33, 43]);
    expect(page.total).toBe(40);
    expect(page.counts).toEqual([0, 40, 0]);
    // Chunks hold one kind each, so a kind's first results never wait for another kind's records.
    expect(index.chunks.length).toBeLessThan(400);
    const mixed = buildSearchIndex(kinds, [
      ...many.slice(0, 3),
      { kind: 'event', title: 'e', text: '停戦', url: 'timeline.html#e' } as SearchRecord,
    ]);
    expect(mixed.chunks).toEqual([0, 3]);
    expect(mixed.kindStarts).toEqual([0, 0, 3]);
  });

  test('a bigger index gets more shards', () => {
    const many: SearchRecord[] = Array.from({ length: 3000 }, (_, i) => ({
      kind: 'paragraph',
      title: 't',
      text: `段落${i}の本文、番号${i * 7}`,
      url: `a.html#p${i}`,
    }));
    expect(buildSearchIndex(kinds, many).shardCount).toBeGreaterThan(MIN_SHARDS);
  });

  test('a huge index stops at MAX_SHARDS and grows its shards instead', () => {
    expect(shardCountFor(0)).toBe(MIN_SHARDS);
    expect(shardCountFor(300 * 1024)).toBe(512);
    expect(shardCountFor(64 * 1024 * 1024)).toBe(MAX_SHARDS);
  });

  test('an unknown kind is refused', () => {
    expect(() => buildSearchIndex(kinds, [{ kind: 'tracker', title: 't', text: 't', url: 'x.html' }])).toThrow(/unknown kind "tracker"/);
  });

  test('the fixture story becomes records of every kind, each with a link', () => {
    const model = loadStory(fixtureStory);
    const story = storyRecords(model);
    expect(new Set(story.map((r) => r.kind))).toEqual(new Set(storyKinds.map((k) => k.kind)));
    for (const r of story)
      expect(r.url).toMatch(
        /^(articles\/[a-z0-9-]+\.html#p\d+|actors\/[a-z0-9-]+\.html|tracker\/[a-z0-9-]+\.html|timeline(\/[0-9]{4}-[0-9]{2})?\.html#[a-z0-9-]+)$/,
      );
  });
});
