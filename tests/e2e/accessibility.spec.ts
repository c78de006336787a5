// Keyboard and theme behaviour on sample pages; axe and reflow run on every page in every-page.spec.ts.
import { test, expect } from '@playwright/test';
import { layoutShift } from './site.ts';
import { axeViolations, wcagTags } from './axe.ts';

// Every page's axe check passes when it finds nothing: this shows it finds what it must.
test('the axe check of the tests reports a broken page, within the part it is given', async ({ page }) => {
  await page.setContent(`<!doctype html><html><head><title></title></head><body>
    <main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><a href="#x"></a>
    <p style="color:#ccc;background:#fff">淡い文字</p></main><footer><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></footer></body></html>`);
  const rules = (lines: string[]) => lines.map((line) => line.split(':')[0]).sort();
  expect(rules(await axeViolations(page, { tags: wcagTags }))).toEqual([
    'color-contrast',
    'document-title',
    'html-has-lang',
    'image-alt',
    'link-name',
  ]);
  expect(await axeViolations(page, { rules: ['image-alt'] })).toEqual(['image-alt: main > img, footer > img']);
  expect(await axeViolations(page, { rules: ['image-alt'], include: 'footer' })).toEqual(['image-alt: footer > img']);
});

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
      () =>
        [...document.querySelectorAll('a[href], button:not([hidden])')].filter((el) => (el as HTMLElement).offsetParent !== null).length,
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
          // An actor's card opens when its name's link gets focus (interestfor), and its links come
          // next in the focus order, right after the name, wherever the card stands in the DOM.
          inCard: !!el.closest('[popover]'),
        };
      });
      expect(state.outline, `${route}: focus ring on ${state.tag}`).toBe(true);
      expect(state.opacity, `${route}: ${state.tag} visible when focused`).not.toBe('0');
      if (state.inCard) continue;
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

test('pages do not shift while loading', async ({ page }) => {
  for (const route of ['index.html', 'articles/analysis.html', 'timeline.html']) {
    await page.goto(route);
    const shift = await layoutShift(page);
    expect(shift, route).toBe(0);
  }
});
