// Summarises V8 CPU profiles written by `BENCH_CPU_PROF=1 node tests/bench/run.ts …`:
// the functions with the most self time, and the project's own functions by total time
// (self time plus everything they call). Compare two sizes to see which function grows faster
// than the number of pages.
//
//   node tests/bench/profile-summary.ts <a.cpuprofile> [<b.cpuprofile> …] [--top 25]
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
const files = args.filter((a, i) => a !== '--top' && i !== topAt + 1);
if (files.length === 0) {
  console.error('usage: node tests/bench/profile-summary.ts <file.cpuprofile> … [--top N]');
  process.exit(2);
}

/** The project's code: src/ as loaded by Node, and the pages' bundle (.astro/.prerender/chunks). */
const isProject = (url: string) => /\/work\/main\/src\/|\/\.astro\/\.prerender\//.test(url) && !/jsx-runtime|_virtual_|_astro_/.test(url);
const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '~/')
    .replace(/^.*\/work\/main\//, '');
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + us);
    // Inclusive time of project functions: count each label once per stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!isProject(n.callFrame.url)) continue;
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + us);
    }
  }
  const ms = (us: number) => (us / 1000).toFixed(0).padStart(7);
  console.log(`\n${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled`);
  console.log('  self time, ms');
  for (const [l, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us)}  ${l}`);
  console.log('  project functions (src/ and the bundle of the pages in .astro/.prerender/chunks), total time incl. callees, ms');
  for (const [l, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us)}  ${l}`);
}
