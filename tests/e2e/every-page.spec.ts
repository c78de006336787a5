// Every page, visited once in Chromium (served under the sub-path), with every check that needs a
// browser: it answers in Japanese with one h1; nothing on it violates the Content Security Policy,
// logs an error or asks another host for anything, even when its controls are used; axe (WCAG 2.0,
// 2.1, 2.2 A and AA) finds nothing in the light theme nor, for colour contrast, in the dark one;
// and at 320 px it reflows without sideways scrolling, even with the WCAG 1.4.12 text spacing.
// Checks that need no browser run over the files (build-checks, sharing, budget, house-style).
import { test as base, expect, type Page } from '@playwright/test';
import { axeViolations, wcagTags as tags } from './axe.ts';
import { builtPages } from './site.ts';

// One page per worker for all the pages it checks (a new context per page costs more than the
// checks of a small page); each test resets what the previous one changed.
const test = base.extend<object, { shared: Page }>({
  shared: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ baseURL: process.env['E2E_SITE_URL']!, locale: 'ja-JP', serviceWorkers: 'allow' });
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
        // Each page starts in the light theme, as a first visit does.
        localStorage.clear();
      });
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

for (const route of [...builtPages(), '404.html']) {
  test(route, async ({ shared: page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const problems: string[] = [];
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: 'light' });
    const listeners = {
      console: (m: import('@playwright/test').ConsoleMessage) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      },
      pageerror: (e: Error) => problems.push(`error: ${e.message}`),
      request: (r: import('@playwright/test').Request) => {
        if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`);
      },
      requestfailed: (r: import('@playwright/test').Request) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`),
      response: (r: import('@playwright/test').Response) => {
        if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
      },
    };
    page.on('console', listeners.console);
    page.on('pageerror', listeners.pageerror);
    page.on('request', listeners.request);
    page.on('requestfailed', listeners.requestfailed);
    page.on('response', listeners.response);
    try {
      const response = await page.goto(route);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await expect(page.locator('h1')).toHaveCount(1);
      expect((await page.title()).trim()).not.toBe('');
      await expect(page.locator('main')).toBeVisible();
      // Headings and leads break by phrase (auto-phrase), never inside a word.
      const breaks = await page.locator('h1, h2, .lead').evaluateAll((els) => els.map((e) => getComputedStyle(e).wordBreak));
      expect(
        breaks.filter((b) => b !== 'auto-phrase'),
        'word-break of headings and leads',
      ).toEqual([]);

      // No frame: what the axe runs (./axe.ts) leave out does not exist on the page.
      await expect(page.locator('iframe, frame, object, embed')).toHaveCount(0);
      expect(await axeViolations(page, { tags }), 'light theme').toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page, { rules: ['color-contrast', 'link-in-text-block'] }), 'dark theme').toEqual([]);

      // Use the controls: the theme toggle (from the light theme a first visit starts in), and an
      // actor card where the page has one.
      await page.emulateMedia({ colorScheme: 'light' });
      await page.locator('[data-theme-toggle]').click();
      const name = page.locator('a.mention[interestfor]').first();
      if (await name.count()) {
        await name.focus();
        await page.keyboard.press('Escape');
      }

      await page.setViewportSize({ width: 320, height: 640 });
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await width(), 'no sideways scrolling at 320 px').toBeLessThanOrEqual(320);
      // A reader's own text-spacing stylesheet (WCAG 1.4.12), adopted through the CSSOM, which the
      // page's Content Security Policy does not govern.
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(
          '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
        );
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      expect(await width(), 'no sideways scrolling with the WCAG 1.4.12 text spacing').toBeLessThanOrEqual(320);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowY) && !el.classList.contains('visually-hidden'))
          .filter((el) => el.scrollHeight > el.clientHeight + 1)
          .map((el) => el.className),
      );
      expect(clipped, 'no text clipped').toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      page.off('console', listeners.console);
      page.off('pageerror', listeners.pageerror);
      page.off('request', listeners.request);
      page.off('requestfailed', listeners.requestfailed);
      page.off('response', listeners.response);
    }
  });
}
