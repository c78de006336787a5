// A rebuild after a correction renders the pages that show it and copies the others from the last
// build (experimental.incrementalBuild; the cache keys: src/lib/view/page-key.ts). global-setup.ts
// built the large story with one marked edit of each kind of data (incremental.ts), then the story
// itself, incrementally: no page may still show a mark.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { builds } from './builds.ts';
import { MARKS, markedPages, runFile, type IncrementalRun, type MarkKind } from './incremental.ts';
import { builtPages } from './site.ts';

const run = JSON.parse(readFileSync(runFile(builds.large), 'utf8')) as IncrementalRun;
const keyed = (page: string) => page.startsWith('articles/') || page.startsWith('actors/');

test('each marked edit reached a page a rebuild can copy, with no other edit', () => {
  for (const kind of Object.keys(MARKS) as MarkKind[]) {
    expect(
      Object.entries(run.marked).some(([page, kinds]) => keyed(page) && kinds.includes(kind)),
      kind,
    ).toBe(true);
  }
  const alone = (kind: MarkKind) =>
    Object.entries(run.marked).filter(([page, kinds]) => keyed(page) && kinds.length === 1 && kinds[0] === kind);
  // Each edit reached some page a rebuild can copy with no other edit: on that page, it alone is
  // what its key must hold (a page's corrections; its body alone, for the readings).
  for (const kind of Object.keys(MARKS) as MarkKind[]) expect(alone(kind).length, kind).toBeGreaterThan(0);
  expect(run.marked['articles/doc-04.html']).toEqual(['correction']);
});

test('the rebuild rendered every page that showed an edit, copied most of the others, and no page shows a mark', () => {
  const pages = builtPages(builds.large);
  // Every page of the build is in the log, once (builtPages leaves out 404.html).
  expect([...run.copied, ...run.rendered].filter((p) => p !== '404.html').sort()).toEqual(pages);
  for (const page of Object.keys(run.marked)) expect(run.rendered, page).toContain(page);
  const unmarked = pages.filter((p) => keyed(p) && !run.marked[p]);
  expect(run.copied.filter(keyed).length).toBe(unmarked.length);
  expect(unmarked.length).toBeGreaterThan(pages.length / 3);
  expect(markedPages(builds.large)).toEqual({});
});
