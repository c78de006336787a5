// Kinsoku (禁則): the characters a line may not start or end with, as the strict rules of JIS X 4051
// and JLREQ set them — the rules the pages ask of the browser (`line-break: strict`). One set,
// shared by the preview images' line breaker (src/lib/sharing/og-image.ts) and the tests that
// check the lines the browser lays out (tests/e2e/typography.spec.ts).
//
// The mention plugin needs none of it: a mention is an inline element, and browsers apply the
// line-breaking rules across element boundaries, so 「トランプ氏</a>、」 never breaks before 「、」.

/** Closing brackets, punctuation, small kana, the prolonged sound mark and iteration marks. */
export const noLineStart = 'ー〜‐゠–ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ、。，．,.：；:;！？!?）」』】〕〉》］｝)]}・';

/** Opening brackets. */
export const noLineEnd = '（「『【〔〈《［｛([{';

const escapeClass = (chars: string) => chars.replace(/[\]\\^]/g, '\\$&');

// Compiled once: the preview images' line breaker asks for every character of every title.
const badStart = new RegExp(`^[${escapeClass(noLineStart)}]`, 'u');
const badEnd = new RegExp(`[${escapeClass(noLineEnd)}]$`, 'u');

/** True when `text` starts with a character that may not start a line. */
export const startsBadly = (text: string): boolean => badStart.test(text);

/** True when `text` ends with a character that may not end a line. */
export const endsBadly = (text: string): boolean => badEnd.test(text);
