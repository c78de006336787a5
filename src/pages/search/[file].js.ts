// The search index as static files (search/meta.js, search/r0.js …, search/s0.js …): classic scripts that call
// a global, so the search page can load them with <script src> — which, unlike fetch() and ES
// modules, also works on file://. Written during the build like any page, so the service worker
// precaches them.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory } from '../../data.ts';
import { storyIndex } from '../../lib/search/records.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { files } = storyIndex(await getStory());
  return files.map((f) => ({ params: { file: f.path.replace(/^search\//, '').replace(/\.js$/, '') }, props: { content: f.content } }));
};

export const GET: APIRoute = ({ props }) =>
  new Response((props as { content: string }).content, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
