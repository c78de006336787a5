// The search over the real content, measured on a test set of Japanese queries. Expected hits are
// defined by hand as the spellings a reader means (a record is expected if its raw text contains
// one of them; "a+b" needs both), checked with plain String.includes on the raw text, so the
// expectation does not depend on the normaliser under test. Prints the table for README.md.
import { expect, test } from 'vitest';
import { loadStory, realContent } from '../load-content.ts';
import { storyIndex } from '../../../src/lib/search/records.ts';
import { MAX_SHARDS_PER_TERM } from '../../../src/lib/search/index.ts';
import {
  searchRecords,
  searchUpTo,
  shardOf,
  neededShards,
  chunksOf,
  RESULTS_PER_PAGE,
  type QueryData,
} from '../../../src/lib/search/query.ts';
import { normalise } from '../../../src/lib/search/normalise.ts';
import { gzipSync } from 'node:zlib';

const testSet: Array<[string, string[]]> = [
  ['ゼレンスキー', ['ゼレンスキー']],
  ['ぜれんすきー', ['ゼレンスキー']],
  ['ｾﾞﾚﾝｽｷｰ', ['ゼレンスキー']],
  ['ワルツ', ['ウォルツ', 'ワルツ']],
  ['Waltz', ['ウォルツ', 'Waltz']],
  ['ウォルツ', ['ウォルツ']],
  ['停戦', ['停戦']],
  ['捕虜交換', ['捕虜+交換']],
  ['受入れ', ['受け入れ', '受入れ']],
  ['引出す', ['引き出す', '引出す']],
  ['トランプ', ['トランプ']],
  ['とらんぷ', ['トランプ']],
  ['プーチン', ['プーチン']],
  ['Rubio', ['ルビオ', 'Rubio']],
  ['ウィットコフ', ['ウィトコフ', 'ウィットコフ']],
  ['鶴岡', ['鶴岡']],
  ['つるおか', ['鶴岡', 'つるおか']],
  ['慶応', ['慶應', '慶応']],
  ['ジッダ', ['ジッダ']],
  ['リヤド', ['リヤド']],
  ['サウジ', ['サウジ']],
  ['30日間', ['30日間']],
  ['３０日間', ['30日間']],
  ['安全の保証', ['安全の保証']],
  ['安全保障', ['安全保障']],
  ['鉱物資源', ['鉱物資源']],
  ['軍事支援', ['軍事支援']],
  ['情報共有', ['情報共有']],
  ['共同声明', ['共同声明']],
  ['関係修復', ['関係修復']],
  ['首脳会談', ['首脳会談']],
  ['ｃｉａ', ['CIA']],
  ['国連大使', ['国連大使']],
  ['えねるぎー施設', ['エネルギー施設']],
  ['イスタンブール', ['イスタンブール']],
  ['ロシア 停戦', ['ロシア+停戦']],
  ['ウクライナ代表団', ['ウクライナ代表団']],
  ['和平交渉', ['和平交渉']],
  ['補佐官', ['補佐官']],
  ['米国の支援', ['米国の支援', '米国+支援']],
  ['ウクライナの停戦', ['ウクライナ+停戦']],
  ['大統領選挙', ['大統領選']],
  // The aftermath: the timeline after the article, on its monthly pages, and the tracker.
  ['鉱物資源協定', ['鉱物資源協定']],
  ['捕虜', ['捕虜']],
  ['子ども', ['子ども', '子供']],
  ['アラスカ', ['アラスカ']],
  ['エネルギー施設への攻撃停止', ['エネルギー施設への攻撃停止', 'エネルギー施設+攻撃停止']],
];

test('the test set: hit rate and no false hits over the real content', () => {
  const model = loadStory(realContent);
  const started = performance.now();
  const { index, files } = storyIndex(model);
  const buildMs = performance.now() - started;
  const names = index.names;
  const data = {
    records: index.records,
    titleSearched: index.kinds.map((k) => Boolean(k.titleSearched)),
    postings: (g: string) => index.shards[shardOf(g, index.shardCount)]![g],
    shardCount: index.shardCount,
    kindStarts: index.kindStarts,
  };
  const gz = (s: string) => gzipSync(s, { level: 9 }).length;
  const sizes = new Map(files.map((f) => [f.path.replace('search/', ''), gz(f.content)]));
  let found = 0;
  let expectedTotal = 0;
  let falseHits = 0;
  const loads: number[] = [];
  const countsOff: string[] = [];
  const rows: string[] = [];
  for (const [q, forms] of testSet) {
    const expected = index.records
      .filter((r) => {
        const text = (index.kinds[r[0]]!.titleSearched ? `${r[1]}\n` : '') + r[3];
        return forms.some((f) => f.split('+').every((part) => text.includes(part)));
      })
      .map((r) => r[2]);
    const named = names[normalise(q).trim()];
    const aliases = named?.[1] ?? [];
    const hits = searchRecords(q, data, MAX_SHARDS_PER_TERM, aliases, named?.[0]).map((h) => index.records[h.id]![2]);
    const good = hits.filter((u) => expected.includes(u)).length;
    const bad = hits.filter((u) => !expected.includes(u));
    found += good;
    expectedTotal += expected.length;
    falseHits += bad.length;
    // What the client loads: meta.js, the shards of the query and its aliases, then the chunks
    // of the records that the first page of results needs, step by step as the client does.
    const shards = neededShards(q, index.shardCount, MAX_SHARDS_PER_TERM, aliases);
    const chunks: number[] = [];
    const partial: QueryData = { ...data, records: [] };
    let page = searchUpTo(q, partial, MAX_SHARDS_PER_TERM, aliases, named?.[0], RESULTS_PER_PAGE);
    while (page.need.length) {
      for (const c of chunksOf(page.need, index.chunks)) {
        chunks.push(c);
        for (let id = index.chunks[c]!; id < (index.chunks[c + 1] ?? index.records.length); id++)
          (partial.records as unknown[])[id] = index.records[id];
      }
      page = searchUpTo(q, partial, MAX_SHARDS_PER_TERM, aliases, named?.[0], RESULTS_PER_PAGE);
    }
    // The first page is the start of the full ranking, and its count that of all hits.
    expect(
      page.hits.map((h) => index.records[h.id]![2]),
      q,
    ).toEqual(hits.slice(0, RESULTS_PER_PAGE));
    if (page.total !== hits.length) countsOff.push(`${q} ${page.total}≠${hits.length}`);
    const bytes =
      sizes.get('meta.js')! +
      shards.reduce((n, s) => n + sizes.get(`s${s}.js`)!, 0) +
      chunks.reduce((n, c) => n + sizes.get(`r${c}.js`)!, 0);
    loads.push(bytes);
    rows.push(
      `${q}: ${good}/${expected.length}, false ${bad.length}, loads ${(bytes / 1024).toFixed(1)} KB (${shards.length} shards, ${chunks.length} chunks)${bad.length ? ` (${bad.join(' ')})` : ''}`,
    );
    expect(bad, q).toEqual([]);
  }
  const raw = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const gzipped = files.reduce((n, f) => n + gz(f.content), 0);
  loads.sort((a, b) => a - b);
  console.log(
    [
      ...rows,
      `hit rate ${found}/${expectedTotal} (${((100 * found) / expectedTotal).toFixed(1)} %), false hits ${falseHits}, ${testSet.length} queries`,
      `index ${files.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzipped / 1024).toFixed(1)} KB gzip (meta.js ${(sizes.get('meta.js')! / 1024).toFixed(1)} KB, ${index.chunks.length} record chunks, ${index.shardCount} shards)`,
      `a query loads (gzip) median ${(loads[loads.length >> 1]! / 1024).toFixed(1)} KB, max ${(loads.at(-1)! / 1024).toFixed(1)} KB`,
      `counts that are not exact before 「さらに表示」: ${countsOff.join(', ') || 'none'}`,
      `index built in ${buildMs.toFixed(0)} ms`,
    ].join('\n'),
  );
  expect(falseHits).toBe(0);
  expect(found / expectedTotal).toBeGreaterThan(0.9);
  expect(loads.at(-1)!).toBeLessThan(20 * 1024);
});
