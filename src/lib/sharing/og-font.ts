// The font of the link-preview images: Noto Sans JP Bold (static TTF from
// @expo-google-fonts/noto-sans-jp), read from node_modules once per process. Nothing is fetched
// from the network.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Absolute path of the full Noto Sans JP Bold TTF (about 5.4 MB). */
export const ogFontPath: string = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

let fullFont: Promise<Buffer> | undefined;

/** The full font file, read once per process (later calls share the same buffer). */
export function loadOgFont(): Promise<Buffer> {
  fullFont ??= readFile(ogFontPath);
  return fullFont;
}
