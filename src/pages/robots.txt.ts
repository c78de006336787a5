import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/sharing/page-meta.ts';

// Points at the sitemap when the origin is known (the sitemap exists only then).
export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(site, import.meta.env.BASE_URL, 'sitemap-index.xml');
  const body = ['User-agent: *', 'Allow: /', ...(sitemap ? [`Sitemap: ${sitemap}`] : [])].join('\n') + '\n';
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
