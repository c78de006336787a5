// The story's Markdown plugins, through the production processor: the unified() processor of
// astro.config.mjs compiles each fixture's input.mdx as MDX and Astro's own MDX renderer (the
// container API) turns it into HTML, both through the renderer of the documents' loader's worker
// thread (src/render-body.ts), as the build does; the HTML must equal output.html byte for byte.
// Each input stands as the document <fixture name> of the made-up content folder
// fixtures/_story (its actors, joint forms and events); `not-a-document` stands in pages/.
// Regenerate the outputs on purpose only: UPDATE_FIXTURES=1 npm run test:unit
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import { unified } from '@astrojs/markdown-remark';
import config from '../../../astro.config.mjs';
import { createInProcessRenderer, renderSettings } from '../../../src/render-body.ts';
import { mdxOptions, rehypeParagraphsAsHtml } from '../../../src/markdown.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const story = join(fixtures, '_story');
// The processor of astro.config.mjs with its own options, without the compile cache around it
// (src/mdx-cache.ts, tested on its own), so that the plugins run on every test run.
const production = unified((config.markdown!.processor as ReturnType<typeof unified>).options);

const work = mkdtempSync(join(tmpdir(), 'plugins-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let renders = 0;

/** HTML of an MDX body compiled by `processor` as the file at `path`, as the documents' loader renders it. */
async function render(processor: ReturnType<typeof unified>, source: string, path: string): Promise<string> {
  // What the renderer reads of Astro's resolved config; the MDX options are the build's.
  const root = new URL('../../../', import.meta.url);
  const astroConfig = { root, srcDir: new URL('src/', root), markdown: { processor } } as unknown as AstroConfig;
  // An empty cache for each render, so that every test runs its compiled body.
  const renderer = await createInProcessRenderer(processor, renderSettings(astroConfig, mdxOptions, join(work, String(++renders))));
  return readFileSync((await renderer(source, path, {})).file, 'utf8');
}

const pathOf = (name: string) => join(story, name === 'not-a-document' ? 'pages' : 'documents', `${name}.mdx`);
const cases = readdirSync(fixtures).filter((name) => !name.startsWith('_'));

describe('the Markdown pipeline of astro.config.mjs', () => {
  it.each(cases)('%s: input.mdx renders as output.html', async (name) => {
    const input = readFileSync(join(fixtures, name, 'input.mdx'), 'utf8');
    const html = await render(production, input, pathOf(name));
    const expected = join(fixtures, name, 'output.html');
    if (process.env['UPDATE_FIXTURES']) writeFileSync(expected, html);
    expect(html).toBe(readFileSync(expected, 'utf8'));
  });

  it.each(cases)('%s: running every plugin twice changes nothing', async (name) => {
    const { remarkPlugins = [], rehypePlugins = [], ...options } = production.options;
    // The paragraphs handed on as HTML are out of the plugins' reach: the second run comes before it.
    const beforeHandOn = rehypePlugins.filter((plugin) => plugin !== rehypeParagraphsAsHtml);
    expect(beforeHandOn).toHaveLength(rehypePlugins.length - 1);
    const twice = unified({
      ...options,
      remarkPlugins: [...remarkPlugins, ...remarkPlugins],
      rehypePlugins: [...beforeHandOn, ...rehypePlugins],
    });
    const input = readFileSync(join(fixtures, name, 'input.mdx'), 'utf8');
    expect(await render(twice, input, pathOf(name))).toBe(readFileSync(join(fixtures, name, 'output.html'), 'utf8'));
  });
});
