// A rebuild after a correction renders the pages that show it and copies the others from the last
// build (experimental.incrementalBuild; the cache keys: src/lib/view/page-key.ts). global-setup.ts
// built the large story with one marked edit of each kind of data (incremental.ts), then the story
// itself, incrementally: no page may still show a mark.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { builds } from './builds.ts';
import { markedPages, runFile, type IncrementalRun } from './incremental.ts';
import { builtPages } from './site.ts';

const run = JSON.parse(readFileSync(runFile(builds.large), 'utf8')) as IncrementalRun;

test('the marked build showed every kind of edit on the pages that are copied when unchanged', () => {
  // Articles and actors are the pages a rebuild can copy; each kind of edit reached some of them.
  const kinds = (prefix: string) => run.marked.filter((p) => p.startsWith(prefix));
  expect(kinds('articles/').length).toBeGreaterThan(4);
  expect(kinds('actors/').length).toBeGreaterThan(2);
  // The correction is of a page no other edit reaches.
  expect(run.marked).toContain('articles/doc-04.html');
});

test('the rebuild rendered every page that showed an edit, copied most of the others, and no page shows a mark', () => {
  const pages = builtPages(builds.large);
  // Every page of the build is in the log, once (builtPages leaves out 404.html).
  expect([...run.copied, ...run.rendered].filter((p) => p !== '404.html').sort()).toEqual(pages);
  for (const page of run.marked) expect(run.rendered, page).toContain(page);
  expect(run.copied.length).toBeGreaterThan(pages.length / 2);
  expect(markedPages(builds.large)).toEqual([]);
});
