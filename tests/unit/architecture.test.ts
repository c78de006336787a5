// The data flows one way: content/ → schemas and the join (src/lib/content) → cross-references
// (src/lib/crossref) → view models (src/lib/view, search, sharing) → pages. This test reads every
// import of src/ and fails on one that runs against that direction, naming the file and the import.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repoRoot } from './load-content.ts';

const src = join(repoRoot, 'src');

/** The groups of src/lib, and which other groups each may import (values; types are free). */
const allowed: Record<string, readonly string[]> = {
  content: [],
  furigana: ['content'],
  crossref: ['content'],
  view: ['content', 'crossref'],
  search: ['content', 'crossref', 'view'],
  sharing: ['content', 'crossref', 'view'],
  offline: [],
};

/** Pages, components and layouts lay out view models: they may not read or join content. */
const forbiddenInPages = [
  'lib/content',
  'lib/crossref',
  'loaders.ts',
  'story-sources.ts',
  'story-folder.ts',
  'markdown.ts',
  'render-body.ts',
  'render-body-worker.ts',
  'mdx-cache.ts',
];

interface Import {
  file: string;
  target: string;
  typeOnly: boolean;
}

function imports(): Import[] {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro|mjs|js)$/.test(f));
  return files.flatMap((file) => {
    const text = readFileSync(join(src, file), 'utf8');
    // Static imports and re-exports (a multi-line list of names included) and dynamic import().
    const statics = [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)].map((m) => ({
      spec: m[2]!,
      typeOnly: Boolean(m[1]),
    }));
    const dynamics = [...text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false }));
    return [...statics, ...dynamics].map(({ spec, typeOnly }) => ({
      file: file.split(sep).join('/'),
      target: relative(src, resolve(dirname(join(src, file)), spec))
        .split(sep)
        .join('/'),
      typeOnly,
    }));
  });
}

const groupOf = (path: string): string | undefined => /^lib\/([^/]+)\//.exec(path)?.[1];
const isPage = (path: string): boolean => /^(pages|components|layouts)\//.test(path);

describe('import direction', () => {
  const all = imports();

  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((i) => i.file === 'lib/content/story.ts' && i.target === 'lib/content/schema.ts')).toBe(true);
    // A list of names over several lines, and a dynamic import, are read too.
    expect(all.some((i) => i.file === 'story-sources.ts' && i.target === 'lib/content/schema.ts')).toBe(true);
    expect(all.some((i) => i.file === 'integrations/preview-images.ts' && i.target === 'lib/sharing/og-image.ts' && !i.typeOnly)).toBe(
      true,
    );
  });

  it('src/lib groups import only the groups before them', () => {
    const wrong = all
      .filter((i) => !i.typeOnly)
      .filter((i) => {
        const from = groupOf(i.file);
        const to = groupOf(i.target);
        if (!from) return false;
        if (!to) return true; // src/lib never reaches out to the Astro glue
        return to !== from && !allowed[from]!.includes(to);
      })
      .map((i) => `${i.file} imports ${i.target}`);
    expect(wrong).toEqual([]);
  });

  it('pages, components and layouts never read, join or cross-reference the content themselves', () => {
    const wrong = all
      .filter((i) => isPage(i.file) && !i.typeOnly && forbiddenInPages.some((f) => i.target.startsWith(f)))
      .map((i) => `${i.file} imports ${i.target}`);
    expect(wrong).toEqual([]);
  });

  // The store keeps where a body's HTML is, not the HTML (src/loaders.ts): astro:content's render()
  // would give an empty body without a word, so the pages take it from bodyHtml (src/data.ts).
  it("no page renders an entry with astro:content's render(), which would give an empty body", () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro|mjs|js)$/.test(f));
    const rendering = files.filter((file) =>
      [...readFileSync(join(src, file), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]astro:content['"]/g)].some((m) =>
        /\brender\b/.test(m[1]!),
      ),
    );
    expect(rendering).toEqual([]);
    // And the pages that show a body do take it from there.
    expect(files.filter((f) => readFileSync(join(src, f), 'utf8').includes('await bodyHtml(')).sort()).toEqual([
      'pages/about.astro',
      'pages/articles/[doc].astro',
    ]);
  });

  it('only the search page takes the data of virtual:search-page, which changes with the index (every other page would be rendered again in every rebuild)', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .map((f) => f.split(sep).join('/'))
      .filter((f) => /\.(ts|astro|mjs|js)$/.test(f) && !f.endsWith('.d.ts'));
    // Any import of it: from, a bare import, a dynamic import().
    const importing = files.filter((f) =>
      /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]virtual:search-page['"]/.test(readFileSync(join(src, f), 'utf8')),
    );
    expect(importing).toEqual(['search-page.ts']);
    // And src/search-page.ts however it is named (with or without its extension), types aside.
    const users = all.filter((i) => /^search-page(\.[jt]s)?$/.test(i.target) && !i.typeOnly).map((i) => i.file);
    expect(users).toEqual(['pages/search.astro']);
  });

  // A page copied by an incremental build (src/lib/view/page-key.ts) shows only what its key holds:
  // its view and what siteFrame and correctionsFor give. A component or layout that read the story
  // itself would show data no key holds.
  it('components and layouts read the story only through what the pages’ cache keys hash', () => {
    const readers = all.filter((i) => /^(components|layouts)\//.test(i.file) && i.target === 'data.ts' && !i.typeOnly).map((i) => i.file);
    expect(readers.sort()).toEqual(['components/Corrections.astro', 'components/ParagraphLink.astro', 'layouts/BaseLayout.astro']);
    const text = (file: string) => readFileSync(join(src, file), 'utf8');
    const count = (file: string, pattern: RegExp) => (text(file).match(pattern) ?? []).length;
    // The one read of each, and nothing else taken from what it gives.
    expect(count('layouts/BaseLayout.astro', /getStory\(/g)).toBe(1);
    expect(text('layouts/BaseLayout.astro')).toMatch(/const \{ story, tracker \} = siteFrame\(await getStory\(\)\);/);
    expect(count('components/Corrections.astro', /getStory\(/g)).toBe(1);
    // In its code (the frontmatter, comments left out): read once, used once.
    const code = text('components/Corrections.astro')
      .split('---')[1]!
      .replace(/^\s*\/\/.*$/gm, '');
    expect(code.match(/\bcorrections\b/g)?.length).toBe(2);
    expect(text('components/Corrections.astro')).toMatch(/const mine = correctionsFor\(corrections, route\);/);
    // Nor any component or layout reading the collections directly.
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /^(components|layouts)\/.*\.astro$/.test(f.split(sep).join('/')),
    );
    expect(files.filter((f) => /astro:content/.test(text(f)))).toEqual([]);
    // ParagraphLink reads the paragraphs itself: only the timeline's pages, which have no key, use it.
    const users = (target: string) => all.filter((i) => i.target === target && !i.typeOnly).map((i) => i.file);
    expect(users('components/ParagraphLink.astro')).toEqual(['components/EventItem.astro']);
    expect(users('components/EventItem.astro')).toEqual(['components/TimelineMonths.astro']);
    expect(users('components/TimelineMonths.astro').sort()).toEqual(['pages/timeline.astro', 'pages/timeline/[period].astro']);
    const keyed = all.filter((i) => i.file.startsWith('pages/') && /cacheKey:/.test(text(i.file))).map((i) => i.file);
    expect([...new Set(keyed)].sort()).toEqual(['pages/actors/[id].astro', 'pages/articles/[doc].astro']);
    // The keyed pages lay out their props; what they take from the story besides is the frame.
    for (const page of new Set(keyed)) {
      const afterPaths = text(page)
        .split(/\n\}\n/)
        .slice(1)
        .join('\n}\n');
      expect(afterPaths.match(/getStory\(\)/g)?.length ?? 0, page).toBe(afterPaths.match(/siteFrame\(await getStory\(\)\)/g)?.length ?? 0);
    }
  });
});
