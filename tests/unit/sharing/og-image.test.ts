import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  OG_HEIGHT,
  OG_TITLE_MAX_LINES,
  OG_TITLE_SIZES,
  OG_WIDTH,
  drawableText,
  ogTitleLayout,
  renderOgPng,
  titleChunks,
  type OgCard,
} from '../../../src/lib/sharing/og-image.ts';
import { readFileSync } from 'node:fs';
import { openSync, type Font } from 'fontkit';
import { statusFigureSvg } from '../../../src/lib/view/charts.ts';
import { ogFontPath } from '../../../src/lib/sharing/og-font.ts';

const siteName = '米ウクライナ高官協議を読む';
const card = (title: string, kind = '解説'): OgCard => ({ title, kind, siteName });

// Titles of this site (content/), and two longer ones.
const siteTitles = [
  'ウクライナ、米停戦案を丸のみ 関係修復を優先',
  '停戦へ動いた米ウクライナ 関係修復の先に残る課題',
  '米ウクライナ共同声明要旨',
  '関係修復 双方歩み寄り',
  '米ウクライナ共同声明、30日間停戦案を受け入れ',
  'ジッダで米ウクライナ高官協議',
  '協議後会見、ルビオ氏「ボールはロシア側にある」',
  'トランプ・プーチン電話会談、エネルギー施設攻撃停止で合意',
  'マルコ・ルビオ',
];
const longTitle = 'ジッダで開かれた米ウクライナ高官協議、米国は軍事支援と情報共有の再開を表明しウクライナは30日間の停戦案を受け入れた';
const veryLongTitle =
  'ジッダで開かれた米ウクライナ高官協議で、米国は軍事支援と情報共有の再開を表明し、ウクライナは30日間の停戦案を受け入れたが、ロシアは条件を付けて回答を先送りし、欧州の友好国は安全の保証を巡る協議を急いでいる';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk (which must come first). */
function ihdrSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Offsets in `text` where one phrase ends and the next begins. */
function boundaries(chunks: readonly string[]): Set<number> {
  const out = new Set<number>();
  let pos = 0;
  for (const c of chunks) out.add((pos += c.length));
  return out;
}

describe('titleChunks', () => {
  it.each(siteTitles.concat(longTitle, veryLongTitle))('joins back to the title with nothing added: %s', (title) => {
    const chunks = titleChunks(title);
    expect(chunks.join('')).toBe(title);
    expect(chunks.join('')).not.toContain('\u200b');
    expect(chunks.every((c) => c.length > 0)).toBe(true);
  });

  it.each([
    ['米ウクライナ共同声明、30日間停戦案を受け入れ', ['米ウクライナ', '共同声明']],
    ['停戦へ動いた米ウクライナ 関係修復の先に残る課題', ['米ウクライナ', '関係修復']],
    ['米ウクライナ共同声明要旨', ['米ウクライナ', '共同声明']],
    ['ジッダで米ウクライナ高官協議', ['米ウクライナ', '高官協議']],
    [longTitle, ['米ウクライナ', '高官協議', '軍事支援', '情報共有', '30日間']],
  ])('never breaks inside a phrase: %s', (title, words) => {
    const inner = boundaries(titleChunks(title));
    for (const word of words) {
      const start = title.indexOf(word);
      expect(start).toBeGreaterThanOrEqual(0);
      for (let i = start + 1; i < start + word.length; i++) expect(inner.has(i), `${word} split at ${i}`).toBe(false);
    }
  });

  it('breaks after a headline space, keeping the space with the phrase before it', () => {
    expect(titleChunks('関係修復 双方歩み寄り')).toEqual(['関係修復 ', '双方歩み寄り']);
    const chunks = titleChunks('ウクライナ、米停戦案を丸のみ 関係修復を優先');
    expect(chunks).toContain('丸のみ ');
    expect(chunks.some((c) => /^\s/u.test(c))).toBe(false);
  });

  it('returns several phrases for a sentence-like title, not one chunk', () => {
    expect(titleChunks(longTitle).length).toBeGreaterThan(5);
  });
});

describe('ogTitleLayout', () => {
  it.each(siteTitles.concat(longTitle))('breaks lines only between phrases, in at most three lines: %s', (title) => {
    const layout = ogTitleLayout(card(title));
    expect(layout.truncated).toBe(false);
    expect(layout.lines.length).toBeGreaterThan(0);
    expect(layout.lines.length).toBeLessThanOrEqual(OG_TITLE_MAX_LINES);
    const phraseEnds = boundaries(titleChunks(title));
    let pos = 0;
    for (const line of layout.lines) {
      expect(title.startsWith(line, pos)).toBe(true);
      pos += line.length;
      while (/\s/u.test(title[pos] ?? '')) pos++; // white space dropped at the line end
      expect(phraseEnds.has(pos), `line break at ${pos} inside a phrase`).toBe(true);
    }
    expect(pos).toBe(title.length);
  });

  it('keeps short titles at the largest size and shrinks long ones', () => {
    const short = ogTitleLayout(card('米ウクライナ共同声明要旨', '声明要旨'));
    expect(short.fontSize).toBe(OG_TITLE_SIZES[0]);
    expect(short.lines).toEqual(['米ウクライナ共同声明要旨']);
    const long = ogTitleLayout(card(longTitle));
    expect(long.fontSize).toBeLessThan(OG_TITLE_SIZES[0] ?? 0);
    expect(long.lines.length).toBe(3);
  });

  it('breaks at the headline space rather than inside a clause', () => {
    const layout = ogTitleLayout(card('ウクライナ、米停戦案を丸のみ 関係修復を優先'));
    expect(layout.lines).toEqual(['ウクライナ、米停戦案を丸のみ', '関係修復を優先']);
  });

  it('breaks at a full-width space too', () => {
    const layout = ogTitleLayout(card('「30日間停戦」受け入れ\u3000米、軍事支援を再開'));
    expect(layout.lines).toEqual(['「30日間停戦」受け入れ', '米、軍事支援を再開']);
  });

  it('splits a phrase wider than a line between characters, never before ー or a small kana', () => {
    const title = 'アンドリーイェルマークウォロディミルゼレンスキーウラジーミルプーチンスティーブウィトコフ';
    expect(titleChunks(title)).toHaveLength(1);
    const layout = ogTitleLayout(card(title, '人物'));
    expect(layout.lines.join('')).toBe(title);
    expect(layout.lines.length).toBeGreaterThan(1);
    for (const line of layout.lines.slice(1)) expect(line).not.toMatch(/^[ーァィゥェォッャュョ]/u);
  });

  it('cuts a title too long for three lines at the smallest size, ending in an ellipsis', () => {
    const layout = ogTitleLayout(card(veryLongTitle));
    expect(layout.truncated).toBe(true);
    expect(layout.fontSize).toBe(OG_TITLE_SIZES[OG_TITLE_SIZES.length - 1]);
    expect(layout.lines.length).toBe(OG_TITLE_MAX_LINES);
    const shown = layout.lines.join('');
    expect(shown.endsWith('…')).toBe(true);
    expect(veryLongTitle.startsWith(shown.slice(0, -1))).toBe(true);
  });
});

describe('renderOgPng', () => {
  it('returns a 1200×630 PNG', async () => {
    const png = await renderOgPng(card('ウクライナ、米停戦案を丸のみ 関係修復を優先'));
    expect(png).toBeInstanceOf(Uint8Array);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(ihdrSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([1200, 630]);
  });

  it.each([longTitle, veryLongTitle])('still renders a valid image for a long title (%#)', async (title) => {
    const png = await renderOgPng(card(title));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(ihdrSize(png)).toEqual({ width: 1200, height: 630 });
    // Decodes completely (a broken PNG would throw here).
    const { info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1200, 630]);
  });

  it('draws real glyphs: titles that differ in one character give different pixels', async () => {
    // Missing glyphs would all be drawn as the same .notdef box ("tofu"), so these would match.
    const pixels = async (title: string) =>
      await sharp(await renderOgPng(card(title, '人物')))
        .raw()
        .toBuffer();
    const [a, b] = await Promise.all([pixels('ルビオ'), pixels('ルビヨ')]);
    expect(a.length).toBe(b.length);
    expect(a.equals(b)).toBe(false);
  });

  it('draws the figure under the title', async () => {
    const plain = card('共同声明7項目のその後', '声明のその後');
    const figure = statusFigureSvg(['done', 'not-done', 'done']);
    const [without, withFigure] = await Promise.all([renderOgPng(plain), renderOgPng({ ...plain, figure })]);
    const rows = async (png: Uint8Array) => {
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      // Rows with any dark pixel, the band and the footer left out.
      const dark: number[] = [];
      for (let y = 20; y < 520; y++)
        for (let x = 0; x < info.width; x++)
          if ((data[(y * info.width + x) * info.channels] ?? 255) < 128) {
            dark.push(y);
            break;
          }
      return dark;
    };
    const [a, b] = await Promise.all([rows(without), rows(withFigure)]);
    // Centred as one block: the title moves up, and the figure's rows come below its last one.
    expect(Math.min(...b)).toBeLessThan(Math.min(...a));
    expect(Math.max(...b)).toBeGreaterThan(Math.max(...a));
  });

  it('cuts a kind label too long for the card at a character, with "…", as long as fits', async () => {
    /** The columns of the label's navy box, in the row through its middle. */
    const labelColumns = async (kind: string) => {
      const { data, info } = await sharp(await renderOgPng(card('ルビオ', kind)))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const navy = (x: number, y: number) => {
        const i = (y * info.width + x) * info.channels;
        return (data[i] ?? 0) < 40 && (data[i + 1] ?? 0) < 60 && (data[i + 2] ?? 0) > 100;
      };
      // The label's first row: the first below the band with navy at its left edge.
      let y = 20;
      while (y < info.height && !navy(81, y)) y++;
      y += 2; // in its top padding, above the text
      let right = 81;
      while (right < info.width && navy(right, y)) right++;
      return right;
    };
    const [short, long] = await Promise.all([labelColumns('人物'), labelColumns('人物・国・組織'.repeat(12))]);
    expect(short).toBeLessThan(200);
    // Cut to the width of the text (1,040 px from x = 80), by less than two characters of 28 px.
    expect(long).toBeLessThanOrEqual(1120);
    expect(long).toBeGreaterThan(1120 - 2 * 28 - 4);
  });

  it('gives the same bytes for cards drawn at once as for cards drawn one at a time', async () => {
    const cards = [
      card('ウクライナ、米停戦案を丸のみ 関係修復を優先'),
      { ...card('共同声明7項目のその後', '声明のその後'), figure: statusFigureSvg(['done', 'not-done']) },
      card(longTitle, ''),
      { ...card('マルコ・ルビオ', '人物・国・組織'.repeat(12)), siteName: siteName.repeat(8) },
    ];
    const together = await Promise.all(cards.map(renderOgPng));
    for (const [i, c] of cards.entries()) expect(Buffer.from(await renderOgPng(c)).equals(Buffer.from(together[i]!))).toBe(true);
  });

  it('is deterministic: the same card gives the same bytes', async () => {
    const c = card('マルコ・ルビオ', '人物');
    const [a, b] = await Promise.all([renderOgPng(c), renderOgPng(c)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('drawableText', () => {
  const font = openSync(ogFontPath) as Font;
  const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

  it('keeps every character the font has, white space and variation selectors included', () => {
    const text = '「30日間停戦」受け入れ\u3000米、軍事支援を再開 𠮷野家 葛\u{E0100}城…';
    expect(drawableText(text)).toBe(text);
  });

  it('draws a character the font lacks as 〓, white space it lacks as a space, and drops invisible ones', () => {
    expect(drawableText('ルビオ😀氏\uFFFD')).toBe('ルビオ〓氏〓');
    expect(drawableText('米\u2009露\u202F会談')).toBe('米 露 会談');
    expect(drawableText('米\u200D露\u3164\u2060会談\uFEFF')).toBe('米露会談');
  });

  it('takes a character as the reader sees it: one 〓 for an emoji of several parts, composed forms the font has', () => {
    expect(drawableText('家族👨\u200D👩\u200D👧と🇯🇵、❤\uFE0F')).toBe('家族〓と〓、〓');
    expect(drawableText('Mu\u0308ller')).toBe('Müller');
    // Only the character that needs it is composed: a compatibility ideograph stays as written.
    expect(drawableText('\uFA10u\u0308')).toBe('\uFA10ü');
  });

  it('leaves nothing for a font of the machine to draw: every character it gives is in the font', () => {
    const awkward = 'ルビオ😀👨\u200D👩 \u2000\u200A\u205F\u1680\u3164\u115F\uFFA0\u2028\u2029\uE000\u0301é𝐀葛\u{E0100}';
    for (const ch of drawableText(awkward)) {
      expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!) || VARIATION_SELECTOR.test(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(
        true,
      );
    }
  });
});

describe('the font', () => {
  it('is the full Noto Sans JP Bold', () => {
    const full = readFileSync(ogFontPath);
    expect(full.length).toBeGreaterThan(5_000_000);
    expect([...full.subarray(0, 4)]).toEqual([0x00, 0x01, 0x00, 0x00]); // sfnt version 1.0 (TrueType outlines)
  });
});
