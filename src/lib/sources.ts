// How an external source is named on the page.
import type { Source } from './schema.ts';

/** The source's label, or its host name without "www." when it has none. */
export function sourceLabel(source: Source): string {
  return source.label ?? new URL(source.url).hostname.replace(/^www\./, '');
}
