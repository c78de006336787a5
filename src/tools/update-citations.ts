// npm run citations — after a deliberate edit of the texts, brings every citation up to date:
// a citation whose paragraph moved (inserted, deleted or reordered paragraphs) is renumbered in
// every content file, and the text of every cited paragraph is recorded anew in
// citations.lock.yaml. It prints what it changed, so the edit can be reviewed in the diff.
// The texts are read with the build's own functions (src/lib/content/content-files.ts, paragraphs.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { storyDir } from '../config.ts';
import { contentFiles, readEntryList, splitFrontmatter } from '../lib/content/content-files.ts';
import { readParagraphs } from '../lib/content/paragraphs.ts';
import { citationSchema } from '../lib/content/schema.ts';
import { REF_PATTERN, renumberCitations, updateCitations } from '../lib/content/citations.ts';

const lockPath = join(storyDir, contentFiles.citations);
const docDir = join(storyDir, 'documents');

const texts = new Map<string, string>();
for (const name of readdirSync(docDir)
  .filter((f) => f.endsWith('.mdx'))
  .sort()) {
  const parts = splitFrontmatter(readFileSync(join(docDir, name), 'utf8'));
  const id = name.slice(0, -'.mdx'.length);
  for (const p of readParagraphs(parts?.body ?? '', `documents/${name}`, parts?.bodyLine)) texts.set(`${id}#${p.id}`, p.text);
}

const lock = existsSync(lockPath)
  ? readEntryList(readFileSync(lockPath, 'utf8'), contentFiles.citations, citationSchema).map((e) => e.data)
  : [];
const yamlFiles = readdirSync(storyDir).filter((f) => f.endsWith('.yaml') && f !== contentFiles.citations);
const sources = new Map(yamlFiles.map((f) => [f, readFileSync(join(storyDir, f), 'utf8')]));
const cited = [...sources.values()].flatMap((text) => [...text.matchAll(REF_PATTERN)].map((m) => m[1]!));

const { moved, edited, lock: next, missing } = updateCitations(lock, texts, cited);
for (const [file, text] of sources) {
  const renumbered = renumberCitations(text, moved);
  if (renumbered !== text) writeFileSync(join(storyDir, file), renumbered);
}
const header =
  '# The text of every cited paragraph, when it was cited. Written by "npm run citations"; do not edit.\n' +
  '# The build stops when a citation no longer holds this text (see README, "Citations keep their meaning").\n';
writeFileSync(lockPath, header + stringify(next, { lineWidth: 0 }));

for (const [from, to] of moved) console.log(`moved   ${from} → ${to}`);
for (const e of edited) console.log(`edited  ${e.ref}\n  was: ${e.was}\n  now: ${e.now}`);
for (const ref of missing) console.log(`missing ${ref}: cited, but no such paragraph — fix the citation`);
console.log(
  `${next.length} citations recorded in ${contentFiles.citations}; ${moved.size} renumbered, ${edited.length} edited texts recorded.`,
);
if (missing.length) process.exitCode = 1;
