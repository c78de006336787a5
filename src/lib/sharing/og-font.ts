// The font of the link-preview images: Noto Sans JP Bold (static TTF from
// @expo-google-fonts/noto-sans-jp), read from node_modules once per process and cut down, for each
// image, to the characters that image shows. Nothing is fetched from the network.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** subset-font ships no types; this is the part of its API used here. */
type SubsetFont = (
  font: Buffer,
  text: string,
  options: { targetFormat: 'truetype' | 'sfnt' | 'woff' | 'woff2'; noHinting?: boolean },
) => Promise<Buffer>;

const subsetFont = require('subset-font') as SubsetFont;

/** Absolute path of the full Noto Sans JP Bold TTF (about 5.4 MB). */
export const ogFontPath: string = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

let fullFont: Promise<Buffer> | undefined;

/** The full font file, read once per process (later calls share the same buffer). */
export function loadOgFont(): Promise<Buffer> {
  // subset-font needs a Node Buffer (it reads the signature with buffer.toString).
  fullFont ??= readFile(ogFontPath);
  return fullFont;
}

/**
 * The distinct characters of `text`, sorted by code point (for a stable subset). Whitespace is kept
 * so the space glyph (U+0020) is in the subset when a title has one.
 */
export function fontCharacters(text: string): string {
  return [...new Set(text)].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('');
}

/**
 * A TrueType subset of Noto Sans JP Bold holding exactly the glyphs for the characters of `text`
 * (plus those OpenType layout features reach from them, e.g. vertical or proportional forms).
 */
export async function subsetOgFont(text: string): Promise<Buffer> {
  const font = await loadOgFont();
  // Satori draws glyph outlines as paths; TrueType hinting is never used, so drop it.
  return subsetFont(font, fontCharacters(text), { targetFormat: 'truetype', noHinting: true });
}
