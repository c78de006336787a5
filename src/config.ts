// The one place that reads the environment. Everything else receives these values.
//   STORY_DIR  folder holding the story's content files (default: content)
//   SITE_URL   public origin, e.g. https://news.example.jp (default: none — absolute URLs are left out)
//   BASE_PATH  sub-path the site is served under, e.g. /news/ukraine-talks/ (default: /)
// and some that are not ours but shape the preview images, read by their drawing library
// (@napi-rs/canvas): FREETYPE_PROPERTIES (FreeType's hinting), NAPI_RS_NATIVE_LIBRARY_PATH and
// NAPI_RS_FORCE_WASI (which build of Skia is loaded).
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Absolute path of the story's content folder. */
export const storyDir: string = resolve(root, process.env.STORY_DIR || 'content');

/** Public origin without a trailing slash, or undefined when not configured. */
export const siteUrl: string | undefined = normaliseOrigin(process.env.SITE_URL);

/** Base path with leading and trailing slash. */
export const basePath: string = normaliseBase(process.env.BASE_PATH);

/** What the drawing library reads of an environment: part of the preview images' cache key. */
export interface DrawingEnvironment {
  freetypeProperties: string | null;
  /** A Skia build of the caller's, loaded instead of the installed one. */
  nativeLibraryPath: string | null;
  forceWasi: string | null;
}

export const drawingEnvironmentOf = (env: NodeJS.ProcessEnv): DrawingEnvironment => ({
  freetypeProperties: env.FREETYPE_PROPERTIES ?? null,
  nativeLibraryPath: env.NAPI_RS_NATIVE_LIBRARY_PATH ?? null,
  forceWasi: env.NAPI_RS_FORCE_WASI ?? null,
});

export const drawingEnvironment: DrawingEnvironment = drawingEnvironmentOf(process.env);

function normaliseOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = new URL(value);
  return url.origin;
}

function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
