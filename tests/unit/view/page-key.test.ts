// The pages' cache keys for incremental builds (src/lib/view/page-key.ts): equal data, equal key;
// any difference in what a page is laid out from, another key. The marked rebuild of the large e2e
// build (tests/e2e/incremental.spec.ts) checks the pages pass it all they show.
import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../src/lib/view/page-key.ts';
import { correctionsFor, siteFrame } from '../../../src/lib/view/page-frame.ts';
import type { Correction, Story } from '../../../src/lib/content/schema.ts';

describe('pageKey', () => {
  const view = { route: 'articles/a.html', title: '協議', n: 3, flags: [true, false], when: new Date('2030-01-01T00:00:00Z'), big: 1n };

  it('is the same for equal data, however it was built', () => {
    expect(pageKey(view)).toBe(pageKey(structuredClone(view)));
    expect(pageKey({ a: 1, b: undefined })).toBe(pageKey({ a: 1 }));
    expect(pageKey(view)).toMatch(/^[\w-]{24}$/);
  });

  it('changes with any value, any order and any kind of container', () => {
    const keys = [
      pageKey(view),
      pageKey({ ...view, title: '協議(訂正)' }),
      pageKey({ ...view, n: 4 }),
      pageKey({ ...view, n: '3' }),
      pageKey({ ...view, big: 2n }),
      pageKey({ ...view, flags: [false, true] }),
      pageKey({ ...view, when: new Date('2030-01-02T00:00:00Z') }),
      pageKey(new Map([['a', 1]])),
      pageKey(new Map([['a', 2]])),
      pageKey(new Set(['a'])),
      pageKey(['a']),
      pageKey({}),
      pageKey([]),
      pageKey(null),
      pageKey(undefined),
      pageKey([undefined]),
      pageKey([null]),
      pageKey('1'),
      pageKey(1),
      pageKey(['ab', 'c']),
      pageKey(['a', 'bc']),
      pageKey(view, 'x'),
      pageKey('x', view),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses data that contains itself, which no text could tell from other data', () => {
    const doc: { title: string; self?: unknown } = { title: '甲' };
    doc.self = doc;
    expect(() => pageKey(doc)).toThrow(/circular/);
  });

  it('refuses a function, which would hide what the page shows', () => {
    expect(() => pageKey({ link: () => 'x' })).toThrow(/function cannot be keyed/);
  });
});

describe('the site frame and a page’s corrections', () => {
  const story = { siteName: '架空の協議を読む' } as Story;
  const corrections = [
    { id: 'a', page: 'articles/a.html', date: '2030-01-02' },
    { id: 'b', page: 'timeline.html', date: '2030-01-01' },
    { id: 'c', page: 'articles/a.html', date: '2030-01-01' },
  ] as Correction[];

  it('offers the tracker in the navigation only when it has points', () => {
    expect(siteFrame({ story, tracker: { points: [] } })).toEqual({ story, tracker: false });
    expect(siteFrame({ story, tracker: { points: [{}] } }).tracker).toBe(true);
  });

  it('gives a page its own corrections, in the story’s order', () => {
    expect(correctionsFor(corrections, 'articles/a.html').map((c) => c.id)).toEqual(['a', 'c']);
    expect(correctionsFor(corrections, 'index.html')).toEqual([]);
  });
});
