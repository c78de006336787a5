// Every internal link goes through here. Routes are paths from the site root ("actors/rubio.html");
// links are written relative to the page they sit on, so one build works under any base path and
// from file:// alike. Pages end in ".html" (astro.config: build.format "file") and folders are never
// linked, because file:// would show a directory listing.

import type { StoryEvent } from '../content/schema.ts';
import { periodOf } from './timeline.ts';

export const routes = {
  home: (): string => 'index.html',
  document: (id: string): string => `articles/${id}.html`,
  paragraph: (ref: string): string => {
    const [doc, fragment] = ref.split('#') as [string, string];
    return `articles/${doc}.html#${fragment}`;
  },
  timeline: (): string => 'timeline.html',
  /** A period page of the timeline ("2025-04": what happened after the article, by month). */
  timelinePeriod: (period: string): string => `timeline/${period}.html`,
  /** An event, on the timeline page it stands on (src/lib/view/timeline.ts, periodOf). */
  event: (event: Pick<StoryEvent, 'id' | 'relation' | 'dating'> & { period?: string | undefined }): string => {
    const period = periodOf(event);
    return `${period ? `timeline/${period}.html` : 'timeline.html'}#${event.id}`;
  },
  glossary: (): string => 'actors.html',
  /** A row of the syllabary of a large glossary ("ka": か行). */
  glossaryRow: (row: string): string => `glossary/${row}.html`,
  /** A page of the list of every document (page 1 is documents.html). */
  documentList: (page = 1): string => (page === 1 ? 'documents.html' : `documents/${page}.html`),
  actor: (id: string): string => `actors/${id}.html`,
  /** 「声明のその後」: the statement's points and what became of them. */
  tracker: (): string => 'tracker.html',
  trackerPoint: (id: string): string => `tracker/${id}.html`,
  about: (): string => 'about.html',
  search: (): string => 'search.html',
};

/** The document id of a document page's route, or undefined for other pages. */
export function documentIdOf(route: string): string | undefined {
  return /^articles\/([^/]+)\.html$/.exec(route)?.[1];
}

/** The route of the page at `pathname` (as Astro.url.pathname gives it) under `base`. */
export function routeOf(pathname: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  let path =
    pathname === prefix.slice(0, -1) ? '' : pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) path += 'index.html';
  else if (!/\.[a-z0-9]+$/i.test(path)) path += '.html';
  return path;
}

/** A relative href from the page at route `from` to route `to` (which may carry a #fragment). */
export function relativeHref(from: string, to: string): string {
  const [toPath, fragment] = splitFragment(to);
  const hash = fragment === undefined ? '' : `#${fragment}`;
  if (toPath === from && hash) return hash;
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = toPath.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  return '../'.repeat(up) + toParts.slice(common).join('/') + hash;
}

/** An absolute path under `base`, for pages that can be served at any URL (the 404 page). */
export function absoluteHref(base: string, to: string): string {
  return (base.endsWith('/') ? base : `${base}/`) + to;
}

function splitFragment(to: string): [string, string | undefined] {
  const i = to.indexOf('#');
  return i === -1 ? [to, undefined] : [to.slice(0, i), to.slice(i + 1)];
}

/** A link maker for the page at `pathname`: give it a route, get the href to write. */
export function linkerFor(pathname: string, base: string): (to: string) => string {
  const from = routeOf(pathname, base);
  return (to) => relativeHref(from, to);
}

/**
 * A page URL as the sitemap must list it: Astro's sitemap writes pages without their ".html"
 * (".../actors/rubio"), which static hosts do not resolve; the site root stays as it is.
 */
export function pageFileUrl(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(u.pathname)) u.pathname += '.html';
  return u.href;
}
