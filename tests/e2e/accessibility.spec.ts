// WCAG 2.2 AA on every page, in both themes; keyboard focus; reflow; no layout shift.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './site.ts';

const pages = builtPages();
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const route of pages) {
      test(`${route}: axe finds no violations`, async ({ page }) => {
        await page.goto(route);
        const results = await new AxeBuilder({ page }).withTags(tags).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}

test('the theme toggle switches, persists without a flash, and is keyboard operable', async ({ page }) => {
  await page.goto('index.html');
  const toggle = page.getByRole('button', { name: 'ダークモード' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(18, 18, 18)');
  // The next page starts dark from its first paint: the theme is set before the stylesheet applies.
  await page.goto('timeline.html', { waitUntil: 'commit' });
  await page.waitForSelector('body');
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(18, 18, 18)');
});

test('every focusable element shows its focus, in DOM order', async ({ page }) => {
  for (const route of ['articles/analysis.html', 'actors/rubio.html']) {
    await page.goto(route);
    const total = await page.evaluate(
      () => [...document.querySelectorAll('a[href], button:not([hidden])')].filter((el) => (el as HTMLElement).offsetParent !== null).length,
    );
    let previous = -1;
    for (let i = 0; i < total; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const all = [...document.querySelectorAll('*')];
        return {
          tag: `${el.tagName} ${el.className} ${el.textContent?.slice(0, 20)}`,
          index: all.indexOf(el),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          opacity: style.opacity,
        };
      });
      expect(state.outline, `${route}: focus ring on ${state.tag}`).toBe(true);
      expect(state.opacity, `${route}: ${state.tag} visible when focused`).not.toBe('0');
      expect(state.index, `${route}: focus order at ${state.tag}`).toBeGreaterThan(previous);
      previous = state.index;
    }
  }
});

test('the skip link leads to the main content', async ({ page }) => {
  await page.goto('articles/interview.html');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へ移動' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test.describe('reflow at 320 px', () => {
  // The text-spacing overrides are a reader's own stylesheet (an extension or bookmarklet), which
  // the page's Content Security Policy does not govern; bypassCSP lets the test inject it.
  test.use({ viewport: { width: 320, height: 640 }, bypassCSP: true });
  test('no page scrolls sideways, even with the WCAG 1.4.12 text spacing', async ({ page }) => {
    for (const route of pages) {
      await page.goto(route);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), route).toBeLessThanOrEqual(320);
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${route} with text spacing`).toBeLessThanOrEqual(320);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowY) && !el.classList.contains('visually-hidden'))
          .filter((el) => el.scrollHeight > el.clientHeight + 1)
          .map((el) => el.className),
      );
      expect(clipped, route).toEqual([]);
    }
  });
});

test('pages do not shift while loading', async ({ page }) => {
  for (const route of ['index.html', 'articles/analysis.html', 'timeline.html']) {
    await page.goto(route);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(shift, route).toBe(0);
  }
});
