// axe over one page, as every browser test runs it. Legacy mode runs axe.run in the page itself,
// where the default injects axe into every frame for axe.runPartial and then opens a blank page
// for axe.finishRun: three injections of axe-core and a page per check. What legacy mode leaves
// out is cross-origin frames, and the pages have no frame at all (every-page.spec.ts checks it).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** An axe run over `page` that reports violations only (passes in detail would double its time). */
export const axeOf = (page: Page): AxeBuilder => new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
