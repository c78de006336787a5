// The one place that reads the environment. Everything else receives these values.
//   STORY_DIR  folder holding the story's content files (default: content)
//   SITE_URL   public origin, e.g. https://news.example.jp (default: none — absolute URLs are left out)
//   BASE_PATH  sub-path the site is served under, e.g. /news/ukraine-talks/ (default: /)
// and one that is not ours but shapes the preview images:
//   FREETYPE_PROPERTIES  FreeType's hinting settings, read by the drawing library (@napi-rs/canvas)
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of the story's content folder. */
export const storyDir: string = resolve(root, process.env.STORY_DIR || 'content');

/** Public origin without a trailing slash, or undefined when not configured. */
export const siteUrl: string | undefined = normaliseOrigin(process.env.SITE_URL);

/** Base path with leading and trailing slash. */
export const basePath: string = normaliseBase(process.env.BASE_PATH);

/** FreeType's settings from the environment ('' when unset): part of the preview images' cache key. */
export const freetypeProperties: string = process.env.FREETYPE_PROPERTIES ?? '';

function normaliseOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = new URL(value);
  return url.origin;
}

function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
