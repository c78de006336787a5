// The one normalisation of search text, applied to the index at build time and to the query in the
// browser (the client script is bundled from these modules), so both sides always agree.

/**
 * NFKC (full-width ↔ half-width: ＩＡＥＡ → iaea, Ｇ７ → g7, ｶﾀｶﾅ → カタカナ), lower case, katakana →
 * hiragana (ゼレンスキー → ぜれんすきー; the long-vowel mark ー is kept, it is not katakana-only),
 * and runs of white space collapsed to one space.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    })
    .replace(/\s+/g, ' ');
}

/** Kana that are common okurigana; never particles (の, が, を, に, へ, と, で, は, も, や). */
const OKURIGANA_KANA = 'いうえきくけさしすせちつてひびふみめりるれわぎじず';

/**
 * Okurigana folding: drops every such kana that stands alone between two kanji, so that 取り決め
 * and 取決め, 受け入れ and 受入れ become the same string; 日本の首相 stays as it is. Works on
 * normalised text. Greedy, so 引き出す成果 becomes 引出成果: the index uses it only to find
 * candidates, and matching uses okuriganaPattern, which knows the context.
 */
export function foldOkurigana(text: string): string {
  return text.replace(new RegExp('(\\p{Script=Han})[' + OKURIGANA_KANA + '](?=\\p{Script=Han})', 'gu'), '$1');
}

/**
 * A pattern that finds a normalised term in any okurigana spelling: the term is folded, and
 * between two adjacent kanji one okurigana kana may stand (取決め finds 取り決め and 取決め).
 */
export function okuriganaPattern(term: string): RegExp {
  const chars = Array.from(foldOkurigana(term));
  let source = '';
  chars.forEach((c, i) => {
    // Syntax characters only: in a /u pattern, \- and other needless escapes are errors.
    source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const next = chars[i + 1];
    if (next !== undefined && /\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(next)) source += '[' + OKURIGANA_KANA + ']?';
  });
  return new RegExp(source, 'gu');
}
