// Link-preview (Open Graph) images, 1200×630 PNG, drawn at build time: element tree → satori → SVG
// → sharp → PNG. No network, no clock, no environment: the only input besides the card is the
// Noto Sans JP Bold file (see og-font.ts).
//
// Title line breaks are computed here, not left to satori (which ignores word-break:auto-phrase and
// breaks CJK anywhere): the title is cut into phrases with BudouX, each phrase is measured once with
// satori's own layout, and the lines are chosen from phrase boundaries only — never mid-word. The
// font size steps down until the title fits in three lines; at the smallest size a title that still
// doesn't fit is cut at a phrase boundary and ends in "…".
import { startsBadly } from '../view/kinsoku.ts';
import satori, { type Font, type SatoriNode } from 'satori';
import sharp from 'sharp';
import { phraseChunks } from '../view/phrases.ts';
import { loadOgFont } from './og-font.ts';

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
const FONT = 'Noto Sans JP';
const PAD_X = 80;
/** Width available to the title (and the other text). */
const TEXT_WIDTH = OG_WIDTH - 2 * PAD_X;
const TITLE_LINE_HEIGHT = 1.4;
/** As the site's headings: proportional kana and punctuation (palt), a hint of tracking. */
const TITLE_TYPE: OgStyle = { fontFeatureSettings: '"palt"', letterSpacing: '0.01em' };
const ELLIPSIS = '…';
/** Font size of the measuring pass; widths at other sizes are scaled from it. */
const MEASURE_SIZE = 100;
/** Safety margin (px) against rounding between the measuring pass and the final layout. */
const SLACK = 2;

// ---------------------------------------------------------------------------------------------
// Phrases

/** Where a title may break: its phrases (see src/lib/view/phrases.ts), shared with the pages' <wbr>. */
export const titleChunks = phraseChunks;

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

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
// Element trees for satori (plain objects in the shape of React elements; no JSX).

type OgStyle = Record<string, string | number>;
type OgChild = OgElement | string;
interface OgElement {
  type: 'div';
  key?: string;
  props: { style: OgStyle; children?: OgChild | OgChild[] };
}

const div = (style: OgStyle, children?: OgChild | OgChild[], key?: string): OgElement => {
  const el: OgElement = { type: 'div', props: children === undefined ? { style } : { style, children } };
  if (key !== undefined) el.key = key;
  return el;
};

// ---------------------------------------------------------------------------------------------
// Measuring and line breaking

// Widths already measured, by text: titles share most of their characters and many phrases, so
// after the first images of a build most pieces are known. One font and one size: the key is the text.
const measured = new Map<string, number>();

/** Advance widths (px at MEASURE_SIZE) of each distinct string, from satori's own layout. */
async function measure(texts: readonly string[], fonts: Font[]): Promise<Map<string, number>> {
  const unique = [...new Set(texts)].filter((t) => !measured.has(t));
  if (unique.length > 0) await measureAnew(unique, fonts);
  return new Map(texts.map((t) => [t, measured.get(t)!]));
}

async function measureAnew(unique: readonly string[], fonts: Font[]): Promise<void> {
  const widths = measured;
  const tree = div(
    {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'flex-start',
      fontFamily: FONT,
      fontWeight: 700,
      fontSize: MEASURE_SIZE,
      ...TITLE_TYPE,
    },
    unique.map((t, i) => div({ display: 'flex', whiteSpace: 'pre' }, t, `m${i}`)),
  );
  await satori(tree, {
    width: 100_000,
    height: (unique.length + 1) * MEASURE_SIZE * 2,
    fonts,
    embedFont: false, // layout only: <text> instead of glyph outlines is much cheaper
    onNodeDetected: (node: SatoriNode) => {
      const key = typeof node.key === 'string' ? node.key : '';
      if (!key.startsWith('m')) return;
      const text = unique[Number(key.slice(1))];
      if (text !== undefined) widths.set(text, node.width);
    },
  });
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

function cardTree(card: OgCard, layout: OgTitleLayout): OgElement {
  // Shown even when it repeats the title (時系列, 登場人物), so every card has the same shape.
  const kind = card.kind.trim();
  return div(
    {
      display: 'flex',
      flexDirection: 'column',
      width: OG_WIDTH,
      height: OG_HEIGHT,
      backgroundColor: colors.bg,
      fontFamily: FONT,
      fontWeight: 700,
      color: colors.heading,
    },
    [
      // Navy band across the top.
      div({ display: 'flex', width: OG_WIDTH, height: 16, backgroundColor: colors.accent }),
      // Kind label and title, centred in the space between the band and the footer.
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          flexGrow: 1,
          padding: `40px ${PAD_X}px 24px`,
        },
        [
          ...(kind
            ? [
                div(
                  {
                    display: 'flex',
                    alignSelf: 'flex-start',
                    maxWidth: TEXT_WIDTH,
                    padding: '6px 18px',
                    marginBottom: 28,
                    borderRadius: 4,
                    backgroundColor: colors.accent,
                    color: colors.bg,
                    fontSize: 28,
                    lineHeight: 1.4,
                    letterSpacing: '0.04em',
                  },
                  kind,
                ),
              ]
            : []),
          div(
            {
              display: 'flex',
              flexDirection: 'column',
              width: TEXT_WIDTH,
              fontSize: layout.fontSize,
              lineHeight: TITLE_LINE_HEIGHT,
              color: colors.heading,
              ...TITLE_TYPE,
            },
            layout.lines.map((line) => div({ display: 'flex', whiteSpace: 'pre' }, line)),
          ),
          ...(card.figure ? [figureImage(card.figure)] : []),
        ],
      ),
      // Footer: a grey rule and the site name.
      div(
        {
          display: 'flex',
          alignItems: 'center',
          margin: `0 ${PAD_X}px`,
          padding: '22px 0 40px',
          borderTop: `2px solid ${colors.line}`,
          color: colors.muted,
          fontSize: 28,
          lineHeight: 1.4,
        },
        [
          div({ display: 'flex', width: 14, height: 14, marginRight: 14, backgroundColor: colors.accent }),
          div({ display: 'flex', flexShrink: 1 }, card.siteName.trim()),
        ],
      ),
    ],
  );
}

/** A standalone SVG figure as an image element, at its own size, under the title. */
function figureImage(svg: string): OgElement {
  const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? TEXT_WIDTH);
  const height = Number(/height="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 100);
  return {
    type: 'img',
    props: { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, width, height, style: { marginTop: 32 } },
  } as unknown as OgElement;
}

/** Title layout of `card`: font size, lines, whether it was cut. */
export async function ogTitleLayout(card: OgCard): Promise<OgTitleLayout> {
  const fonts = await cardFonts();
  return titleLayoutWith(card, fonts);
}

// The whole font, once per process, in one array that every call passes: satori keeps the parsed
// font for the array it is given, so it parses the 5.4 MB file once (about 0.1 s) instead of once
// per image. (Subsetting the font for each image cost more than the parse it saved.)
let fontList: Promise<Font[]> | undefined;
function cardFonts(): Promise<Font[]> {
  fontList ??= loadOgFont().then((data) => [{ name: FONT, data, weight: 700, style: 'normal' }]);
  return fontList;
}

async function titleLayoutWith(card: OgCard, fonts: Font[]): Promise<OgTitleLayout> {
  const title = card.title.trim();
  const chunks = titleChunks(title);
  const pieces = chunks.flatMap(splitGraphemes);
  const texts = [...chunks, ...pieces].flatMap((t) => [t, t.trimEnd()]).concat(ELLIPSIS);
  const widths = await measure(texts, fonts);
  return layoutTitle(title, widths);
}

/** The 1200×630 PNG link-preview image of `card`. */
export async function renderOgPng(card: OgCard): Promise<Uint8Array<ArrayBuffer>> {
  const fonts = await cardFonts();
  const layout = await titleLayoutWith(card, fonts);
  const svg = await satori(cardTree(card, layout), { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  // Opaque true-colour PNG at zlib level 6. A 256-colour palette would halve the bytes (about
  // 24 KB against 42 KB) but the quantiser costs four times the encoding itself (20 ms against 5 ms
  // an image, tests/bench/README.md); the images are not precached for offline reading, and a
  // link preview fetches one image, so the time matters more than the bytes.
  const png = await sharp(Buffer.from(svg)).flatten({ background: colors.bg }).png({ compressionLevel: 6 }).toBuffer();
  return new Uint8Array(png);
}
