// Reading time for Japanese text is measured in characters, not words.
// 500 characters a minute is a common planning figure for adult readers of Japanese prose.

export const CHARS_PER_MINUTE = 500;

/** Characters a reader reads: everything but whitespace. */
export function countCharacters(text: string): number {
  return [...text.replace(/\s+/gu, '')].length;
}

/** Whole minutes to read `characters`, at least 1. */
export function readingMinutes(characters: number, perMinute = CHARS_PER_MINUTE): number {
  return Math.max(1, Math.ceil(characters / perMinute));
}
