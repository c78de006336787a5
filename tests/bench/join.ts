import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateStory } from './generate.ts';
import { buildStory } from '../../src/lib/story.ts';
import { actorSchema, documentSchema, eventSchema, jointMentionSchema, statementMapSchema, storySchema } from '../../src/lib/schema.ts';

const [docs, actors] = process.argv.slice(2).map(Number);
const dir = `/tmp/benchprobe/micro/s-${docs}x${actors}`;
rmSync(dir, { recursive: true, force: true });
generateStory(dir, { documents: docs!, actors: actors! });
const y = (f: string) => parse(readFileSync(join(dir, f), 'utf8'));
const documents = readdirSync(join(dir, 'documents')).map((f) => {
  const text = readFileSync(join(dir, 'documents', f), 'utf8');
  const [, fm, body] = text.split(/^---\n/m);
  return { id: f.replace('.mdx', ''), file: `documents/${f}`, data: documentSchema.parse(parse(fm!)), body: body! };
});
const input = {
  story: storySchema.parse(y('story.yaml')[0]),
  documents,
  actors: y('actors.yaml').map((a: unknown) => actorSchema.parse(a)),
  events: y('events.yaml').map((a: unknown) => eventSchema.parse(a)),
  mentions: y('mentions.yaml').map((a: unknown) => jointMentionSchema.parse(a)),
  statementMap: y('statement-map.yaml').map((a: unknown) => statementMapSchema.parse(a)),
  files: { actors: 'actors.yaml', events: 'events.yaml', story: 'story.yaml', mentions: 'mentions.yaml', statementMap: 'statement-map.yaml' },
};
buildStory(structuredClone(input)); // warm up
const t = performance.now();
const model = buildStory(input);
const ms = performance.now() - t;
console.log(`${docs}x${actors}: buildStory ${ms.toFixed(0)} ms, ${(ms / docs!).toFixed(2)} ms/doc, warnings ${model.warnings.length}`);
