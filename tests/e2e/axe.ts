// axe over one page, as every browser test runs it. Legacy mode runs axe.run in the page itself,
// where the default runs axe.runPartial in each frame and then opens a blank page, injects axe
// there too and finishes the run in it: a page and a pass more per check. What legacy mode leaves
// out is cross-origin frames; the pages have no frame at all, and each run checks it.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * An axe run over `page` that reports violations only (passes in detail would double its time).
 * Chain rules and tags onto it, not `.options()`, which would replace these.
 */
export function axeOf(page: Page): AxeBuilder {
  // The main frame only: nothing that legacy mode would leave unchecked.
  if (page.frames().length !== 1)
    throw new Error(`${page.url()} has ${page.frames().length - 1} frame(s): axe in legacy mode skips cross-origin ones`);
  return new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
}
