// One preview image per page (og/<page route>.png), rendered at build time from the page's title
// and kind (src/lib/sharing/og-cards.ts) with a Japanese font subset for each image (src/lib/sharing/og-image.ts).
// Only link previews use them, and previews need absolute URLs: without SITE_URL no page links
// an image, so none is rendered (a build for file:// or an intranet is seconds faster).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../data.ts';
import { ogCards } from '../../lib/sharing/og-cards.ts';
import { renderOgPng } from '../../lib/sharing/og-image.ts';
import { siteUrl } from '../../config.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  if (!siteUrl) return [];
  const model = await getStory();
  return ogCards(model).map((card) => ({
    params: { page: card.route.replace(/\.html$/, '') },
    props: { title: card.title, kind: card.kind, siteName: model.story.siteName, figure: card.figure },
  }));
};

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgPng(props as { title: string; kind: string; siteName: string; figure?: string });
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
