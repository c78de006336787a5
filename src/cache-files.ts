// What the build's caches under node_modules/.cache/ share: the stamp of the files an entry was
// made from, and a write that never leaves half a file (the compile cache, the rendered bodies,
// the preview images).
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';

/** A stamp of files' contents (missing files count as empty), e.g. the sources and the lockfile. */
export async function filesStamp(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of [...paths].sort()) {
    hash.update(path).update('\0');
    hash.update(await readFile(path).catch(() => Buffer.alloc(0))).update('\0');
  }
  return hash.digest('hex');
}

let writes = 0;

/**
 * Writes `data` to `file` under another name first (unique per process and thread, ending in .tmp),
 * then renames it: a build stopped half-way leaves no broken entry, only a .tmp file that the
 * caches' clean-ups delete once it is old. A failed write leaves nothing and throws.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${threadId}.${++writes}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}
