// Search: the shared normalisation, the index on a small fixture (exact hits, no false ones),
// the fallback to words, ranking and excerpts, and the index files as classic scripts.
import { describe, expect, test } from 'vitest';
import { runInNewContext } from 'node:vm';
import { normalise, foldOkurigana, okuriganaPattern } from '../../src/lib/search/normalise.ts';
import { buildSearchIndex, indexFiles, shardPath, SHARD_COUNT, type KindSpec, type SearchRecord } from '../../src/lib/search/index.ts';
import { searchRecords, excerpt, neededShards, queryTerms, gramsOf, lookupGrams, shardOf, aliasTerms, type QueryData } from '../../src/lib/search/query.ts';
import { storyKinds, storyRecords } from '../../src/lib/search/records.ts';
import { fixtureStory, loadStory } from './load-content.ts';

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
  });
});

const kinds: KindSpec[] = [
  { kind: 'actor', heading: '人物' },
  { kind: 'paragraph', heading: '段落' },
  { kind: 'event', heading: '出来事', titleSearched: true },
];
const records: SearchRecord[] = [
  { kind: 'paragraph', title: '記事', label: '第1段落', text: 'ＩＡＥＡの査察団がザポリージャ原発を訪れた。', url: 'articles/a.html#p1' },
  { kind: 'paragraph', title: '記事', label: '第2段落', text: 'G7首脳は停戦の取り決めを支持した。ワルツ氏も同席した。', url: 'articles/a.html#p2' },
  { kind: 'paragraph', title: '記事', label: '第3段落', text: '捕虜の交換について議論し、停戦案の取決めを急ぐ。', url: 'articles/a.html#p3' },
  { kind: 'event', title: '捕虜交換で合意', text: '両国が捕虜を交換した', url: 'timeline.html#swap' },
  { kind: 'actor', title: 'マイク・ウォルツ', text: 'マイク・ウォルツ、Mike Waltz、別表記 ワルツ', url: 'actors/waltz.html', names: ['マイク・ウォルツ', 'マイク', 'ウォルツ', 'Mike Waltz', 'ワルツ'] },
  { kind: 'actor', title: 'ワルツ協会', text: 'ワルツ協会', url: 'actors/waltz-society.html', names: ['ワルツ協会'] },
  { kind: 'actor', title: 'ウォロディミル・ゼレンスキー', text: 'ウォロディミル・ゼレンスキー、Volodymyr Zelensky', url: 'actors/zelensky.html', names: ['ゼレンスキー'] },
];

function queryData(input: readonly SearchRecord[]): QueryData {
  const index = buildSearchIndex(kinds, input);
  return {
    records: index.records,
    titleSearched: index.kinds.map((k) => Boolean(k.titleSearched)),
    postings: (g) => index.shards[shardOf(g, SHARD_COUNT)]![g],
    shardCount: SHARD_COUNT,
  };
}
const data = queryData(records);
const urls = (q: string) => searchRecords(q, data, 3).map((h) => data.records[h.id]![2]);

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
    const hits = searchRecords('ワルツ', data, 3);
    expect(hits.map((h) => h.exact)).toEqual([true, false, false]);
  });

  test('a query that names an actor also finds what mentions the actor under its own name', () => {
    const extra: SearchRecord[] = [...records, { kind: 'event', title: 'ウォルツ氏が更迭', text: 'ウォルツ補佐官が退任', url: 'timeline.html#waltz' }];
    const withEvent = queryData(extra);
    const aliases = aliasTerms('ワルツ', withEvent.records);
    expect(aliases).toEqual(['まいく・うぉるつ', 'うぉるつ']);
    const hits = searchRecords('ワルツ', withEvent, 3, aliases);
    expect(hits.map((h) => withEvent.records[h.id]![2])).toEqual(['actors/waltz.html', 'actors/waltz-society.html', 'articles/a.html#p2', 'timeline.html#waltz']);
    expect(hits.map((h) => h.alias)).toEqual([false, false, false, true]);
    expect(aliasTerms('停戦', withEvent.records)).toEqual([]);
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
    const files = indexFiles(buildSearchIndex(kinds, records));
    expect(files).toHaveLength(SHARD_COUNT + 1);
    const got: { shards: Record<number, unknown>; meta?: { records: unknown[] } } = { shards: {} };
    const context = {
      __searchShard: (n: number, s: unknown) => (got.shards[n] = s),
      __searchRecords: (m: { records: unknown[] }) => (got.meta = m),
    };
    for (const f of files) runInNewContext(f.content, context);
    expect(got.meta?.records).toHaveLength(records.length);
    expect(Object.keys(got.shards)).toHaveLength(SHARD_COUNT);
    expect(files.map((f) => f.path)).toContain(shardPath(63));
  });

  test('an unknown kind is refused', () => {
    expect(() => buildSearchIndex(kinds, [{ kind: 'tracker', title: 't', text: 't', url: 'x.html' }])).toThrow(/unknown kind "tracker"/);
  });

  test('the fixture story becomes records of every kind, each with a link', () => {
    const model = loadStory(fixtureStory);
    const story = storyRecords(model);
    expect(new Set(story.map((r) => r.kind))).toEqual(new Set(storyKinds.map((k) => k.kind)));
    for (const r of story) expect(r.url).toMatch(/^(articles\/[a-z0-9-]+\.html#p\d+|actors\/[a-z0-9-]+\.html|timeline\.html#[a-z0-9-]+)$/);
  });
});
