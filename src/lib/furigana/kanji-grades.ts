// The school grade of a kanji, for the reader's furigana setting.
//
// kanji-grades.json holds two vendored lists (not typed by hand):
// - `kyoiku`: the 2020 MEXT 学年別漢字配当表 (小学校学習指導要領, 平成29年告示, in force from
//   2020), 1026 kanji in grades 1–6 (80, 160, 200, 202, 193, 191). Taken from the per-kanji
//   KANJIDIC2 entries (EDRDG, CC BY-SA 3.0) that the npm package `kanji@0.19.3` ships in
//   dist/data/kanjidic/*.json (field misc.grade), with the five kanji that its KANJIDIC copy still
//   lists under the 1989 table moved to grade 4 as the 2017 notice does: 賀 群 徳 富 (5→4) and
//   城 (6→4) — "現行指導要領では6年生に配当されている1字 城 / 5年生に配当されている4字 賀、群、徳、富",
//   https://www.meijitosho.co.jp/sp/eduzine/news/?id=20170818. The result was checked against
//   the 202 kanji of grade 4 as listed at ja.wikibooks.org (小学校国語/漢字/4学年) and against an
//   independent public copy of all three changed grades (4–6): identical sets.
// - `joyo`: the 常用漢字表 (2010), 2136 kanji, from the npm package `joyo-kanji@0.2.1` (index.js,
//   "based on http://x0213.org/joyo-kanji-code/").
// Each list is sorted by code point. tests/unit/furigana.test.ts checks the counts.
import table from './kanji-grades.json' with { type: 'json' };

/** 1–6: taught in that primary-school year; 7: other jōyō kanji (secondary school); 8: outside the jōyō list. */
export type Grade = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export const kyoikuByGrade: ReadonlyMap<Grade, readonly string[]> = new Map(
  Object.entries(table.kyoiku).map(([grade, chars]) => [Number(grade) as Grade, [...chars]]),
);
export const joyoKanji: ReadonlySet<string> = new Set([...table.joyo]);

const gradeByKanji = new Map<string, Grade>();
for (const [grade, chars] of kyoikuByGrade) for (const c of chars) gradeByKanji.set(c, grade);

/** Ideographs that stand in a ruby base; 々 and 〆 are Han, ヶ/ヵ count as kanji here (三ヶ月). */
export const KANJI = /[\p{Script=Han}ヶヵ]/u;

/** Grade of one character, or 0 for a character that is not a kanji or needs no grade (々, ヶ). */
export function gradeOfChar(char: string): Grade | 0 {
  if (!KANJI.test(char) || char === '々' || char === '〆' || char === 'ヶ' || char === 'ヵ') return 0;
  return gradeByKanji.get(char) ?? (joyoKanji.has(char) ? 7 : 8);
}

/** Grade of a ruby base: that of its hardest kanji (at least 1). */
export function gradeOf(base: string): Grade {
  let max = 1;
  for (const c of base) max = Math.max(max, gradeOfChar(c));
  return max as Grade;
}
