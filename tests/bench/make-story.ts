// Writes a generated story (tests/bench/generate.ts) into a folder, for building it by hand:
//   node tests/bench/make-story.ts <folder> <documents> [actors]
import { generateStory } from './generate.ts';

const [dir, documents, actors] = process.argv.slice(2);
if (!dir || !documents) {
  console.error('usage: node tests/bench/make-story.ts <folder> <documents> [actors]');
  process.exit(1);
}
const made = generateStory(dir, {
  documents: Number(documents),
  actors: Number(actors ?? Math.min(500, Math.max(100, Number(documents) / 2))),
});
console.log(`${dir}: ${made.documents} documents, ${made.actors} actors, ${made.events} events`);
