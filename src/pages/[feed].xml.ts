// The RSS feed of the story's documents. A feed needs absolute links, so it is built only when
// the public origin is known.
import type { APIRoute, GetStaticPaths } from 'astro';
import rss from '@astrojs/rss';
import { getStory } from '../data.ts';
import { routes } from '../lib/urls.ts';
import { absoluteUrl, publishedTime } from '../lib/page-meta.ts';
import { kindLabel } from '../lib/labels.ts';

export const getStaticPaths: GetStaticPaths = () => (import.meta.env.SITE ? [{ params: { feed: 'feed' } }] : []);

export const GET: APIRoute = async ({ site }) => {
  const { story, documents } = await getStory();
  const base = import.meta.env.BASE_URL;
  return rss({
    title: story.siteName,
    description: story.description,
    site: absoluteUrl(site, base, '')!,
    customData: '<language>ja</language>',
    items: documents.map((doc) => ({
      title: doc.data.title,
      description: doc.data.description,
      link: absoluteUrl(site, base, routes.document(doc.id))!,
      pubDate: new Date(publishedTime(doc.data.date)),
      categories: [kindLabel[doc.data.kind]],
    })),
  });
};
