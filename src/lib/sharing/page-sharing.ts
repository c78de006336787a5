// What a page (home, document, tracked point) tells link previews and search engines: its meta
// tags and JSON-LD.
import type { Actor } from '../content/schema.ts';
import type { ArticleView } from '../view/article-view.ts';
import { routes } from '../view/urls.ts';
import { absoluteUrl, ogImageRoute, publishedTime, type PageMeta } from './page-meta.ts';
import { articleLd, pageListLd, timelineLd, trackerPointLd } from './structured-data.ts';
import type { TimelineView } from '../view/timeline-view.ts';
import { homeKind } from './og-cards.ts';
import { shownDocuments } from '../view/document-list-view.ts';
import type { StoryModel } from '../content/story.ts';
import { formatDay, type PointView, type TrackerOverview } from '../view/tracker-view.ts';

export interface PageSharing {
  /** The page's absolute URL, or undefined when the origin is not known. */
  url: string | undefined;
  meta: PageMeta;
  jsonLd: unknown[];
}

export function articleSharing(
  view: ArticleView,
  model: { actorsById: ReadonlyMap<string, Actor> },
  site: URL | string | undefined,
  base: string,
): PageSharing {
  const { data } = view.doc;
  const absolute = (route: string) => absoluteUrl(site, base, route);
  const withUrl = (actor: Actor) => ({ actor, url: absolute(routes.actor(actor.id)) });
  return {
    url: absolute(view.route),
    meta: {
      title: data.title,
      description: data.description,
      ogType: 'article',
      kind: view.kindLabel,
      article: { publishedTime: publishedTime(data.date), section: view.kindLabel },
    },
    jsonLd: [
      articleLd({
        kind: data.kind,
        headline: data.title,
        description: data.description,
        dating: data.date,
        url: absolute(view.route),
        image: absolute(ogImageRoute(view.route)),
        section: view.kindLabel,
        about: view.cast.map(({ actor }) => withUrl(actor)),
        authors: data.credits.filter((c) => c.role !== 'interviewee').map((c) => withUrl(model.actorsById.get(c.actor)!)),
      }),
    ],
  };
}

/** A tracked point's page: an article of ours, last modified on the day its sources were checked. */
export function trackerPointSharing(view: PointView, checkedOn: string, site: URL | string | undefined, base: string): PageSharing {
  const { entry } = view.point;
  const url = absoluteUrl(site, base, routes.trackerPoint(entry.id));
  const description = `判定は「${view.status.label}」(${formatDay(view.point.ratedOn)})。${entry.summary}`.slice(0, 120);
  return {
    url,
    meta: {
      title: entry.question,
      description,
      ogType: 'article',
      kind: '声明のその後',
      article: { publishedTime: undefined, section: '声明のその後', modifiedTime: checkedOn },
    },
    jsonLd: [trackerPointLd({ headline: entry.question, description, url, dateModified: checkedOn })],
  };
}

/** The home page: the site itself, with its documents listed. */
export function homeSharing(model: Pick<StoryModel, 'story' | 'documents'>, site: URL | string | undefined, base: string): PageSharing {
  const { story } = model;
  return {
    url: absoluteUrl(site, base, routes.home()),
    meta: { title: story.siteName, description: story.description, ogType: 'website', kind: homeKind({ story }) },
    jsonLd: [
      pageListLd(
        '記事',
        // The documents the page lists, not every one of a large story.
        shownDocuments(model.documents).shown.map((d) => ({ name: d.data.title, url: absoluteUrl(site, base, routes.document(d.id)) })),
      ),
    ],
  };
}

/** The main timeline page: an ItemList of its events. */
export function timelineSharing(
  view: TimelineView,
  model: Pick<StoryModel, 'story'>,
  site: URL | string | undefined,
  base: string,
): PageSharing {
  return {
    url: absoluteUrl(site, base, view.route),
    meta: { title: '時系列', description: view.description, ogType: 'website', kind: '時系列' },
    jsonLd: [
      timelineLd(
        `${model.story.siteName} 時系列`,
        view.main.map((event) => ({ event, url: absoluteUrl(site, base, routes.event(event)) })),
      ),
    ],
  };
}

/** 「声明のその後」: an ItemList of the statement's points. */
export function trackerSharing(view: TrackerOverview, site: URL | string | undefined, base: string): PageSharing {
  const description = `共同声明の${view.rows.length}項目は、その後どうなったか。${view.countsText}。${formatDay(view.checkedOn)}までの報道で確かめた。`;
  return {
    url: absoluteUrl(site, base, routes.tracker()),
    meta: { title: '声明のその後', description, ogType: 'website', kind: '声明のその後' },
    jsonLd: [
      pageListLd(
        '声明のその後',
        view.rows.map((r) => ({ name: r.question, url: absoluteUrl(site, base, r.route) })),
      ),
    ],
  };
}
