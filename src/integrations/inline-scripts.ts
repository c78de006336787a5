// The page scripts in src/scripts/ are inlined verbatim (set:html), which Astro's CSP does not
// hash by itself; their hashes are computed here and added to script-src.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('../scripts/', import.meta.url));

/** "sha256-…" of every script in src/scripts/, as CSP source expressions. */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map(
      (f) =>
        `sha256-${createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('base64')}` as const,
    );
}
