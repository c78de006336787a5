// The cache key of a page for Astro's incremental builds (experimental.incrementalBuild in
// astro.config.mjs): Astro copies a page from the last build instead of rendering it when the key
// returned by getStaticPaths() and the hash of the page's modules are both unchanged. The code and
// the config (site, base) are Astro's to hash; the key is a hash of the DATA the page is laid out
// from: its view model and the parts of the story the site's frame shows (page-frame.ts). Whatever
// a page shows must reach it through these, or a rebuild would keep a stale copy (the large e2e
// build is made incrementally, after a build of the same story with marked edits, and fails if any
// page still shows a mark).
import { createHash } from 'node:crypto';

/** A hash of `inputs`: plain data, arrays, Maps and Sets (Dates as their JSON, ISO strings). */
export function pageKey(...inputs: unknown[]): string {
  // JSON.stringify fails on a value that contains itself, as the key should: such a view could not
  // be told from another by its text.
  return createHash('sha256').update(JSON.stringify(inputs, tagged)).digest('base64url').slice(0, 24);
}

/** JSON for what it has no form of: Maps and Sets as tagged entries, undefined in a list; a function refused. */
function tagged(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { '\u0000Map': [...value] };
  if (value instanceof Set) return { '\u0000Set': [...value] };
  if (typeof value === 'bigint') return { '\u0000BigInt': String(value) };
  // A property that is undefined is left out, as it is from the page; in a list it holds a place.
  if (value === undefined && Array.isArray(this)) return { '\u0000undefined': true };
  // A function or a symbol would hide what the page shows from the key.
  if (typeof value === 'function' || typeof value === 'symbol')
    throw new TypeError(`pageKey: a ${typeof value} cannot be keyed; a view model holds data only`);
  return value;
}
