// How an external source is named on the page.
import type { Source } from '../content/schema.ts';

/** The source's label, or its host name without "www." when it has none. */
export function sourceLabel(source: Source): string {
  return source.label ?? new URL(source.url).hostname.replace(/^www\./, '');
}

/** True for a label written in Latin script only (an English outlet name), which needs lang="en". */
export function isLatin(text: string): boolean {
  return /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]+$/u.test(text) && /\p{Script=Latin}/u.test(text);
}
