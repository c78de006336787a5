// The preview images' cache (src/integrations/preview-images.ts): an unchanged image is copied,
// not rendered; a changed card renders exactly its own image again; and no entry outlives the
// inputs it was made from.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cardKey,
  rendererVersion,
  startRendering,
  writePreviewImages,
  type PreviewImageJob,
} from '../../../src/integrations/preview-images.ts';
import { drawingEnvironmentOf } from '../../../src/config.ts';
import { ogFontPath } from '../../../src/lib/sharing/og-font.ts';

const work = mkdtempSync(join(tmpdir(), 'preview-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const siteName = '架空の特集';
const jobs: PreviewImageJob[] = [
  { route: 'index.html', card: { title: '港湾協定のゆくえ', kind: '特集', siteName } },
  { route: 'articles/report.html', card: { title: 'アルテア、協定に署名', kind: '解説', siteName } },
  { route: 'actors/altea.html', card: { title: 'アルテア', kind: '国', siteName } },
];
const cacheDir = join(work, 'cache');
const build = (name: string, list: readonly PreviewImageJob[], version?: string) =>
  writePreviewImages({ jobs: list, outDir: join(work, name), cacheDir, threads: 2, ...(version ? { version } : {}) });
const png = (name: string, route: string) => readFileSync(join(work, name, 'og', route.replace(/\.html$/, '.png')));

// One scenario, build after build: the tests run in this order.
describe('writePreviewImages', { shuffle: false }, () => {
  it('renders every image of a first build, on worker threads, as PNG files under og/', async () => {
    const result = await build('first', jobs);
    expect(result).toEqual({ rendered: jobs.map((j) => j.route), copied: [] });
    expect([...png('first', 'articles/report.html').subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('renders nothing when nothing changed, and copies the same bytes', async () => {
    const result = await build('second', jobs);
    expect(result).toEqual({ rendered: [], copied: jobs.map((j) => j.route) });
    for (const { route } of jobs) expect(png('second', route).equals(png('first', route))).toBe(true);
  });

  it('renders exactly the image whose title changed, and drops the entry of the old title', async () => {
    const edited = jobs.map((j) => (j.route === 'articles/report.html' ? { ...j, card: { ...j.card, title: 'アルテア、協定に調印' } } : j));
    const result = await build('third', edited);
    expect(result.rendered).toEqual(['articles/report.html']);
    expect(result.copied).toEqual(['index.html', 'actors/altea.html']);
    expect(png('third', 'articles/report.html').equals(png('first', 'articles/report.html'))).toBe(false);
    expect(readdirSync(cacheDir).sort()).toEqual(edited.map((j) => `${cardKey(j.card, version)}.png`).sort());
  });

  it('renders everything again when the renderer changes (font, libraries, layout code)', async () => {
    const result = await build('fourth', jobs, 'another renderer');
    expect(result.rendered.length).toBe(jobs.length);
  });

  it('draws while the build runs: threads that join later share the queue, and each image is drawn once', async () => {
    const rendering = startRendering({ jobs, cacheDir, threads: 1, version: 'drawn early' });
    rendering.addThreads(1);
    const result = await writePreviewImages({ jobs, outDir: join(work, 'fifth'), cacheDir, version: 'drawn early', rendering });
    expect(result).toEqual({ rendered: jobs.map((j) => j.route), copied: [] });
    // The threads together drew each missing image exactly once.
    expect((await rendering.done).drawn).toBe(jobs.length);
    expect(readdirSync(cacheDir).sort()).toEqual(jobs.map((j) => `${cardKey(j.card, 'drawn early')}.png`).sort());
    for (const { route } of jobs) expect(png('fifth', route).subarray(1, 4).toString()).toBe('PNG');
  });
});

const version = await rendererVersion();

describe('rendererVersion', () => {
  it('is the same for the same inputs, and changes with each variable the drawing library reads', async () => {
    expect(await rendererVersion()).toBe(version);
    const versions = await Promise.all(
      [
        {},
        { FREETYPE_PROPERTIES: 'cff:no-stem-darkening=0' },
        { NAPI_RS_NATIVE_LIBRARY_PATH: ogFontPath },
        { NAPI_RS_FORCE_WASI: '1' },
      ].map((env) => rendererVersion(drawingEnvironmentOf(env))),
    );
    expect(new Set(versions).size).toBe(4);
  });
});

describe('cardKey', () => {
  it('depends on every field of the card and on the renderer', () => {
    const card = jobs[1]!.card;
    const keys = [
      cardKey(card, version),
      cardKey({ ...card, title: `${card.title}。` }, version),
      cardKey({ ...card, kind: 'インタビュー' }, version),
      cardKey({ ...card, siteName: '別の特集' }, version),
      cardKey({ ...card, figure: '<svg/>' }, version),
      cardKey(card, `${version}x`),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(cardKey({ ...card }, version)).toBe(keys[0]);
  });
});
