// Times the pure join (src/lib/content/story.ts buildStory: paragraph parsing, every cross-file check,
// mention matching and the paragraphs' HTML) on a synthetic story, outside Astro. It is what
// src/data.ts runs once per build; this isolates it from bundling and page rendering.
//
//   node tests/bench/join.ts [documents] [actors]      (default 1000 500)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateStory } from './generate.ts';
import { buildStory, type StoryInput } from '../../src/lib/content/story.ts';
import { readStory } from '../unit/load-content.ts';

const [documents = 1000, actors = 500] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'story-join-'));
try {
  generateStory(dir, { documents, actors });
  // Read exactly as the unit tests read a story: the same parsers and schemas as the build.
  const input = (): StoryInput => readStory(dir);
  buildStory(input()); // warm-up
  const times: number[] = [];
  let warnings = 0;
  for (let i = 0; i < 3; i++) {
    const data = input();
    const start = performance.now();
    warnings = buildStory(data).warnings.length;
    times.push(performance.now() - start);
  }
  const best = Math.min(...times);
  console.log(
    `${documents} documents, ${actors} actors: buildStory best of 3 ${best.toFixed(0)} ms, ${(best / documents).toFixed(2)} ms per document, ${warnings} warnings`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
