// Site, base, integrations and the Markdown pipeline — nothing else. Environment values come from src/config.ts.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { siteUrl, basePath } from './src/config.ts';
import { remarkPlugins, rehypePlugins, storyInputsOf, takeNotices, compilerVersion, mdxOptions } from './src/markdown.ts';
import { withCompileCache } from './src/mdx-cache.ts';
import { offline } from './src/integrations/offline.ts';
import { publicUrlNotice } from './src/integrations/public-url.ts';
import sitemap from '@astrojs/sitemap';
import { pageFileUrl } from './src/lib/view/urls.ts';
import { inlineScriptHashes } from './src/integrations/inline-scripts.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { previewImages } from './src/integrations/preview-images.ts';
import { incrementalGuard } from './src/integrations/incremental-guard.ts';

export default defineConfig({
  ...(siteUrl ? { site: siteUrl } : {}),
  base: basePath,
  // Pages end in .html and every internal link is relative (src/lib/view/urls.ts), so one build works
  // on any static host, under any sub-path, and straight from the disk (file://).
  // concurrency: four pages at a time, so that one page's file write overlaps the next one's
  // rendering (the render phase at 1,000 documents: 10.2 → 7.9 s; tests/bench/README.md).
  build: { format: 'file', inlineStylesheets: 'always', concurrency: 4 },
  trailingSlash: 'never',
  // A rebuild copies a page from the last build when its data (the cacheKey of getStaticPaths, see
  // src/lib/view/page-key.ts) and its code are unchanged: a correction re-renders the pages that
  // show it. `--force` renders every page.
  experimental: { incrementalBuild: true },
  // The sitemap needs absolute URLs, so it exists only when the origin is known.
  // searchIndex() writes search/search.js and previewImages() the og/*.png before offline() lists
  // the files of the build.
  integrations: [
    // The documents' bodies are rendered while the content loads (src/render-body.ts), with these
    // same options; the integration renders any other .mdx file.
    mdx(mdxOptions),
    incrementalGuard(),
    searchIndex(),
    previewImages(),
    offline(),
    publicUrlNotice(),
    ...(siteUrl ? [sitemap({ serialize: (item) => ({ ...item, url: pageFileUrl(item.url) }) })] : []),
  ],
  // A Content Security Policy in every page: scripts and styles only by hash (Astro adds the hashes
  // of the inline ones), nothing from another host, no plugins, no <base> tricks.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      // 'self': the search page loads its script and index shards as same-origin files.
      scriptDirective: { hashes: inlineScriptHashes(), resources: ["'self'"] },
    },
  },
  // The one Markdown pipeline: every MDX body is rendered once, here. The story's plugins (paragraph
  // ids, actor mentions, readings, date markers, permalinks) are in src/markdown.ts.
  markdown: {
    syntaxHighlight: false,
    // The compile of each body is kept between builds (src/mdx-cache.ts): a correction recompiles
    // the document it touches, not all of them.
    processor: withCompileCache(
      unified({
        // GFM through remark-gfm, without single-tilde strikethrough: "3~5日" must stay as written.
        gfm: false,
        // Quotes and dashes stay exactly as the source has them.
        smartypants: false,
        remarkPlugins: [[remarkGfm, { singleTilde: false }], ...remarkPlugins],
        rehypePlugins,
      }),
      {
        cacheDir: fileURLToPath(new URL('./node_modules/.cache/mdx/', import.meta.url)),
        inputsOf: storyInputsOf,
        version: compilerVersion,
        takeNotices,
      },
    ),
  },
});
