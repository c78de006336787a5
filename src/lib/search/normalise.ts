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
    .replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    })
    .replace(/\s+/g, ' ');
}

/**
 * Okurigana folding: drops a hiragana that stands alone between two kanji, so that 取り決め and
 * 取決め, 受け入れ and 受入れ become the same string. Only kana that are common okurigana are
 * dropped, never particles (の, が, を, に, へ, と, で, は, も, や), so 日本の首相 does not become
 * 日本首相. Works on normalised text.
 */
export function foldOkurigana(text: string): string {
  return text.replace(OKURIGANA, '$1');
}

/** A kanji, then one okurigana kana that is dropped, then (looked ahead) a kanji. */
export const OKURIGANA = /(\p{Script=Han})[いうえきくけさしすせちつてひびふみめりるれわぎじず](?=\p{Script=Han})/gu;
