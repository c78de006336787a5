// Times the pure join (src/lib/story.ts buildStory: paragraph parsing, every cross-file check,
// mention matching and the paragraphs' HTML) on a synthetic story, outside Astro. It is what
// src/data.ts runs once per build; this isolates it from bundling and page rendering.
//
//   node tests/bench/join.ts [documents] [actors]      (default 1000 500)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateStory } from './generate.ts';
import { buildStory, type StoryInput } from '../../src/lib/story.ts';
import {
  actorSchema,
  documentSchema,
  eventSchema,
  jointMentionSchema,
  statementMapSchema,
  storySchema,
} from '../../src/lib/schema.ts';

const [documents = 1000, actors = 500] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'story-join-'));
try {
  generateStory(dir, { documents, actors });
  const list = (file: string) => (parse(readFileSync(join(dir, file), 'utf8')) ?? []) as unknown[];
  const input = (): StoryInput => ({
    story: storySchema.parse(list('story.yaml')[0]),
    documents: readdirSync(join(dir, 'documents')).map((f) => {
      const [, frontmatter, body] = readFileSync(join(dir, 'documents', f), 'utf8').split(/^---\n/m);
      return { id: f.replace(/\.mdx$/, ''), file: `documents/${f}`, data: documentSchema.parse(parse(frontmatter!)), body: body! };
    }),
    actors: list('actors.yaml').map((a) => actorSchema.parse(a)),
    events: list('events.yaml').map((e) => eventSchema.parse(e)),
    mentions: list('mentions.yaml').map((m) => jointMentionSchema.parse(m)),
    statementMap: list('statement-map.yaml').map((s) => statementMapSchema.parse(s)),
    files: {
      actors: 'actors.yaml',
      events: 'events.yaml',
      story: 'story.yaml',
      mentions: 'mentions.yaml',
      statementMap: 'statement-map.yaml',
    },
  });
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
