// The peers of the scale benchmark: the same generated documents built by Starlight and by Astro's
// blog example, cold, on this machine, so that `npm run bench` can compare ms per added page.
//
//   node tests/bench/peers.ts 3 100 300        sizes (documents); default 3 100 300
//
// Starlight is installed from the npm registry into node_modules/.cache/bench-peers/ (once).
// The blog example is not on npm: BENCH_BLOG_EXAMPLE names a checkout of withastro/astro's
// examples/blog (for instance from `git clone https://github.com/withastro/astro`); without it
// that peer is left out. Every document becomes one Markdown page with the generated text.
// Each size is built BENCH_PEER_REPEAT times (default 3) and the median kept.
// Prints a table and writes JSON (BENCH_JSON, default node_modules/.cache/bench/peers-<time>.json).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { generateStory } from './generate.ts';
import { buildEnvironment } from '../../src/tools/build-env.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const node = join(repo, 'node_modules/.bin/node');
const astroVersion = (JSON.parse(readFileSync(join(repo, 'node_modules/astro/package.json'), 'utf8')) as { version: string }).version;
const cacheRoot = join(repo, 'node_modules/.cache/bench-peers');

export interface PeerRun {
  peer: string;
  documents: number;
  pages: number;
  seconds: number;
  heaviest: { path: string; gzBytes: number };
  /** Largest resident set of the cold build in MB (with /usr/bin/time), else undefined. */
  peakMb?: number;
  /** A rebuild after one document's title was edited, every cache kept (the same as ours). */
  warm?: { seconds: number; peakMb?: number };
}

/** The generated documents of a story of `count` documents: title, description and paragraphs. */
function documentsOf(count: number, work: string): Array<{ title: string; description: string; paragraphs: string[] }> {
  const dir = join(work, `story-${count}`);
  generateStory(dir, { documents: Math.max(2, count), actors: count <= 100 ? 100 : Math.min(500, Math.max(100, count / 2)) });
  return readdirSync(join(dir, 'documents'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .slice(0, count)
    .map((f) => {
      const text = readFileSync(join(dir, 'documents', f), 'utf8');
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const data = parseYaml(frontmatter) as { title: string; description: string };
      return { title: data.title, description: data.description, paragraphs: body.split(/\n\n+/).filter((p) => p.trim()) };
    });
}

const yamlString = (s: string) => JSON.stringify(s);

function install(dir: string, pkg: object): void {
  if (existsSync(join(dir, 'node_modules/astro'))) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm install failed in ${dir}`);
}

/** A Starlight site with one docs page per document. */
function starlight(docs: ReturnType<typeof documentsOf>): string {
  const base = join(cacheRoot, 'starlight');
  install(base, {
    name: 'bench-starlight',
    private: true,
    type: 'module',
    dependencies: { astro: astroVersion, '@astrojs/starlight': '^0.42.4', '@astrojs/markdown-remark': '^7.3.1', sharp: '^0.35.0' },
    allowScripts: { esbuild: true, sharp: true },
  });
  rmSync(join(base, 'src'), { recursive: true, force: true });
  mkdirSync(join(base, 'src/content/docs'), { recursive: true });
  writeFileSync(
    join(base, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Bench', defaultLocale: 'root', locales: { root: { label: '日本語', lang: 'ja' } } })] });\n",
  );
  writeFileSync(
    join(base, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  docs.forEach((d, i) =>
    writeFileSync(
      join(base, `src/content/docs/doc-${String(i).padStart(4, '0')}.md`),
      `---\ntitle: ${yamlString(d.title)}\ndescription: ${yamlString(d.description)}\n---\n\n${d.paragraphs.join('\n\n')}\n`,
    ),
  );
  writeFileSync(join(base, 'src/content/docs/index.md'), '---\ntitle: Bench\n---\n\nトップ。\n');
  return base;
}

/** Astro's blog example with one post per document (its own pages, layouts and styles). */
function blog(docs: ReturnType<typeof documentsOf>, example: string): string {
  const base = join(cacheRoot, 'blog');
  const pkg = JSON.parse(readFileSync(join(example, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  install(base, {
    name: 'bench-blog',
    private: true,
    type: 'module',
    dependencies: { ...pkg.dependencies, astro: astroVersion },
    allowScripts: { esbuild: true, sharp: true },
  });
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json']) {
    rmSync(join(base, entry), { recursive: true, force: true });
    cpSync(join(example, entry), join(base, entry), { recursive: true });
  }
  const posts = join(base, 'src/content/blog');
  rmSync(posts, { recursive: true, force: true });
  mkdirSync(posts, { recursive: true });
  docs.forEach((d, i) =>
    writeFileSync(
      join(posts, `post-${String(i).padStart(4, '0')}.md`),
      `---\ntitle: ${yamlString(d.title)}\ndescription: ${yamlString(d.description)}\npubDate: '2030-01-${String(1 + (i % 28)).padStart(2, '0')}'\n---\n\n${d.paragraphs.join('\n\n')}\n`,
    ),
  );
  return base;
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** A build: cold removes dist and Astro's caches first; a warm one keeps them. */
function build(dir: string, cold = true): { seconds: number; pages: number; heaviest: { path: string; gzBytes: number }; peakMb?: number } {
  if (cold)
    for (const d of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, d), { recursive: true, force: true });
  const started = performance.now();
  const command = [node, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'];
  // The environment this project's builds get (src/tools/build-env.ts), so that peak memory compares alike.
  const env = buildEnvironment({ ...process.env, NO_COLOR: '1' });
  const result = timeBin
    ? spawnSync(timeBin, ['-f', 'peak-kb %M', ...command], { cwd: dir, encoding: 'utf8', env })
    : spawnSync(command[0]!, command.slice(1), { cwd: dir, encoding: 'utf8', env });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`build failed in ${dir}:\n${result.stdout}\n${result.stderr}`);
  const kb = /peak-kb (\d+)/.exec(result.stderr)?.[1];
  const html = readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  let heaviest = { path: '', gzBytes: 0 };
  for (const path of html) {
    const gzBytes = gzipSync(readFileSync(join(dir, 'dist', path)), { level: 9 }).length;
    if (gzBytes > heaviest.gzBytes) heaviest = { path, gzBytes };
  }
  return { seconds, pages: html.length, heaviest, ...(kb ? { peakMb: Math.round(Number(kb) / 1024) } : {}) };
}

/** Edits the title of the first generated page of a peer site (the correction a warm rebuild redoes). */
function editOneTitle(dir: string): void {
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(doc|post)-0000\.md$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
  if (pages.length !== 1) throw new Error(`bench: no single first page to edit in ${dir}`);
  const text = readFileSync(pages[0]!, 'utf8');
  writeFileSync(
    pages[0]!,
    text.replace(/^title: (.*)$/m, (_, t: string) => `title: ${JSON.stringify(`${JSON.parse(t) as string}(訂正)`)}`),
  );
}

/** Builds every peer at every size, cold. */
export function measurePeers(sizes: readonly number[]): PeerRun[] {
  const work = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  const example = process.env['BENCH_BLOG_EXAMPLE'];
  const runs: PeerRun[] = [];
  try {
    for (const documents of sizes) {
      const docs = documentsOf(documents, work);
      const peers: Array<[string, () => string]> = [['starlight', () => starlight(docs)]];
      if (example) peers.push(['blog example', () => blog(docs, example)]);
      for (const [peer, make] of peers) {
        const dir = make();
        // The median of a few cold builds (BENCH_PEER_REPEAT, default 3): one build is noisy.
        const repeat = Number(process.env['BENCH_PEER_REPEAT'] ?? 3);
        const all = Array.from({ length: Math.max(1, repeat) }, () => build(dir)).sort((a, b) => a.seconds - b.seconds);
        const run = all[Math.floor(all.length / 2)]!;
        editOneTitle(dir);
        const { seconds, peakMb } = build(dir, false);
        const warm = { seconds, ...(peakMb ? { peakMb } : {}) };
        console.log(
          `  ${peer}, ${documents} documents: ${run.pages} pages in ${run.seconds.toFixed(1)} s${run.peakMb ? ` (peak ${run.peakMb} MB)` : ''}; after one edited title ${warm.seconds.toFixed(1)} s`,
        );
        runs.push({ peer, documents, ...run, warm });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!example) console.log('  (blog example left out: set BENCH_BLOG_EXAMPLE to a checkout of withastro/astro/examples/blog)');
  return runs;
}

/** ms per page added from one size to the next, per peer, cold and (where measured) warm. */
export function perAddedPage(
  runs: ReadonlyArray<{ peer: string; pages: number; seconds: number; warm?: { seconds: number } }>,
): Array<{ peer: string; from: number; to: number; ms: number; warmMs?: number }> {
  const out: Array<{ peer: string; from: number; to: number; ms: number; warmMs?: number }> = [];
  for (const peer of new Set(runs.map((r) => r.peer))) {
    const mine = runs.filter((r) => r.peer === peer);
    for (let i = 1; i < mine.length; i++) {
      const a = mine[i - 1]!;
      const b = mine[i]!;
      const added = b.pages - a.pages;
      const warmMs = a.warm && b.warm ? ((b.warm.seconds - a.warm.seconds) * 1000) / added : undefined;
      out.push({
        peer,
        from: a.pages,
        to: b.pages,
        ms: ((b.seconds - a.seconds) * 1000) / added,
        ...(warmMs === undefined ? {} : { warmMs }),
      });
    }
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  const runs = measurePeers(sizes.length ? sizes : [3, 100, 300]);
  for (const r of perAddedPage(runs)) console.log(`${r.peer}: ${r.from} → ${r.to} pages, ${r.ms.toFixed(1)} ms per added page`);
  const out =
    process.env['BENCH_JSON'] ?? join(repo, 'node_modules/.cache/bench', `peers-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ runs, perAddedPage: perAddedPage(runs) }, null, 2));
  console.log(`JSON: ${out}`);
}
