// One preview image per page (og/<page route>.png), rendered at build time from the page's title
// and kind (src/lib/og-cards.ts) with a Japanese font subset for each image (src/lib/og-image.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../data.ts';
import { ogCards } from '../../lib/og-cards.ts';
import { renderOgPng } from '../../lib/og-image.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const model = await getStory();
  return ogCards(model).map((card) => ({
    params: { page: card.route.replace(/\.html$/, '') },
    props: { title: card.title, kind: card.kind, siteName: model.story.siteName },
  }));
};

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgPng(props as { title: string; kind: string; siteName: string });
  return new Response(png, { headers: { 'content-type': 'image/png' } });
};
