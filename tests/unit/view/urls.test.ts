import { describe, expect, it } from 'vitest';
import { relativeHref, routeOf, routes, absoluteHref, linkerFor, pageFileUrl, documentIdOf } from '../../../src/lib/view/urls.ts';

describe('routeOf', () => {
  it('strips the base and names the file of the page', () => {
    expect(routeOf('/index.html', '/')).toBe('index.html');
    expect(routeOf('/', '/')).toBe('index.html');
    expect(routeOf('/news/talks/actors/rubio.html', '/news/talks/')).toBe('actors/rubio.html');
    expect(routeOf('/news/talks', '/news/talks/')).toBe('index.html');
    expect(routeOf('/timeline', '/')).toBe('timeline.html');
  });
});

describe('relativeHref', () => {
  it('links between pages in the same folder and across folders', () => {
    expect(relativeHref('index.html', routes.timeline())).toBe('timeline.html');
    expect(relativeHref('index.html', routes.actor('rubio'))).toBe('actors/rubio.html');
    expect(relativeHref('actors/rubio.html', routes.home())).toBe('../index.html');
    expect(relativeHref('actors/rubio.html', routes.actor('trump'))).toBe('trump.html');
    expect(relativeHref('actors/rubio.html', routes.paragraph('analysis#p3'))).toBe('../articles/analysis.html#p3');
    expect(relativeHref('actors.html', routes.actor('trump'))).toBe('actors/trump.html');
  });
  it('keeps a fragment on the same page short', () => {
    const talks = { id: 'jeddah-talks', relation: 'reported', dating: { date: '2025-03-11', precision: 'day' } } as const;
    expect(relativeHref('timeline.html', routes.event(talks))).toBe('#jeddah-talks');
    expect(relativeHref('index.html', routes.event(talks))).toBe('timeline.html#jeddah-talks');
  });
  it('puts what happened after the article on the timeline page of its month', () => {
    const call = { id: 'call', relation: 'aftermath', dating: { date: '2025-04-01', precision: 'day' } } as const;
    expect(routes.event(call)).toBe('timeline/2025-04.html#call');
    expect(relativeHref('tracker/ceasefire.html', routes.event(call))).toBe('../timeline/2025-04.html#call');
  });
  it('never links to a folder', () => {
    expect(relativeHref('articles/analysis.html', routes.home())).toBe('../index.html');
    expect(relativeHref('articles/analysis.html', routes.glossary())).toBe('../actors.html');
  });
});

describe('absoluteHref and linkerFor', () => {
  it('prefixes the base path', () => {
    expect(absoluteHref('/news/talks/', routes.timeline())).toBe('/news/talks/timeline.html');
    expect(absoluteHref('/', routes.home())).toBe('/index.html');
  });
  it('makes links relative to the current page under any base', () => {
    const link = linkerFor('/news/talks/articles/interview.html', '/news/talks/');
    expect(link(routes.document('analysis'))).toBe('analysis.html');
    expect(link(routes.actor('tsuruoka'))).toBe('../actors/tsuruoka.html');
  });
});

describe('pageFileUrl', () => {
  it('gives sitemap URLs the .html the pages have, and keeps the root and files as they are', () => {
    expect(pageFileUrl('https://n.example.jp/talks/actors/rubio')).toBe('https://n.example.jp/talks/actors/rubio.html');
    expect(pageFileUrl('https://n.example.jp/talks/')).toBe('https://n.example.jp/talks/');
    expect(pageFileUrl('https://n.example.jp/talks/timeline.html')).toBe('https://n.example.jp/talks/timeline.html');
  });
});

describe('documentIdOf', () => {
  it('finds the document of a document page only', () => {
    expect(documentIdOf(routes.document('analysis'))).toBe('analysis');
    expect(documentIdOf(routes.actor('rubio'))).toBeUndefined();
  });
});
