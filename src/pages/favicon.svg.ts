import type { APIRoute } from 'astro';
import { ICON_SVG } from '../lib/offline/icon.ts';

export const GET: APIRoute = () => new Response(ICON_SVG, { headers: { 'content-type': 'image/svg+xml' } });
