import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { ICON_SIZES, ICON_SVG } from '../../lib/offline/icon.ts';

export const getStaticPaths: GetStaticPaths = () => ICON_SIZES.map((size) => ({ params: { size: `icon-${size}` } }));

export const GET: APIRoute = async ({ params }) => {
  const size = Number(String(params['size']).replace('icon-', ''));
  const png = await sharp(Buffer.from(ICON_SVG), { density: (72 * size) / 32 })
    .resize(size, size)
    .png()
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
