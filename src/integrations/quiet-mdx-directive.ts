// Keeps one known, harmless bundler warning out of the build log: Astro's MDX output starts with the
// directive "use astro:head-inject", which Rolldown does not know and reports once per MDX module
// (MODULE_LEVEL_DIRECTIVE) — a thousand lines at a thousand documents, in which a real warning would
// be lost. Every other warning passes through unchanged.
import type { AstroIntegration } from 'astro';

type Warning = { code?: string; message: string };

/** Whether a bundler warning is the MDX head-inject directive and nothing else. */
export function isMdxDirectiveWarning(warning: Warning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"');
}

export function quietMdxDirective(): AstroIntegration {
  return {
    name: 'quiet-mdx-directive',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            build: {
              rolldownOptions: {
                onwarn(warning: Warning, warn: (warning: Warning) => void) {
                  if (!isMdxDirectiveWarning(warning)) warn(warning);
                },
              },
            },
          },
        });
      },
    },
  };
}
