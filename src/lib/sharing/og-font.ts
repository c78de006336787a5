// The font of the link-preview images: Noto Sans JP Bold (static TTF from
// @expo-google-fonts/noto-sans-jp), read from node_modules by the drawing library (once per
// process) and by fontkit for the characters it has (once per thread). Nothing is fetched from
// the network.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Absolute path of the full Noto Sans JP Bold TTF (about 5.4 MB). */
export const ogFontPath: string = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');
