// The cache key of a page for Astro's incremental builds (experimental.incrementalBuild in
// astro.config.mjs): Astro copies a page from the last build instead of rendering it when the key
// returned by getStaticPaths() and the hash of the page's modules are both unchanged. The code and
// the config (site, base) are Astro's to hash; the key is a hash of the DATA the page is laid out
// from: its view model and the parts of the story the site's frame shows (page-frame.ts). Whatever
// a page shows must reach it through these, or a rebuild would keep a stale copy (the large e2e
// build is made incrementally, after a build of the same story with marked edits, and fails if any
// page still shows a mark).
import { createHash, type Hash } from 'node:crypto';

/** A hash of `inputs`: plain data, arrays, Maps, Sets and Dates. */
export function pageKey(...inputs: unknown[]): string {
  const hash = createHash('sha256');
  feed(hash, inputs, []);
  return hash.digest('base64url').slice(0, 24);
}

/**
 * Writes `value` into `hash`, each kind of value tagged so that two different values never write
 * the same bytes. A value met again inside itself (a document whose paragraphs point back at it)
 * is written as a reference to that ancestor: it is already hashed there.
 */
function feed(hash: Hash, value: unknown, ancestors: object[]): void {
  if (value === null || value === undefined) return void hash.update(value === null ? 'N;' : 'U;');
  switch (typeof value) {
    case 'string':
      return void hash.update(`s${value.length}:`).update(value);
    case 'number':
      return void hash.update(`f${String(value)};`);
    case 'boolean':
      return void hash.update(value ? 'T;' : 'F;');
    case 'bigint':
      return void hash.update(`i${String(value)};`);
    case 'object':
      break;
    default:
      // A function or a symbol would hide what the page shows from the key.
      throw new TypeError(`pageKey: a ${typeof value} cannot be keyed; a view model holds data only`);
  }
  const object = value as object;
  const at = ancestors.indexOf(object);
  if (at >= 0) return void hash.update(`^${ancestors.length - at};`);
  ancestors.push(object);
  if (object instanceof Date) hash.update(`d${object.toISOString()};`);
  else if (Array.isArray(object) || object instanceof Set) {
    const items = [...(object as Iterable<unknown>)];
    hash.update(`${object instanceof Set ? 'S' : 'a'}${items.length}[`);
    for (const item of items) feed(hash, item, ancestors);
  } else if (object instanceof Map) {
    hash.update(`M${object.size}[`);
    for (const [k, v] of object) {
      feed(hash, k, ancestors);
      feed(hash, v, ancestors);
    }
  } else {
    const entries = Object.entries(object).filter(([, v]) => v !== undefined);
    hash.update(`o${entries.length}{`);
    for (const [k, v] of entries) {
      hash.update(`${k.length}:${k}`);
      feed(hash, v, ancestors);
    }
  }
  ancestors.pop();
}
