// The RSS feed of the story's documents. A feed needs absolute links, so it is built only when
// the public origin is known.
import type { APIRoute, GetStaticPaths } from 'astro';
import rss from '@astrojs/rss';
import { getStory } from '../data.ts';
import { routes } from '../lib/view/urls.ts';
import { absoluteUrl, publishedTime } from '../lib/sharing/page-meta.ts';
import { kindLabel } from '../lib/view/labels.ts';

export const getStaticPaths: GetStaticPaths = () => (import.meta.env.SITE ? [{ params: { feed: 'feed' } }] : []);

export const GET: APIRoute = async ({ site }) => {
  const { story, documents, tracker } = await getStory();
  const base = import.meta.env.BASE_URL;
  return rss({
    title: story.siteName,
    description: story.description,
    site: absoluteUrl(site, base, '')!,
    customData: '<language>ja</language>',
    items: [
      ...documents.map((doc) => {
        // A text's day of publication is given only when it is known (see publishedTime).
        const day = publishedTime(doc.data.date);
        return {
          title: doc.data.title,
          description: doc.data.description,
          link: absoluteUrl(site, base, routes.document(doc.id))!,
          ...(day ? { pubDate: new Date(`${day}T00:00:00+09:00`) } : {}),
          categories: [kindLabel[doc.data.kind]],
        };
      }),
      // Each tracked point, dated by the day its sources were last checked.
      ...tracker.points.map((p) => ({
        title: p.entry.question,
        description: p.entry.oneLine,
        link: absoluteUrl(site, base, routes.trackerPoint(p.entry.id))!,
        pubDate: new Date(`${tracker.checkedOn}T00:00:00+09:00`),
        categories: ['声明のその後'],
      })),
    ],
  });
};
