// One thread of the preview-image pool (src/integrations/preview-images.ts): renders the cards it
// is given. Each thread loads the font and satori once, then reuses them for every image.
import { renderOgPng, type OgCard } from '../lib/sharing/og-image.ts';

export default async function render(card: OgCard): Promise<Uint8Array> {
  return renderOgPng(card);
}
