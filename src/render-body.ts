// Every document body is turned into HTML here, once, while the content is loaded: with the one
// Markdown processor of astro.config.mjs (its MDX renderer, as @astrojs/mdx calls it, compile cache
// included), then Astro's own MDX renderer (the container API) runs the compiled module. The
// loader keeps the HTML in the content layer's store, as Astro's glob loader does for Markdown.
//
// Why not let @astrojs/mdx render each body as a module of the build (deferred rendering)? Every
// body with readings on every word then became one large JavaScript module that Vite bundled and
// the build kept in memory: at 1,000 documents about 7 s of every rebuild and most of the build's
// peak memory (tests/bench/README.md). As HTML in the store, a body costs the build one string.
import type { AstroConfig } from 'astro';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the store keeps of a rendered body: where its HTML is, and its headings. */
export interface RenderedBody {
  /** The file holding the body's HTML (named by a hash of what made it). */
  file: string;
  headings: MarkdownHeading[];
}

export type BodyRenderer = (body: string, filePath: string, frontmatter: Record<string, unknown>) => Promise<RenderedBody>;

/** The MDX options of the build (astro.config.mjs passes the same to the MDX integration). */
export interface MdxOptions {
  optimize: boolean;
}

interface CompiledBody {
  default: (props: Record<string, unknown>) => unknown;
  getHeadings?: () => MarkdownHeading[];
}

interface Rendered {
  html: string;
  headings: MarkdownHeading[];
}

const week = 7 * 24 * 3600 * 1000;

/** Deletes the bodies no build has used for a week, and temporary files left by a stopped build. */
async function prune(dir: string, now = Date.now()): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const path = join(dir, name);
    const age = now - ((await stat(path).catch(() => undefined))?.mtimeMs ?? now);
    if (age > week || (name.endsWith('.tmp') && age > 3600 * 1000)) await rm(path, { force: true }).catch(() => {});
  }
}

let writes = 0;

/** Writes `text` to `file` under another name first, so that a stopped build leaves no broken file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${++writes}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/**
 * A module loaded by Node itself. The loaders run inside Vite's module runner, where Astro's
 * container would look for the build's virtual modules; a data: URL is always left to Node, and
 * the modules it imports (absolute file URLs) with it.
 */
const nativeImport = async <T>(href: string): Promise<T> =>
  (
    (await import(/* @vite-ignore */ `data:text/javascript,import * as m from ${JSON.stringify(href)}; export default m;`)) as {
      default: T;
    }
  ).default;

const dataUrl = (code: string) => `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;

/** Astro's MDX renderer, loaded by Node itself (see nativeImport). */
async function createMdxRunner(href: (name: string) => string): Promise<(code: string) => Promise<Rendered>> {
  const [{ experimental_AstroContainer: AstroContainer }, { getContainerRenderer }, mdxServer, { Fragment }] = await Promise.all([
    nativeImport<typeof import('astro/container')>(href('astro/container')),
    nativeImport<typeof import('@astrojs/mdx/container-renderer')>(href('@astrojs/mdx/container-renderer')),
    nativeImport<{ default: unknown }>(href('@astrojs/mdx/server.js')),
    nativeImport<typeof import('astro/jsx-runtime')>(href('astro/jsx-runtime')),
  ]);
  const container = await AstroContainer.create({ renderers: [{ ...getContainerRenderer(), ssr: mdxServer.default as never }] });
  return async (code) => {
    // The compiled body names Astro's runtime by package name, which a data: URL cannot resolve.
    const module = (await import(
      /* @vite-ignore */ dataUrl(code.replace(/from "(astro\/[^"]+)"/g, (_, name: string) => `from "${href(name)}"`))
    )) as CompiledBody;
    // As @astrojs/mdx's wrapper of every compiled body does: the static parts need Fragment.
    const html = await container.renderToString(module.default as never, { props: { components: { Fragment } } });
    return { html, headings: module.getHeadings?.() ?? [] };
  };
}

/**
 * A renderer of bodies with the Markdown processor and MDX options of `config`. The HTML of each
 * body is kept in `cacheDir` under a hash of its compiled code and of the versions of Astro and its
 * MDX renderer, so a body compiled before (src/mdx-cache.ts) is not run again.
 */
export async function createBodyRenderer(config: AstroConfig, mdx: MdxOptions, cacheDir: string): Promise<BodyRenderer> {
  const { processor, syntaxHighlight, shikiConfig, gfm, smartypants } = config.markdown;
  if (!processor.createMdxRenderer) throw new Error(`The Markdown processor "${processor.name}" cannot render MDX.`);
  // The same arguments as @astrojs/mdx passes (its vite-plugin-mdx.js), so the compile cache of
  // src/mdx-cache.ts keys a body the same way whoever asks.
  // (Astro's resolved config types its optional fields `| undefined`, the processor's do not.)
  const shared = { syntaxHighlight, shikiConfig, gfm, smartypants } as Parameters<typeof processor.createMdxRenderer>[0];
  const renderer = await processor.createMdxRenderer(shared, { optimize: mdx.optimize, srcDir: config.srcDir });
  const require = createRequire(join(fileURLToPath(config.root), 'package.json'));
  const href = (name: string) => pathToFileURL(require.resolve(name)).href;
  const versions = ['astro', '@astrojs/mdx'].map((name) => (require(`${name}/package.json`) as { version: string }).version).join(' ');
  await mkdir(cacheDir, { recursive: true });
  await prune(cacheDir);
  // Loaded only when a body is not in the cache: a rebuild after a correction runs one body.
  let run: Promise<(code: string) => Promise<Rendered>> | undefined;
  return async (body, filePath, frontmatter) => {
    const { code } = await renderer.process(body, filePath, frontmatter);
    const key = createHash('sha256').update(versions).update('\0').update(code).digest('hex');
    const file = join(cacheDir, `${key}.html`);
    const headingsFile = join(cacheDir, `${key}.json`);
    try {
      const headings = JSON.parse(await readFile(headingsFile, 'utf8')) as MarkdownHeading[];
      const now = new Date();
      await Promise.all([utimes(file, now, now), utimes(headingsFile, now, now)]);
      return { file, headings };
    } catch {
      // not kept yet, or kept in part: render it
    }
    const { html, headings } = await (await (run ??= createMdxRunner(href)))(code);
    // The HTML first: a headings file says its body is complete.
    await writeAtomically(file, html);
    await writeAtomically(headingsFile, JSON.stringify(headings));
    return { file, headings };
  };
}
