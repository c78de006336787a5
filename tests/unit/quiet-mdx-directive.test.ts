// The one bundler warning the build log leaves out (src/integrations/quiet-mdx-directive.ts).
import { describe, expect, it } from 'vitest';
import { isMdxDirectiveWarning } from '../../src/integrations/quiet-mdx-directive.ts';

describe('isMdxDirectiveWarning', () => {
  it('is the MDX head-inject directive only: other directives and other warnings stay in the log', () => {
    const directive = (name: string) => ({
      code: 'MODULE_LEVEL_DIRECTIVE',
      message: `The semantics of the module level directive "${name}" in "content/documents/analysis.mdx" are not supported`,
    });
    expect(isMdxDirectiveWarning(directive('use astro:head-inject'))).toBe(true);
    expect(isMdxDirectiveWarning(directive('use client'))).toBe(false);
    expect(isMdxDirectiveWarning({ code: 'CIRCULAR_DEPENDENCY', message: '"use astro:head-inject"' })).toBe(false);
  });
});
