// Screenshots of the main kinds of page, phone and desktop, light and dark, kept as test artifacts
// (test-results/screenshots/) for people to look at: `npm run screenshots` (not part of npm test).
// Each also checks that the page fills its width.
import { test, expect } from '@playwright/test';
import { join } from 'node:path';

const routes = [
  'index.html',
  'tracker.html',
  'tracker/ceasefire.html',
  'articles/analysis.html',
  'timeline.html',
  'timeline/2025-04.html',
  'actors/rubio.html',
];

for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${width} px ${scheme}`, () => {
      test.use({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const route of routes) {
        test(`screenshot of ${route}`, async ({ page }, info) => {
          await page.goto(route);
          const name = `${route.replace(/[/.]/g, '_')}-${width}-${scheme}.png`;
          const path = join(info.project.outputDir, 'screenshots', name);
          await page.screenshot({ path, fullPage: true });
          await info.attach(name, { path, contentType: 'image/png' });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        });
      }
    });
  }
}
