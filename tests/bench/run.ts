// Scale benchmark: builds the real story and synthetic stories of growing size with the real
// pipeline (`astro build` in the repository, STORY_DIR pointing at the story), one after another,
// and prints build time, time per page, peak memory and output size.
//
//   node tests/bench/run.ts                 real, 100 and 1000 documents
//   node tests/bench/run.ts 100             only 100 documents (100 actors)
//   node tests/bench/run.ts real 300x200    the real story, then 300 documents with 200 actors
//   node tests/bench/run.ts tests/fixtures/story   any existing content folder
//
// Sizes: "real" (content/), "<documents>" (actors: 100 for ≤100 documents, 500 for 1000, else
// documents/2 within 100–500), "<documents>x<actors>", or the path of a content folder.
// Environment: BENCH_KEEP=1 keeps the temporary folder (stories, builds, logs);
// BENCH_FORCE=0 builds without --force, reusing Astro's content cache (node_modules/.astro), and
// rebuilds with --force only when the output does not match the story (see `verify`);
// BENCH_CPU_PROF=1 writes a V8 CPU profile of each build into the temporary folder (implies keep;
// summarise with tests/bench/profile-summary.ts); BENCH_MEMORY=proc measures peak memory by polling
// /proc even where /usr/bin/time exists.
// BENCH_ISOLATE=1 builds a snapshot of the repository (everything but node_modules, which is linked,
// and build output) in the temporary folder with its own Astro cache, for when other builds run in
// this checkout at the same time (they share .astro/ and node_modules/.astro/ and break each other).
// SITE_URL and BASE_PATH are passed through to the builds unchanged.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { generateStory } from './generate.ts';
import { measurePeers, perAddedPage, type PeerRun } from './peers.ts';
import { buildTokenizer } from '../../src/lib/furigana/annotate.ts';
import { buildEnvironment } from '../../src/tools/build-env.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const nodeBin = join(repo, 'node_modules/.bin');
const node = join(nodeBin, 'node');
const astroCli = join(
  repo,
  'node_modules/astro',
  JSON.parse(readFileSync(join(repo, 'node_modules/astro/package.json'), 'utf8')).bin.astro,
);
const timeBin = existsSync('/usr/bin/time') && process.env['BENCH_MEMORY'] !== 'proc' ? '/usr/bin/time' : undefined;
const keep = process.env['BENCH_KEEP'] === '1' || process.env['BENCH_CPU_PROF'] === '1';
// --force by default: Astro's glob loader keeps a cached document whose id and content are
// unchanged together with its old file path, so after a STORY_DIR switch it can import the MDX of
// another (possibly deleted) story folder. Page counts cannot tell (the ids are the same). A cold
// cache is also what a fresh checkout or CI builds with.
const alwaysForce = process.env['BENCH_FORCE'] !== '0';
const cpuProf = process.env['BENCH_CPU_PROF'] === '1';

/** Pages that exist whatever the story: home, timeline, glossary (actors.html), 404. */
const FIXED_PAGES = ['index.html', 'timeline.html', 'actors.html', 'about.html', 'search.html', '404.html'];

interface Spec {
  name: string;
  /** A content folder to build as it is … */
  dir?: string;
  /** … or a story to generate. */
  documents?: number;
  actors?: number;
}

interface Result {
  name: string;
  documents: number;
  actors: number;
  pages: number;
  seconds: number;
  peakMb: number | undefined;
  cpuSeconds: number | undefined;
  distBytes: number;
  largest: { path: string; bytes: number; gzBytes: number };
  pngs: number;
  forced: boolean;
  phases: Phases;
  /** The preview images of the cold build (all rendered: the cache starts empty). */
  images: ImageLine | undefined;
  /** Bytes of the search index (search/), and of its meta file gzipped (loaded by every query). */
  search: { bytes: number; metaGzBytes: number };
  /** The rebuild after editing one document's title, with the caches of the cold build. */
  warm: { copiedPages: number; seconds: number; peakMb: number | undefined; cpuSeconds: number | undefined; images: ImageLine | undefined };
}

interface ImageLine {
  count: number;
  seconds: number;
  rendered: number;
  copied: number;
}

/** The preview-images integration's log line. */
function imageLine(log: string): ImageLine | undefined {
  const m = /\[preview-images\] (\d+) preview images in ([\d.]+) s: (\d+) rendered, (\d+) from the cache/.exec(
    stripVTControlCharacters(log),
  );
  return m ? { count: Number(m[1]), seconds: Number(m[2]), rendered: Number(m[3]), copied: Number(m[4]) } : undefined;
}

/** Edits the title of the story's first document (the correction a warm rebuild redoes); gives the file and the title before. */
function editOneTitle(storyDir: string): { file: string; before: string } {
  const dir = join(storyDir, 'documents');
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()[0]!;
  const text = readFileSync(join(dir, file), 'utf8');
  let before: string | undefined;
  writeFileSync(
    join(dir, file),
    text.replace(/^title: (["']?)(.*?)\1$/m, (_, q: string, t: string) => {
      before = t;
      return `title: ${q}${t}(訂正)${q}`;
    }),
  );
  if (before === undefined) throw new Error(`bench: no title line to edit in ${file}`);
  return { file, before };
}

function parseSpec(arg: string): Spec {
  if (arg === 'real') return { name: 'real', dir: join(repo, 'content') };
  const sized = /^(\d+)(?:x(\d+))?$/.exec(arg);
  if (sized) {
    const documents = Number(sized[1]);
    const actors = sized[2] ? Number(sized[2]) : defaultActors(documents);
    return { name: `gen-${documents}x${actors}`, documents, actors };
  }
  const dir = resolve(process.cwd(), arg);
  if (existsSync(join(dir, 'documents'))) return { name: basename(dir), dir };
  throw new Error(`"${arg}" is not a size ("real", "100", "1000", "300x200") nor a content folder with documents/`);
}

function defaultActors(documents: number): number {
  if (documents <= 100) return 100;
  return Math.min(500, Math.max(100, Math.round(documents / 2)));
}

// ── Output ──────────────────────────────────────────────────────────────────────────────────────

interface DistStats {
  html: string[];
  pngs: number;
  bytes: number;
}

function distStats(root: string): DistStats {
  const stats: DistStats = { html: [], pngs: 0, bytes: 0 };
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    stats.bytes += statSync(path).size;
    if (entry.name.endsWith('.html')) stats.html.push(relative(root, path));
    if (entry.name.endsWith('.png')) stats.pngs++;
  }
  return stats;
}

interface Expected {
  /** Document id → title, from the frontmatter. */
  titles: Map<string, string>;
  documents: number;
  actors: number;
}

/** What a content folder holds: the pages the build must make, and each document's title. */
function contentOf(dir: string): Expected {
  const titles = new Map<string, string>();
  for (const file of readdirSync(join(dir, 'documents')).filter((f) => f.endsWith('.mdx'))) {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, 'documents', file), 'utf8'))?.[1] ?? '';
    const data = (parseYaml(frontmatter) ?? {}) as { title?: unknown };
    titles.set(file.replace(/\.mdx$/, ''), String(data.title ?? ''));
  }
  const actors = (parseYaml(readFileSync(join(dir, 'actors.yaml'), 'utf8')) ?? []) as unknown[];
  return { titles, documents: titles.size, actors: actors.length };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Problems with an output, or [] when it is the story's: one page per document and per actor,
 * the fixed pages, and every article page titled with its document's title from this story folder
 * (an entry leaked from another story has the same id, so only the content tells).
 */
function verify(outDir: string, stats: DistStats, expected: Expected): string[] {
  const problems: string[] = [];
  const articles = stats.html.filter((p) => p.startsWith('articles/'));
  const actors = stats.html.filter((p) => p.startsWith('actors/')).length;
  // Timeline pages after the article (one per month) and tracker pages depend on the story's events.
  // So do the lists of a large story (documents.html and its pages, the glossary's row pages).
  const derived = stats.html.filter((p) => /^(timeline\/|tracker|glossary\/|documents)/.test(p)).length;
  const pages = expected.documents + expected.actors + FIXED_PAGES.length + derived;
  if (articles.length !== expected.documents) problems.push(`${articles.length} article pages for ${expected.documents} documents`);
  if (actors !== expected.actors) problems.push(`${actors} actor pages for ${expected.actors} actors`);
  if (stats.html.length !== pages) problems.push(`${stats.html.length} pages, expected ${pages}`);
  for (const fixed of FIXED_PAGES) if (!stats.html.includes(fixed)) problems.push(`no ${fixed}`);
  const wrong = articles.filter((path) => {
    const title = expected.titles.get(path.slice('articles/'.length, -'.html'.length));
    return title === undefined || !readFileSync(join(outDir, path), 'utf8').includes(`<title>${escapeHtml(title)}`);
  });
  if (wrong.length) problems.push(`${wrong.length} article pages without their document's title (first: ${wrong[0]})`);
  return problems;
}

// ── Build ───────────────────────────────────────────────────────────────────────────────────────

/** Seconds since spawn at which each phase of Astro's log ended (from when each log line arrived). */
interface Phases {
  /** "Building static entrypoints": node start-up, config, content sync, types, build info. */
  setup?: number;
  /** "generating static routes": Vite/Rolldown bundling of the entrypoints. */
  bundle?: number;
  /** "✓ Completed in …" after the routes: rendering every page. */
  render?: number;
  /** Summed "(+N ms)" of each route, by route folder. */
  routeMs: Record<string, number>;
}

interface BuildRun {
  code: number | null;
  seconds: number;
  peakKb: number | undefined;
  /** User + system CPU seconds of the build and its children (only with /usr/bin/time). */
  cpuSeconds: number | undefined;
  log: string;
  phases: Phases;
}

function build(storyDir: string, outDir: string, work: string, name: string, force: boolean): Promise<BuildRun> {
  const timeFile = join(work, `time-${name}.txt`);
  const nodeArgs = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(work, `cpuprof-${name}`)}`] : [];
  const astroArgs = [...nodeArgs, astroCli, 'build', ...buildRoot.configArgs, '--outDir', outDir, ...(force ? ['--force'] : [])];
  const [command, args] = timeBin ? [timeBin, ['-f', '%M %U %S', '-o', timeFile, node, ...astroArgs]] : [node, astroArgs];
  // As `npm run build` starts Astro (src/tools/build-env.ts).
  const env = buildEnvironment({
    ...process.env,
    STORY_DIR: storyDir,
    PATH: `${nodeBin}:${process.env['PATH'] ?? ''}`,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  });
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    // Its own process group, so that an interrupted benchmark can stop the whole build.
    const child = spawn(command, args, { cwd: buildRoot.dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const chunks: string[] = [];
    const phases: Phases = { routeMs: {} };
    const at = () => (performance.now() - start) / 1000;
    let pending = '';
    const onLine = (raw: string) => {
      const line = stripVTControlCharacters(raw);
      if (/\[build\] Building static entrypoints/.test(line)) phases.setup ??= at();
      if (/generating static routes/.test(line)) phases.bundle ??= at();
      const route = /[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(m?s)\)/.exec(line);
      if (route) {
        const parts = route[1]!.split('/');
        const key = parts.length > 2 ? `${parts[1]}/*` : 'top';
        phases.routeMs[key] = (phases.routeMs[key] ?? 0) + Number(route[2]) * (route[3] === 's' ? 1000 : 1);
      }
      if (phases.bundle !== undefined && phases.render === undefined && /^(\d\d:\d\d:\d\d )?✓ Completed in/.test(line.trim())) {
        phases.render = at();
      }
    };
    const collect = (data: Buffer) => {
      const text = data.toString('utf8');
      chunks.push(text);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      lines.forEach(onLine);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = at();
      if (pending) onLine(pending);
      let peakKb: number | undefined;
      let cpuSeconds: number | undefined;
      if (timeBin && existsSync(timeFile)) {
        // The last line; GNU time writes "Command exited with non-zero status" before it on failure.
        const last = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '');
        if (last) {
          peakKb = Number(last[1]);
          cpuSeconds = Number(last[2]) + Number(last[3]);
        }
      } else peakKb = watcher?.peakKb();
      watcher?.stop();
      const log = chunks.join('');
      writeFileSync(join(work, `build-${name}.log`), log);
      resolvePromise({ code, seconds, peakKb, cpuSeconds, log, phases });
    });
    const watcher = timeBin ? undefined : watchMemory(child.pid!);
    running = child;
  });
}

let running: ReturnType<typeof spawn> | undefined;

/** Without /usr/bin/time: polls VmHWM of the child and its descendants; the peak is the largest. */
function watchMemory(rootPid: number) {
  let peak = 0;
  const descendants = (): number[] => {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch {
        /* gone */
      }
    }
    const all = [rootPid];
    for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
    return all;
  };
  const poll = () => {
    for (const pid of descendants()) {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (hwm) peak = Math.max(peak, Number(hwm[1]));
      } catch {
        /* gone */
      }
    }
  };
  const timer = setInterval(poll, 100);
  return { peakKb: () => (poll(), peak || undefined), stop: () => clearInterval(timer) };
}

/**
 * How busy the machine is with other work, sampled for one second before a build (nothing of the
 * benchmark runs then): share of CPU time not idle, from /proc/stat; else the load average.
 */
async function busyElsewhere(): Promise<{ text: string; noisy: boolean }> {
  const cpus = availableParallelism();
  const sample = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3]! + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  if (!existsSync('/proc/stat')) {
    const load = loadavg()[0]!;
    return { text: `load average ${load.toFixed(1)} on ${cpus} CPUs`, noisy: load > cpus / 2 };
  }
  const a = sample();
  await new Promise((r) => setTimeout(r, 1000));
  const b = sample();
  const share = 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total);
  return { text: `other work used ${(share * 100).toFixed(0)}% of ${cpus} CPUs just before`, noisy: share > 0.25 };
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────

const args = process.argv.slice(2);
const specs = (args.length ? args : ['3', '100', '300', '1000']).map(parseSpec);
// With an origin, so that the builds make their preview images, as a newsroom's build does
// (BENCH_IMAGES=0: without them).
if (process.env['BENCH_IMAGES'] !== '0') process.env['SITE_URL'] ??= 'https://bench.example.jp';
const work = mkdtempSync(join(tmpdir(), 'story-bench-'));
const buildRoot = process.env['BENCH_ISOLATE'] === '1' ? snapshot(join(work, 'repo')) : { dir: repo, configArgs: [] as string[] };

/**
 * A copy of the repository to build in, sharing node_modules but with its own .astro/ and Astro cache.
 * The compile and image caches (node_modules/.cache/) are shared, each kept per story folder.
 */
function snapshot(dir: string): { dir: string; configArgs: string[] } {
  const skip = new Set(['node_modules', 'dist', '.git', '.astro', 'test-results', 'playwright-report', 'release']);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(repo)) {
    if (!skip.has(entry)) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'astro.bench.config.mjs'),
    "import config from './astro.config.mjs';\nexport default { ...config, cacheDir: './.bench-cache' };\n",
  );
  return { dir, configArgs: ['--config', 'astro.bench.config.mjs'] };
}
let failed = false;

function cleanUp(): void {
  if (keep) console.log(`\nkept ${work} (stories, builds, logs${cpuProf ? ', CPU profiles' : ''})`);
  else rmSync(work, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running?.pid) {
      try {
        process.kill(-running.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    cleanUp();
    process.exit(130);
  });
}

async function measure(spec: Spec): Promise<Result> {
  let storyDir = spec.dir;
  if (storyDir) {
    // A copy, so that the warm rebuild's edit never touches the folder itself.
    const copy = join(work, 'stories', spec.name);
    cpSync(storyDir, copy, { recursive: true });
    storyDir = copy;
  } else {
    storyDir = join(work, 'stories', spec.name);
    const t = performance.now();
    const made = generateStory(storyDir, { documents: spec.documents!, actors: spec.actors! });
    console.log(
      `generated ${spec.name}: ${made.documents} documents, ${made.paragraphs} paragraphs, ${made.actors} actors, ${made.events} events, ${made.mentions} mentions (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
  }
  const expected = contentOf(storyDir);
  const outDir = join(work, `dist-${spec.name}`);
  let force = alwaysForce;
  // The compile and image caches are kept per story folder, and this one is new; the rendered
  // bodies (src/render-body.ts) are kept by their compiled code, which another story, or the same
  // one generated again, may share: emptied, so that the cold build is cold.
  rmSync(join(buildRoot.dir, 'node_modules', '.cache', 'mdx-html'), { recursive: true, force: true });
  for (;;) {
    rmSync(outDir, { recursive: true, force: true });
    const busy = await busyElsewhere();
    console.log(
      `building ${spec.name} (${expected.documents} documents, ${expected.actors} actors)${force ? ' with --force' : ''}; ${busy.text}${busy.noisy ? ' — other work is running, timings will be noisy' : ''} …`,
    );
    const run = await build(storyDir, outDir, work, spec.name, force);
    if (run.code !== 0) {
      const log = stripVTControlCharacters(run.log).trimEnd().split('\n');
      console.error(`\nbuild of ${spec.name} failed (exit ${run.code}); last lines of its output:\n`);
      console.error(log.slice(-60).join('\n'));
      if (!force) {
        console.warn(`\n  retrying ${spec.name} with --force (a stale content cache can point at another story's files)`);
        force = true;
        continue;
      }
      throw new Error(`build of ${spec.name} failed`);
    }
    const stats = distStats(outDir);
    const problems = verify(outDir, stats, expected);
    if (problems.length) {
      const what = problems.join('; ');
      if (!force) {
        console.warn(`  ${spec.name}: ${what} — entries leaked from another story? rebuilding with --force`);
        force = true;
        continue;
      }
      throw new Error(`${spec.name}: the output is not this story's, even with --force: ${what}`);
    }
    const documents = expected.documents;
    const actors = expected.actors;
    // The heaviest page as a reader's browser receives it: gzipped (the budget is 25 KB).
    let largest = { path: '', bytes: -1, gzBytes: -1 };
    for (const path of stats.html) {
      const raw = readFileSync(join(outDir, path));
      const gz = gzipSync(raw, { level: 9 }).length;
      if (gz > largest.gzBytes) largest = { path, bytes: raw.length, gzBytes: gz };
    }
    const searchDir = join(outDir, 'search');
    const search = existsSync(searchDir)
      ? {
          bytes: readdirSync(searchDir).reduce((sum, f) => sum + statSync(join(searchDir, f)).size, 0),
          metaGzBytes: existsSync(join(searchDir, 'meta.js')) ? gzipSync(readFileSync(join(searchDir, 'meta.js')), { level: 9 }).length : 0,
        }
      : { bytes: 0, metaGzBytes: 0 };
    console.log(`  cold build in ${run.seconds.toFixed(1)} s`);
    // The rebuild a correction causes: one title edited, the caches of the cold build kept.
    const { file: edited, before: oldTitle } = editOneTitle(storyDir);
    const warmRun = await build(storyDir, outDir, work, `${spec.name}-warm`, false);
    if (warmRun.code !== 0) throw new Error(`warm rebuild of ${spec.name} failed:\n${stripVTControlCharacters(warmRun.log).slice(-3000)}`);
    // The rebuild must show the correction: every article page with its title as it is now.
    const warmStats = distStats(outDir);
    const warmProblems = verify(outDir, warmStats, contentOf(storyDir));
    // Nor may any page copied from the cold build still show the title as it was (lists, neighbours).
    const stale = warmStats.html.filter((path) => {
      const text = readFileSync(join(outDir, path), 'utf8').replace(/<[^>]*>/g, '');
      return text
        .split(escapeHtml(oldTitle))
        .slice(1)
        .some((after) => !after.startsWith('(訂正)'));
    });
    if (stale.length) warmProblems.push(`${stale.length} pages still show the old title (first: ${stale[0]})`);
    if (warmProblems.length) throw new Error(`warm rebuild of ${spec.name}: ${warmProblems.join('; ')}`);
    // Pages Astro copied from the cold build instead of rendering (experimental.incrementalBuild).
    const copiedPages = (stripVTControlCharacters(warmRun.log).match(/\.html \((?:restored|cached)\)/g) ?? []).length;
    const warm = {
      copiedPages,
      seconds: warmRun.seconds,
      peakMb: warmRun.peakKb === undefined ? undefined : warmRun.peakKb / 1024,
      cpuSeconds: warmRun.cpuSeconds,
      images: imageLine(warmRun.log),
    };
    console.log(
      `  warm rebuild after editing the title of ${edited} in ${warm.seconds.toFixed(1)} s: ${stats.html.length - copiedPages} page(s) rendered, ${copiedPages} copied${warm.images ? `; ${warm.images.rendered} preview image(s) rendered, ${warm.images.copied} copied` : ''}`,
    );
    if (!keep) rmSync(outDir, { recursive: true, force: true });
    return {
      name: spec.name,
      documents,
      actors,
      pages: stats.html.length,
      seconds: run.seconds,
      peakMb: run.peakKb === undefined ? undefined : run.peakKb / 1024,
      cpuSeconds: run.cpuSeconds,
      distBytes: stats.bytes,
      largest,
      pngs: stats.pngs,
      forced: force,
      phases: run.phases,
      images: imageLine(run.log),
      search,
      warm,
    };
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const n = (x: number) => x.toLocaleString('en-US');
const s = (x: number | undefined) => (x === undefined ? '?' : x.toFixed(1));

async function main(): Promise<void> {
  console.log(
    `scale benchmark: ${specs.map((x) => x.name).join(', ')} — node ${process.version}, peak memory by ${timeBin ? '/usr/bin/time -f %M' : 'polling /proc VmHWM'}, temporary folder ${work}${buildRoot.dir === repo ? '' : `, building a snapshot of the repository in ${buildRoot.dir}`}`,
  );
  const results: Result[] = [];
  try {
    for (const spec of specs) results.push(await measure(spec));
  } catch (error) {
    failed = true;
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  }
  if (results.length) {
    console.log('');
    console.log(
      table([
        ['story', 'documents', 'pages', 'actors', 'build s', 's/page', 'peak MB', 'dist size', 'largest page (gz)'],
        ...results.map((r) => [
          r.name + (r.forced && !alwaysForce ? ' (--force retry)' : ''),
          n(r.documents),
          n(r.pages),
          n(r.actors),
          r.seconds.toFixed(1),
          (r.seconds / r.pages).toFixed(4),
          r.peakMb === undefined ? '?' : r.peakMb.toFixed(0),
          `${n(r.distBytes)} B`,
          `${n(r.largest.gzBytes)} B (${r.largest.path}, ${n(r.largest.bytes)} B raw)`,
        ]),
      ]),
    );
    console.log(
      '\nphases, wall seconds (setup: start-up, content sync, types; bundle: Vite; render: page generation; after: post-build hooks such as sw.js, exit); cpu: user+system seconds of the build',
    );
    console.log(
      table([
        [
          'story',
          'setup',
          'bundle',
          'render',
          'after',
          'render s/page',
          'cpu s',
          'cpu s/page',
          'routes (summed per-route ms from the log, s)',
        ],
        ...results.map((r) => {
          const p = r.phases;
          const span = (from: number | undefined, to: number | undefined) =>
            from !== undefined && to !== undefined ? to - from : undefined;
          const render = span(p.bundle, p.render);
          const routes = Object.entries(p.routeMs)
            .sort((a, b) => b[1] - a[1])
            .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`)
            .join(', ');
          return [
            r.name,
            s(p.setup),
            s(span(p.setup, p.bundle)),
            s(render),
            s(span(p.render, r.seconds)),
            render === undefined ? '?' : (render / r.pages).toFixed(4),
            s(r.cpuSeconds),
            r.cpuSeconds === undefined ? '?' : (r.cpuSeconds / r.pages).toFixed(4),
            routes,
          ];
        }),
      ]),
    );
    const pngs = results.filter((r) => r.pngs > 0);
    if (pngs.length) console.log(`\nPNG images in the output: ${pngs.map((r) => `${r.name} ${r.pngs}`).join(', ')}`);
  }
  const furigana = await furiganaFigures();
  if (results.length) {
    // ms per page added from one story to the next, cold and warm.
    const steps = results.slice(1).map((r, i) => {
      const a = results[i]!;
      const pages = r.pages - a.pages;
      return {
        from: a.name,
        to: r.name,
        pages,
        coldMs: ((r.seconds - a.seconds) * 1000) / pages,
        warmMs: ((r.warm.seconds - a.warm.seconds) * 1000) / pages,
      };
    });
    console.log(
      '\ncold build (empty caches, --force) and warm rebuild (one document title edited, caches kept); preview images included' +
        (process.env['SITE_URL'] ? '' : ' — none: no SITE_URL'),
    );
    console.log(
      table([
        [
          'story',
          'pages',
          'cold s',
          'images (rendered)',
          'peak MB',
          'warm s',
          'images rendered/copied',
          'warm peak MB',
          'heaviest page (gz)',
          'search index',
          'meta.js gz',
        ],
        ...results.map((r) => [
          r.name,
          n(r.pages),
          r.seconds.toFixed(1),
          r.images ? `${r.images.rendered} in ${r.images.seconds.toFixed(1)} s` : '-',
          r.peakMb === undefined ? '?' : r.peakMb.toFixed(0),
          r.warm.seconds.toFixed(1),
          r.warm.images ? `${r.warm.images.rendered}/${r.warm.images.copied}` : '-',
          r.warm.peakMb === undefined ? '?' : r.warm.peakMb.toFixed(0),
          `${(r.largest.gzBytes / 1024).toFixed(1)} KB ${r.largest.path}`,
          `${(r.search.bytes / 1e6).toFixed(1)} MB`,
          `${(r.search.metaGzBytes / 1024).toFixed(1)} KB`,
        ]),
      ]),
    );
    if (steps.length) {
      console.log('\nms per added page');
      console.log(
        table([
          ['from → to', 'added pages', 'cold', 'warm'],
          ...steps.map((s) => [`${s.from} → ${s.to}`, n(s.pages), s.coldMs.toFixed(1), s.warmMs.toFixed(1)]),
        ]),
      );
    }
    // The peers, built from the same generated documents in the same run (tests/bench/peers.ts).
    let peers: PeerRun[] = [];
    const sizes = results.filter((r) => r.name.startsWith('gen-')).map((r) => r.documents);
    if (process.env['BENCH_PEERS'] !== '0' && sizes.length > 1) {
      console.log('\npeers (the same documents; cold builds, then a rebuild after one edited title; BENCH_PEERS=0 to skip):');
      peers = measurePeers(sizes);
      console.log(
        table([
          ['peer', 'pages from → to', 'ms per added page, cold', 'warm'],
          ...perAddedPage(peers).map((p) => [p.peer, `${p.from} → ${p.to}`, p.ms.toFixed(1), p.warmMs?.toFixed(1) ?? '–']),
        ]),
      );
      console.log(
        table([
          ['peer', 'documents', 'pages', 'cold s', 'peak MB', 'warm s', 'warm peak MB'],
          ...peers.map((p) => [
            p.peer,
            n(p.documents),
            n(p.pages),
            p.seconds.toFixed(1),
            p.peakMb ? n(p.peakMb) : '–',
            p.warm?.seconds.toFixed(1) ?? '–',
            p.warm?.peakMb ? n(p.warm.peakMb) : '–',
          ]),
        ]),
      );
    }
    const out =
      process.env['BENCH_JSON'] ?? join(repo, 'node_modules/.cache/bench', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      JSON.stringify(
        { node: process.version, cpus: availableParallelism(), results, steps, furigana, peers, peersPerAddedPage: perAddedPage(peers) },
        null,
        2,
      ),
    );
    console.log(`\nJSON: ${out}`);
  }
  cleanUp();
  if (failed) process.exit(1);
}

/** The furigana tokenizer's cost: install size on disk and the time to load it (once per build). */
async function furiganaFigures(): Promise<{ installedMb: number; loadSeconds: number }> {
  const dir = join(repo, 'node_modules', '@patdx', 'kuromoji');
  const bytes = (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
  const started = performance.now();
  await buildTokenizer();
  const loadSeconds = (performance.now() - started) / 1000;
  console.log(
    `\nfurigana tokenizer (@patdx/kuromoji, IPADIC): ${(bytes / 1e6).toFixed(1)} MB installed, loaded in ${loadSeconds.toFixed(2)} s`,
  );
  return { installedMb: bytes / 1e6, loadSeconds };
}

await main();
