// Link-preview (Open Graph) images, 1200×630 PNG, drawn at build time: the card is drawn with
// Skia (@napi-rs/canvas: HarfBuzz shaping, so the title's proportional kana and punctuation), and
// sharp encodes the pixels as PNG. No network, no clock, no fonts of the machine: besides the card,
// what shapes an image is the Noto Sans JP Bold file (see og-font.ts), this code, the libraries and
// their native builds, ICU's segmentation and FreeType's settings, all in the cache key
// (src/integrations/preview-images.ts).
//
// The layout is ours, a fixed card: a navy band, the kind of page and the title centred between it
// and the footer (the site's name under a rule). Title line breaks are computed here too: the title
// is cut into phrases with BudouX, each phrase is measured once as it is drawn, and the lines are
// chosen from phrase boundaries only — never mid-word. The font size steps down until the title
// fits in three lines; at the smallest size a title that still doesn't fit is cut at a phrase
// boundary and ends in "…".
//
// Why not satori (HTML and CSS to SVG) and an SVG rasteriser, as before: for one fixed card, the
// flexbox layout and the SVG of every glyph's outline, parsed again by librsvg, cost about three
// times the drawing (tests/bench/README.md).
import { type Canvas, GlobalFonts, createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { openSync as openFont, type Font } from 'fontkit';
import sharp from 'sharp';
import { startsBadly } from '../view/kinsoku.ts';
import { phraseChunks } from '../view/phrases.ts';
import { ogFontPath } from './og-font.ts';

// libvips keeps the results of recent operations (up to 50 MB, one cache for the process) to reuse
// them; no two images here share one, so the cache only held memory: 600 images drawn alone peaked
// at 356 MB with it and 306 MB without. Nothing else in the build uses sharp.
sharp.cache(false);

export interface OgCard {
  /** The page title, shown large (up to three lines). */
  title: string;
  /** Kind of page, shown small above the title: 解説, インタビュー, 時系列, 人物 … */
  kind: string;
  /** The site's name, shown at the bottom. */
  siteName: string;
  /** A figure drawn under the title: a standalone SVG with its own width and height attributes. */
  figure?: string | undefined;
}

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Title font sizes (px), largest first; the first at which the title fits in three lines wins. */
export const OG_TITLE_SIZES: readonly number[] = [64, 60, 56, 52, 48, 44, 40];
export const OG_TITLE_MAX_LINES = 3;

const colors = { heading: '#1a1a1a', muted: '#4d4d4d', accent: '#00118f', line: '#ccc', bg: '#fff' } as const;
/**
 * The family the font is registered under: a name of our own, so that no font of the machine's
 * answers to it.
 */
const FONT = 'Preview Noto Sans JP Bold';
const PAD_X = 80;
/** Width available to the title (and the other text). */
const TEXT_WIDTH = OG_WIDTH - 2 * PAD_X;
/** Line height of all text, as a multiple of the font size. */
const LINE_HEIGHT = 1.4;
/** As the site's headings: proportional kana and punctuation (palt), a hint of tracking. */
const TITLE_TYPE: TypeStyle = { palt: true, trackingEm: 0.01 };
/** The kind label: a wider tracking, full-width punctuation. */
const KIND_TYPE: TypeStyle = { palt: false, trackingEm: 0.04 };
const PLAIN_TYPE: TypeStyle = { palt: false, trackingEm: 0 };
const KIND_SIZE = 28;
const FOOTER_SIZE = 28;
const ELLIPSIS = '…';
/** Font size of the measuring pass; widths at other sizes are scaled from it. */
const MEASURE_SIZE = 100;
/** Safety margin (px) against rounding between the measuring pass and the final layout. */
const SLACK = 2;

// ---------------------------------------------------------------------------------------------
// The font and its type settings

interface TypeStyle {
  /** Proportional widths for kana and punctuation (the OpenType feature palt). */
  palt: boolean;
  /** Letter spacing, in em. */
  trackingEm: number;
}

/** Registers the font once per process (the registry is the native library's, shared by threads). */
function ensureFont(): void {
  if (GlobalFonts.has(FONT)) return;
  // Without it the text would be drawn in whatever font the machine has, or not at all.
  if (!GlobalFonts.registerFromPath(ogFontPath, FONT) || !GlobalFonts.has(FONT)) {
    throw new Error(`The preview images' font could not be loaded from ${ogFontPath}.`);
  }
}

/** Characters as a reader sees them: what the text is cut into, checked against the font, and fitted. */
const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

// Which characters the font has (its cmap, read by fontkit; only the tables asked for are parsed).
let coverage: Font | undefined;
/** 〓 (geta): the typesetter's mark for a character the type case lacks; the font has it. */
const MISSING_GLYPH = '\u3013';
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/**
 * `text` made of characters the font has: the drawing library would take any other from a font of
 * the machine, and the image would then depend on the machine and not only on its cache key. Taken
 * a character as the reader sees it (a grapheme) at a time: invisible characters the font lacks
 * (joiners, fillers) are dropped, a character composed otherwise than the font has it (u and a
 * combining diaeresis) is composed (NFC, for that character only: NFC of the whole text would also
 * change CJK compatibility ideographs), white space the font lacks (a thin space) becomes a space,
 * and anything else the font lacks (an emoji, with all its parts) one 〓. Variation selectors stay
 * with the character before them (the font has ideographic variants: 葛󠄀).
 */
export function drawableText(text: string): string {
  if (!coverage) {
    const font = openFont(ogFontPath);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${ogFontPath} is a font collection, not one font.`);
    coverage = font;
  }
  const font = coverage;
  const has = (ch: string) => font.hasGlyphForCodePoint(ch.codePointAt(0)!) || VARIATION_SELECTOR.test(ch);
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const visible = [...segment].filter((ch) => has(ch) || !IGNORABLE.test(ch)).join('');
    if (visible === '') continue;
    const composed = [visible, visible.normalize('NFC')].find((form) => [...form].every(has));
    out += composed ?? (/^\s+$/u.test(visible) ? ' ' : MISSING_GLYPH);
  }
  return out;
}

function setType(ctx: SKRSContext2D, size: number, type: TypeStyle): void {
  // Japanese forms (locl) and CJK punctuation as in Japanese, whatever the machine's language.
  ctx.lang = 'ja';
  ctx.font = `700 ${size}px "${FONT}"`;
  ctx.letterSpacing = `${size * type.trackingEm}px`;
  ctx.fontFeatureSettings = type.palt ? '"palt"' : 'normal';
}

let measuring: SKRSContext2D | undefined;
function measuringContext(): SKRSContext2D {
  ensureFont();
  measuring ??= createCanvas(1, 1).getContext('2d');
  return measuring;
}

/** Ascent and descent of the font, in em (its horizontal header's, as browsers place a line). */
let vertical: { ascent: number; descent: number } | undefined;
function verticalMetrics(): { ascent: number; descent: number } {
  if (!vertical) {
    const ctx = measuringContext();
    setType(ctx, MEASURE_SIZE, PLAIN_TYPE);
    const m = ctx.measureText('漢');
    vertical = { ascent: m.fontBoundingBoxAscent / MEASURE_SIZE, descent: m.fontBoundingBoxDescent / MEASURE_SIZE };
  }
  return vertical;
}

/** The baseline of a line of text at `size` whose line box starts at `top` (the leading split evenly). */
function baselineOf(top: number, size: number): number {
  const { ascent, descent } = verticalMetrics();
  return top + (size * LINE_HEIGHT - (ascent + descent) * size) / 2 + ascent * size;
}

// ---------------------------------------------------------------------------------------------
// Phrases

/** Where a title may break: its phrases (see src/lib/view/phrases.ts), shared with the pages' <wbr>. */
export const titleChunks = phraseChunks;

/**
 * `s` cut into characters where a line may break, for a phrase too wide for any line: each
 * character, except that one which may not start a line stays with the one before it.
 */
const splitGraphemes = (s: string): string[] => {
  const out: string[] = [];
  for (const { segment } of graphemes.segment(s)) {
    const prev = out.length - 1;
    // A space stays with the character before it too, so no line starts with one.
    if (prev >= 0 && (startsBadly(segment) || /^\s/u.test(segment))) out[prev] += segment;
    else out.push(segment);
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Measuring and line breaking

// Widths already measured, by text: titles share most of their characters and many phrases, so
// after the first images of a build most pieces are known. One font and one size: the key is the text.
const measured = new Map<string, number>();

/** Advance widths (px at MEASURE_SIZE), shaped as the title is drawn: `texts` and all measured before. */
function measure(texts: readonly string[]): ReadonlyMap<string, number> {
  const unknown = texts.filter((t) => !measured.has(t));
  if (unknown.length > 0) {
    const ctx = measuringContext();
    setType(ctx, MEASURE_SIZE, TITLE_TYPE);
    for (const t of unknown) measured.set(t, ctx.measureText(t).width);
  }
  return measured;
}

interface Piece {
  text: string;
  /** Width (px at MEASURE_SIZE) in the middle of a line, trailing white space included. */
  width: number;
  /** Width at the end of a line, where trailing white space is dropped. */
  endWidth: number;
}

const STRONG_BREAK = /\s$/u;
const PUNCT_BREAK = /[、。，．,.」』）)！？!?・：:]$/u;

/**
 * Cost of breaking after `piece`, on the scale of a line's squared free fraction: none after white
 * space (a headline's space is where its editor wants the break), more after punctuation, most after
 * any other phrase. So 「ウクライナ、米停戦案を丸のみ／関係修復を優先」 rather than the more even
 * 「ウクライナ、米停戦案を／丸のみ 関係修復を優先」.
 */
const breakPenalty = (piece: Piece): number => (STRONG_BREAK.test(piece.text) ? 0 : PUNCT_BREAK.test(piece.text) ? 0.2 : 0.25);

/**
 * Lines (arrays of piece indexes) with the fewest lines that fit `width`, and among those the most
 * even ones, preferring breaks at spaces and punctuation (like text-wrap:balance). Returns undefined
 * when some piece alone is wider than `width`.
 */
function breakLines(pieces: readonly Piece[], width: number): Piece[][] | undefined {
  const n = pieces.length;
  const lineWidth = (from: number, to: number): number => {
    let w = 0;
    for (let k = from; k < to - 1; k++) w += pieces[k]?.width ?? 0;
    return w + (pieces[to - 1]?.endWidth ?? 0);
  };
  // Fewest lines: greedy.
  let count = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    if (lineWidth(i, j) > width) return undefined;
    while (j < n && lineWidth(i, j + 1) <= width) j++;
    count++;
    i = j;
  }
  // best[l][i]: least cost of setting pieces [0, i) in l lines.
  const best: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(-1));
  const row0 = best[0];
  if (row0) row0[0] = 0;
  for (let l = 1; l <= count; l++) {
    const prev = best[l - 1];
    const cur = best[l];
    const curFrom = from[l];
    if (!prev || !cur || !curFrom) continue;
    for (let i = 1; i <= n; i++) {
      for (let s = i - 1; s >= 0; s--) {
        const w = lineWidth(s, i);
        if (w > width) break;
        const before = prev[s] ?? Infinity;
        if (before === Infinity) continue;
        const slack = (width - w) / width;
        const last = pieces[i - 1];
        const penalty = i < n && last ? breakPenalty(last) : 0;
        const cost = before + slack * slack + penalty;
        if (cost < (cur[i] ?? Infinity)) {
          cur[i] = cost;
          curFrom[i] = s;
        }
      }
    }
  }
  const lines: Piece[][] = [];
  for (let l = count, i = n; l > 0; l--) {
    const s = from[l]?.[i] ?? -1;
    if (s < 0) return undefined;
    lines.unshift(pieces.slice(s, i));
    i = s;
  }
  return lines;
}

export interface OgTitleLayout {
  /** Title font size in px. */
  fontSize: number;
  /** The lines as drawn (white space at line ends removed). */
  lines: string[];
  /** True when the title was too long even at the smallest size and was cut, ending in "…". */
  truncated: boolean;
}

function piecesFor(texts: readonly string[], widths: ReadonlyMap<string, number>): Piece[] {
  return texts.map((text) => ({
    text,
    width: widths.get(text) ?? 0,
    endWidth: widths.get(text.trimEnd()) ?? 0,
  }));
}

function layoutTitle(title: string, widths: ReadonlyMap<string, number>): OgTitleLayout {
  const chunks = titleChunks(title);
  const render = (lines: Piece[][]): string[] =>
    lines.map((l) =>
      l
        .map((p) => p.text)
        .join('')
        .trimEnd(),
    );
  for (const size of OG_TITLE_SIZES) {
    // Width available, in units of the measuring pass.
    const width = ((TEXT_WIDTH - SLACK) * MEASURE_SIZE) / size;
    const lines = breakLines(piecesFor(chunks, widths), width);
    if (lines && lines.length <= OG_TITLE_MAX_LINES) return { fontSize: size, lines: render(lines), truncated: false };
  }
  // Too long even at the smallest size. Break inside a phrase only where the phrase alone is wider
  // than a line; then fill three lines greedily and end the last with "…".
  const size = OG_TITLE_SIZES[OG_TITLE_SIZES.length - 1] ?? 40;
  const width = ((TEXT_WIDTH - SLACK) * MEASURE_SIZE) / size;
  const pieces = piecesFor(
    chunks.flatMap((c) => ((widths.get(c.trimEnd()) ?? 0) > width ? splitGraphemes(c) : [c])),
    widths,
  );
  const ellipsis = widths.get(ELLIPSIS) ?? 0;
  const lines: string[] = [];
  let i = 0;
  let truncated = false;
  while (i < pieces.length && lines.length < OG_TITLE_MAX_LINES) {
    const lastLine = lines.length === OG_TITLE_MAX_LINES - 1;
    let text = '';
    let w = 0;
    let j = i;
    for (; j < pieces.length; j++) {
      const p = pieces[j];
      if (!p) break;
      const isLastPiece = j === pieces.length - 1;
      // On the last line, leave room for the ellipsis unless this piece ends the title.
      const need = w + p.endWidth + (lastLine && !isLastPiece ? ellipsis : 0);
      if (need > width && j > i) break;
      text += p.text;
      w += p.width;
    }
    i = j;
    if (lastLine && i < pieces.length) {
      text = text.trimEnd() + ELLIPSIS;
      truncated = true;
    }
    lines.push(text.trimEnd());
  }
  return { fontSize: size, lines, truncated };
}

// ---------------------------------------------------------------------------------------------
// The card

const BAND_HEIGHT = 16;
/** The middle block's padding: above the kind label, and above the footer. */
const BLOCK_PAD_TOP = 40;
const BLOCK_PAD_BOTTOM = 24;
const KIND_PAD_X = 18;
const KIND_PAD_Y = 6;
const KIND_GAP = 28;
const FIGURE_GAP = 32;
const RULE_WIDTH = 2;
const FOOTER_PAD_TOP = 22;
const FOOTER_PAD_BOTTOM = 40;
const MARK_SIZE = 14;
const MARK_GAP = 14;

/** `text` cut at a character boundary and ended with "…" when wider than `width` as `ctx` sets it. */
function fitted(ctx: SKRSContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  const chars = [...graphemes.segment(text)].map((g) => g.segment);
  const cut = (n: number) => chars.slice(0, n).join('').trimEnd() + ELLIPSIS;
  // The most characters that fit with the ellipsis (a search: the width grows with their number).
  let [fits, tooMany] = [0, chars.length];
  while (tooMany - fits > 1) {
    const n = (fits + tooMany) >> 1;
    if (ctx.measureText(cut(n)).width <= width) fits = n;
    else tooMany = n;
  }
  return cut(fits);
}

interface Figure {
  image: Image;
  width: number;
  height: number;
}

/** A standalone SVG figure, rasterised at its own size (by librsvg, through sharp). */
async function loadFigure(svg: string): Promise<Figure> {
  const { data, info } = await sharp(Buffer.from(svg)).png().toBuffer({ resolveWithObject: true });
  return { image: await loadImage(data), width: info.width, height: info.height };
}

// One canvas per thread, drawn over whole for each card. The drawing, up to the copy of its pixels,
// is synchronous, so two cards drawn at once in one thread never share it half-drawn.
let surface: Canvas | undefined;

/** The card's pixels (RGBA). Positions are whole pixels, as a browser lays out boxes. */
function drawCard(card: OgCard, layout: OgTitleLayout, figure: Figure | undefined): Buffer {
  ensureFont();
  surface ??= createCanvas(OG_WIDTH, OG_HEIGHT);
  const ctx = surface.getContext('2d');
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, OG_WIDTH, OG_HEIGHT);
  // Navy band across the top.
  ctx.fillStyle = colors.accent;
  ctx.fillRect(0, 0, OG_WIDTH, BAND_HEIGHT);

  // Footer: a grey rule and the site name, at the bottom.
  const footerLine = FOOTER_SIZE * LINE_HEIGHT;
  const footerEdge = OG_HEIGHT - (RULE_WIDTH + FOOTER_PAD_TOP + footerLine + FOOTER_PAD_BOTTOM);
  const footerTop = Math.round(footerEdge);
  ctx.fillStyle = colors.line;
  ctx.fillRect(PAD_X, footerTop, TEXT_WIDTH, RULE_WIDTH);
  const footerText = footerTop + RULE_WIDTH + FOOTER_PAD_TOP;
  ctx.fillStyle = colors.accent;
  ctx.fillRect(PAD_X, Math.round(footerText + (footerLine - MARK_SIZE) / 2), MARK_SIZE, MARK_SIZE);
  setType(ctx, FOOTER_SIZE, PLAIN_TYPE);
  ctx.fillStyle = colors.muted;
  const siteX = PAD_X + MARK_SIZE + MARK_GAP;
  ctx.fillText(fitted(ctx, drawableText(card.siteName).trim(), PAD_X + TEXT_WIDTH - siteX), siteX, baselineOf(footerText, FOOTER_SIZE));

  // Kind label and title (and figure), centred in the space between the band and the footer.
  // Shown even when it repeats the title (時系列, 登場人物), so every card has the same shape.
  const kind = drawableText(card.kind).trim();
  const kindHeight = KIND_SIZE * LINE_HEIGHT + 2 * KIND_PAD_Y;
  const lineHeight = layout.fontSize * LINE_HEIGHT;
  const blockHeight = (kind ? kindHeight + KIND_GAP : 0) + layout.lines.length * lineHeight + (figure ? FIGURE_GAP + figure.height : 0);
  const spaceTop = BAND_HEIGHT + BLOCK_PAD_TOP;
  const space = footerEdge - BLOCK_PAD_BOTTOM - spaceTop;
  let y = spaceTop + (space - blockHeight) / 2;
  if (kind) {
    setType(ctx, KIND_SIZE, KIND_TYPE);
    const text = fitted(ctx, kind, TEXT_WIDTH - 2 * KIND_PAD_X);
    const top = Math.round(y);
    ctx.fillStyle = colors.accent;
    ctx.beginPath();
    ctx.roundRect(PAD_X, top, Math.round(ctx.measureText(text).width + 2 * KIND_PAD_X), Math.round(kindHeight), 4);
    ctx.fill();
    ctx.fillStyle = colors.bg;
    ctx.fillText(text, PAD_X + KIND_PAD_X, baselineOf(top + KIND_PAD_Y, KIND_SIZE));
    y += kindHeight + KIND_GAP;
  }
  setType(ctx, layout.fontSize, TITLE_TYPE);
  ctx.fillStyle = colors.heading;
  layout.lines.forEach((line, i) => ctx.fillText(line, PAD_X, baselineOf(Math.round(y + i * lineHeight), layout.fontSize)));
  y += layout.lines.length * lineHeight;
  if (figure) ctx.drawImage(figure.image, PAD_X, Math.round(y + FIGURE_GAP), figure.width, figure.height);
  return surface.data();
}

/** Title layout of `card`: font size, lines, whether it was cut. */
export function ogTitleLayout(card: OgCard): OgTitleLayout {
  const title = drawableText(card.title).trim();
  const chunks = titleChunks(title);
  const pieces = chunks.flatMap(splitGraphemes);
  const texts = [...chunks, ...pieces].flatMap((t) => [t, t.trimEnd()]).concat(ELLIPSIS);
  return layoutTitle(title, measure(texts));
}

/** The 1200×630 PNG link-preview image of `card`. */
export async function renderOgPng(card: OgCard): Promise<Uint8Array<ArrayBuffer>> {
  const figure = card.figure ? await loadFigure(card.figure) : undefined;
  const pixels = drawCard(card, ogTitleLayout(card), figure);
  // Opaque true-colour PNG at zlib level 6. A 256-colour palette would halve the bytes (about
  // 24 KB against 42 KB) but the quantiser costs four times the encoding itself (20 ms against 5 ms
  // an image, tests/bench/README.md); the images are not precached for offline reading, and a
  // link preview fetches one image, so the time matters more than the bytes.
  const png = await sharp(pixels, { raw: { width: OG_WIDTH, height: OG_HEIGHT, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png);
}
