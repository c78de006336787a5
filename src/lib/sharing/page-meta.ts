// What a page says about itself to link previews and search engines. Absolute URLs need the public
// origin (SITE_URL); without it they are left out rather than made up.
import type { DatingLike } from '../content/dates.ts';

export type OgType = 'article' | 'website' | 'profile';

export interface PageMeta {
  /** Page title without the site name. */
  title: string;
  description: string;
  ogType: OgType;
  /** Label of the kind of page, printed on the preview image ("解説", "時系列", …). */
  kind: string;
  /** For articles: publication time and section. */
  article?: { publishedTime: string | undefined; section: string; modifiedTime?: string };
}

/** The absolute URL of a route, or undefined when the origin is not known. */
export function absoluteUrl(site: URL | string | undefined, base: string, route: string): string | undefined {
  if (!site) return undefined;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return new URL(prefix + route, site).href;
}

/** The preview image of a page: og/<route with .png>. */
export function ogImageRoute(route: string): string {
  return `og/${route.replace(/\.html$/, '')}.png`;
}

/**
 * `article:published_time`, only when the day is known (ISO 8601 allows a date without a time).
 * A text dated approximately or only to the month gets none: no metadata states a precision the
 * facts do not have, and none disagrees with the JSON-LD date (schemaDate).
 */
export function publishedTime(d: DatingLike): string | undefined {
  return d.precision === 'day' && !d.end && d.date.length === 10 ? d.date : undefined;
}

/** schema.org date as precise as known: the day when it is exact, else the month. */
export function schemaDate(d: DatingLike): string {
  return d.precision === 'day' && !d.end ? d.date : d.date.slice(0, 7);
}

/** A JSON-LD block safe inside <script>: "<" is escaped, so "</script>" cannot end it. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
