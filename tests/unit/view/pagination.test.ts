// No page grows without bound: the lists of a large story are split, a small story keeps its
// single pages, and every entry stays reachable. On a generated story of 150 documents and 120
// actors, built from the same join as the site (the page sizes themselves: npm run bench).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateStory } from '../../bench/generate.ts';
import { loadStory, realContent } from '../load-content.ts';
import {
  ACTOR_PASSAGES,
  HOME_DOCUMENTS,
  LIST_PAGE_SIZE,
  glossaryIsSplit,
  glossaryRows,
  pages,
  rowOf,
} from '../../../src/lib/view/pagination.ts';
import { documentListPages, documentListView } from '../../../src/lib/view/document-list-view.ts';
import { glossaryView } from '../../../src/lib/view/glossary-view.ts';
import { homeView } from '../../../src/lib/view/home-view.ts';
import { actorView } from '../../../src/lib/view/actor-view.ts';
import { timelinePages } from '../../../src/lib/view/timeline.ts';
import { MAIN_TIMELINE_LIMIT, placeEvents } from '../../../src/lib/content/story.ts';
import { routes } from '../../../src/lib/view/urls.ts';

const work = mkdtempSync(join(tmpdir(), 'pagination-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
generateStory(join(work, 'story'), { documents: 150, actors: 120 });
const large = loadStory(join(work, 'story'));
const real = loadStory(realContent);

describe('a small story keeps one page per list', () => {
  it('lists every document on the home page, every actor on the glossary, every event before the article on the timeline', () => {
    expect(homeView(real).documents.length).toBe(real.documents.length);
    expect(homeView(real).allDocuments).toBeUndefined();
    expect(documentListPages(real)).toEqual([]);
    expect(glossaryIsSplit(real.actors)).toBe(false);
    expect(glossaryView(real).groups.flatMap((g) => g.entries).length).toBe(real.actors.length);
    expect(timelinePages(real.events).main.length).toBe(real.events.filter((e) => e.relation !== 'aftermath').length);
  });
});

describe('a large story', () => {
  it('shows the first documents on the home page and every document on the pages of the list', () => {
    const home = homeView(large);
    expect(home.documents.length).toBe(HOME_DOCUMENTS);
    expect(home.allDocuments).toEqual({ href: 'documents.html', text: `すべての記事(${large.documents.length}件)` });
    const listed = documentListPages(large).flatMap((p) => documentListView(large, p).documents.map((d) => d.text));
    expect(listed).toEqual(large.documents.map((d) => d.data.title));
    const second = documentListView(large, 2);
    expect(second.documents.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    expect(second.documents[0]!.href).toMatch(/^\.\.\/articles\//);
    expect(second.firstNumber).toBe(LIST_PAGE_SIZE + 1);
  });

  it('files the glossary by rows of the syllabary, every actor on exactly one row page', () => {
    expect(glossaryIsSplit(large.actors)).toBe(true);
    const main = glossaryView(large);
    expect(main.groups).toEqual([]);
    expect(main.rows.reduce((n, r) => n + r.count, 0)).toBe(large.actors.length);
    const onRows = glossaryRows(large.actors).flatMap((r) =>
      glossaryView(large, r.id).groups.flatMap((g) => g.entries.map((e) => e.actor.id)),
    );
    expect(onRows.sort()).toEqual(large.actors.map((a) => a.id).sort());
    expect(glossaryView(large, main.rows[0]!.id).rows.find((r) => r.current)?.id).toBe(main.rows[0]!.id);
  });

  it('lists the first passages of a much-mentioned actor and leads to a search for the rest', () => {
    const busiest = [...large.passagesByActor].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(busiest[1].length).toBeGreaterThan(ACTOR_PASSAGES);
    const view = actorView(large, busiest[0]);
    expect(view.passages.length).toBe(ACTOR_PASSAGES);
    expect(view.morePassages?.count).toBe(busiest[1].length - ACTOR_PASSAGES);
    expect(view.morePassages?.href).toBe(`../search.html?q=${encodeURIComponent(view.actor.name)}`);
  });
});

describe('placeEvents', () => {
  const event = (i: number, relation: 'background' | 'aftermath') => ({
    id: `e${i}`,
    dating: { date: `2030-0${1 + (i % 9)}-01`, precision: 'day' as const },
    title: 't',
    description: 'd',
    actors: [],
    relation,
    key: false,
    paragraphs: [],
    confidence: 'high' as const,
    sources: [],
  });
  it('keeps the events before the article on the main page, and moves them all to month pages past the limit', () => {
    const few = placeEvents([event(1, 'background'), event(2, 'aftermath')]);
    expect(few.map((e) => e.period)).toEqual([undefined, '2030-03']);
    const many = placeEvents(Array.from({ length: MAIN_TIMELINE_LIMIT + 1 }, (_, i) => event(i, 'background')));
    expect(many.every((e) => e.period === e.dating.date.slice(0, 7))).toBe(true);
    expect(routes.event(many[0]!)).toBe('timeline/2030-01.html#e0');
    const { main, periods } = timelinePages(many);
    expect(main).toEqual([]);
    expect(periods[0]!.title).toBe('時系列 2030年1月');
  });
});

describe('pages and rowOf', () => {
  it('cuts a list into pages, and an empty list into one empty page', () => {
    expect(pages([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(pages([], 2)).toEqual([[]]);
  });
  it('files by the first kana of the sort key or reading, katakana and voiced kana included', () => {
    expect(rowOf({ reading: 'ルビオ' }).label).toBe('ら行');
    expect(rowOf({ reading: 'ぜれんすきー' }).label).toBe('さ行');
    expect(rowOf({ reading: 'ヴァンス' }).label).toBe('あ行');
    expect(rowOf({ reading: 'x', sortKey: 'トランプ' }).label).toBe('た行');
    expect(rowOf({ reading: 'NATO' }).label).toBe('その他');
  });
});
