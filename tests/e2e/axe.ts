// axe over one page, as every browser test runs it: axe-core injected once into the page's main
// frame and run there. Written over axe-core itself rather than through @axe-core/playwright,
// whose analyze() injects axe's 550 KB source twice per call (itself, then once per frame) and
// configures it again: the two checks of one page (every rule, then the dark theme's contrast)
// took 0.5–1.7 s through it and 0.1–0.5 s this way (the article, home, tracker and glossary pages).
// What a run in the main frame leaves out is frames; the pages have none, and each run checks it.
import axe from 'axe-core';
import type { Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Which checks to run: the rules of some tags, or some rules; within `include` (a selector), else the whole page. */
export interface AxeRun {
  tags?: readonly string[];
  rules?: readonly string[];
  include?: string;
}

type Axe = typeof axe;

/** axe's violations on `page`, one line per rule ("rule: target, target"); none when it finds nothing. */
export async function axeViolations(page: Page, run: AxeRun): Promise<string[]> {
  if (page.frames().length !== 1)
    throw new Error(`${page.url()} has ${page.frames().length - 1} frame(s): axe runs in the main frame only`);
  if (!run.tags === !run.rules) throw new Error('axeViolations: give either tags or rules');
  // Once per document: a navigation gives the next page a fresh window.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    ({ include, runOnly }) =>
      (window as unknown as { axe: Axe }).axe.run(include ? { include: [include] } : document, {
        runOnly,
        // Violations only: passes in detail would double the time of a run.
        resultTypes: ['violations'],
      }),
    {
      include: run.include,
      runOnly: run.tags ? { type: 'tag' as const, values: [...run.tags] } : { type: 'rule' as const, values: [...run.rules!] },
    },
  );
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
