import { describe, expect, it } from 'vitest';
import { buildVersion, precacheList, serviceWorkerSource } from '../../../src/lib/offline/service-worker.ts';

const file = (path: string, text: string) => ({ path, content: new TextEncoder().encode(text) });

describe('precacheList', () => {
  it('lists what a reader opens, not the worker, host files, feeds or preview images', () => {
    const paths = [
      'index.html',
      'sw.js',
      'articles/a.html',
      'release.zip',
      '_headers',
      'og/a.png',
      'icons/icon-192.png',
      'feed.xml',
      'robots.txt',
    ];
    expect(precacheList(paths.map((p) => file(p, p)))).toEqual(['articles/a.html', 'icons/icon-192.png', 'index.html']);
  });
});

describe('buildVersion', () => {
  const a = [file('index.html', '一'), file('timeline.html', '二')];
  it('does not depend on the order of the files', () => {
    expect(buildVersion(a)).toBe(buildVersion([...a].reverse()));
  });
  it('changes when any byte or any name changes', () => {
    expect(buildVersion([file('index.html', '一'), file('timeline.html', '三')])).not.toBe(buildVersion(a));
    expect(buildVersion([file('index.html', '一'), file('events.html', '二')])).not.toBe(buildVersion(a));
  });
});

describe('serviceWorkerSource', () => {
  it('names its cache after the version and precaches exactly the listed files', () => {
    const source = serviceWorkerSource('abc123', ['index.html', 'timeline.html']);
    expect(source).toContain("const CACHE = 'site-abc123';");
    expect(source).toContain('const FILES = ["index.html","timeline.html"];');
  });
});
