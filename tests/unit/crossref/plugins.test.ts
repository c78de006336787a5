// The story's Markdown plugins, through the production processor: the unified() processor of
// astro.config.mjs compiles each fixture's input.mdx as MDX exactly as the build does, and Astro's
// own MDX renderer (the container API) turns it into HTML, which must equal output.html byte for
// byte. Each input stands as the document <fixture name> of the made-up content folder
// fixtures/_story (its actors, joint forms and events); `not-a-document` stands in pages/.
// Regenerate the outputs on purpose only: UPDATE_FIXTURES=1 npm run test:unit
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { unified } from '@astrojs/markdown-remark';
import { Fragment } from 'astro/jsx-runtime';
import config from '../../../astro.config.mjs';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const story = join(fixtures, '_story');
// The processor of astro.config.mjs with its own options, without the compile cache around it
// (src/mdx-cache.ts, tested on its own), so that the plugins run on every test run.
const production = unified((config.markdown!.processor as ReturnType<typeof unified>).options);

const container = await AstroContainer.create({
  renderers: [{ ...getContainerRenderer(), ssr: (await import('@astrojs/mdx/server.js')).default }],
});

/** HTML of an MDX body compiled by `processor` as the file at `path`. */
async function render(processor: ReturnType<typeof unified>, source: string, path: string): Promise<string> {
  // As @astrojs/mdx passes them: the processor's own settings, MDX's defaults otherwise; and
  // optimize, as astro.config.mjs sets it.
  const { gfm = true, smartypants = true } = processor.options;
  const renderer = await processor.createMdxRenderer!(
    { gfm, smartypants },
    { srcDir: new URL('../../../src/', import.meta.url), optimize: true },
  );
  const { code } = await renderer.process(source, path, {});
  // The compiled module imports Astro's runtime by bare name: resolve it here, then load the code.
  const resolved = code.replace(/from "(astro\/[^"]+)"/g, (_, name: string) => `from "${import.meta.resolve(name)}"`);
  const module = await import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(resolved).toString('base64')}`);
  // As Astro's MDX integration does after compiling: the optimised parts need Fragment.
  return container.renderToString(module.default, { props: { components: { Fragment } } });
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
    const twice = unified({
      ...options,
      remarkPlugins: [...remarkPlugins, ...remarkPlugins],
      rehypePlugins: [...rehypePlugins, ...rehypePlugins],
    });
    const input = readFileSync(join(fixtures, name, 'input.mdx'), 'utf8');
    expect(await render(twice, input, pathOf(name))).toBe(readFileSync(join(fixtures, name, 'output.html'), 'utf8'));
  });
});
