// Says in the build log what is left out when the public origin is unknown, so nobody deploys a
// site without link previews by accident.
import type { AstroIntegration } from 'astro';

export function publicUrlNotice(): AstroIntegration {
  return {
    name: 'public-url-notice',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        if (!config.site) {
          logger.warn(
            'SITE_URL is not set: canonical links, og:url, og:image, the sitemap, the feed and the share links are left out. Set SITE_URL=https://… (and BASE_PATH) to build them.',
          );
        }
      },
    },
  };
}
