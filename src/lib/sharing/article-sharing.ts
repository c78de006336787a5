// What a document's page tells link previews and search engines: its meta tags and JSON-LD.
import type { Actor } from '../content/schema.ts';
import type { ArticleView } from '../view/article-view.ts';
import { routes } from '../view/urls.ts';
import { absoluteUrl, ogImageRoute, publishedTime, type PageMeta } from './page-meta.ts';
import { articleLd } from './structured-data.ts';

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
