// Web app manifest, so phones can install the site. Every URL in it is relative to the manifest,
// which sits at the site root, so it works under any base path.
import type { APIRoute } from 'astro';
import { getStory } from '../data.ts';
import { ICON_SIZES, THEME_COLOR } from '../lib/offline/icon.ts';
import { routes } from '../lib/view/urls.ts';

export const GET: APIRoute = async () => {
  const { story } = await getStory();
  const manifest = {
    name: story.siteName,
    short_name: story.siteName,
    description: story.description,
    lang: 'ja',
    start_url: routes.home(),
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: [
      ...ICON_SIZES.map((size) => ({ src: `icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png' })),
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
