// One thread of the preview-image pool (src/integrations/preview-images.ts). Each thread loads the
// drawing library and the font once, then takes the next image from a counter all threads share and writes it
// into the cache itself, until none is left: no image waits for the main thread, which is busy
// bundling the pages while the first images are drawn.
import { writeAtomically } from '../cache-files.ts';
import { join } from 'node:path';
import { renderOgPng, type OgCard } from '../lib/sharing/og-image.ts';

export interface DrawingBatch {
  /** The images the cache lacks: the card, and the file of its cache entry. */
  jobs: ReadonlyArray<{ card: OgCard; file: string }>;
  cacheDir: string;
  /** One Int32: the index of the next job to take (shared by every thread). */
  next: SharedArrayBuffer;
}

/** Draws jobs until none is left; gives how many this thread drew. */
export default async function draw({ jobs, cacheDir, next }: DrawingBatch): Promise<number> {
  const counter = new Int32Array(next);
  let drawn = 0;
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) {
    const { card, file } = jobs[i]!;
    const png = await renderOgPng(card);
    try {
      await writeAtomically(join(cacheDir, file), png);
    } catch (error) {
      // The folder went away under another build's clean-up: the image is not kept, and the
      // copy step draws it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    drawn += 1;
  }
  return drawn;
}
