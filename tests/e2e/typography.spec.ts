// The automatable checks of shared/design/typography.md §4: language, body metrics, measure,
// underlined links, phrase breaking without zero-width spaces, kinsoku at line edges.
import { endsBadly, startsBadly } from '../../src/lib/view/kinsoku.ts';
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './site.ts';

const pages = builtPages();
const documents = pages.filter((p) => p.startsWith('articles/'));

/** Text of each rendered line of the paragraphs matching `selector`, from character boxes. */
async function lines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const p of document.querySelectorAll(sel)) {
      // Readings (<rt>) stand above the line, not in it.
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('rt') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let line = '';
      let top: number | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (top !== undefined && rect.top > top + rect.height / 2) {
            out.push(line);
            line = '';
          }
          if (top === undefined || rect.top > top + rect.height / 2) top = rect.top;
          line += text[i];
        }
      }
      if (line) out.push(line);
    }
    return out;
  }, selector);
}

test('Japanese is declared, and foreign names carry their own language', async ({ page }) => {
  await page.goto('actors.html');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const names = page.locator('.glossary dt [lang]');
  expect(await names.count()).toBeGreaterThan(10);
  for (const lang of await names.evaluateAll((els) => els.map((e) => e.getAttribute('lang')))) expect(lang).not.toBe('ja');
});

for (const width of [375, 1280]) {
  test.describe(`body text at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    test('is set at ≥16 px with generous leading, strict line breaking and explicit spacing', async ({ page }) => {
      await page.goto('articles/analysis.html');
      const style = await page
        .locator('.prose p')
        .first()
        .evaluate((p) => {
          const s = getComputedStyle(p) as CSSStyleDeclaration & Record<string, string>;
          return {
            size: parseFloat(s.fontSize),
            leading: parseFloat(s.lineHeight) / parseFloat(s.fontSize),
            tracking: parseFloat(s.letterSpacing) || 0,
            lineBreak: s.lineBreak,
            trim: s.getPropertyValue('text-spacing-trim'),
            autospace: s.getPropertyValue('text-autospace'),
            family: s.fontFamily,
          };
        });
      expect(style.size).toBeGreaterThanOrEqual(16);
      expect(style.leading).toBeGreaterThanOrEqual(width >= 1280 ? 1.75 : 1.7);
      expect(style.tracking).toBeGreaterThanOrEqual(0);
      expect(style.lineBreak).toBe('strict');
      expect(style.trim).toBe('trim-start');
      expect(style.autospace).toBe('normal');
      expect(style.family.startsWith('"Hiragino Sans"')).toBe(true);
      expect(style.family).not.toContain('system-ui');
    });
  });
}

test.describe('measure at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  test('no line of body text is longer than 40 full-width characters', async ({ page }) => {
    for (const route of documents) {
      await page.goto(route);
      const ic = await page.evaluate(() => {
        const probe = document.createElement('span');
        probe.textContent = '水';
        document.querySelector('.prose p')!.append(probe);
        const w = probe.getBoundingClientRect().width;
        probe.remove();
        return w;
      });
      const width = await page
        .locator('.prose p')
        .first()
        .evaluate((p) => p.getBoundingClientRect().width);
      expect(width / ic, route).toBeLessThanOrEqual(40);
      for (const line of await lines(page, '.prose > p')) {
        const units = [...line].reduce((n, ch) => n + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
        expect(units, `${route}: ${line}`).toBeLessThanOrEqual(40);
      }
    }
  });
});

test('links in text are underlined', async ({ page }) => {
  for (const route of ['index.html', 'articles/analysis.html', 'timeline.html', 'actors/usa.html']) {
    await page.goto(route);
    // Date markers and permalinks are controls drawn with a border or symbol, not words of the text.
    const plain = await page
      .locator('main p a:not(.cite-marker):not(.permalink), main li a:not(.permalink)')
      .evaluateAll((as) => as.filter((a) => !getComputedStyle(a).textDecorationLine.includes('underline')).map((a) => a.textContent));
    expect(plain, route).toEqual([]);
  }
});

test('headings and leads carry <wbr> between phrases for other browsers, and no page has a zero-width space', () => {
  // (That they break by phrase in Chromium, word-break: auto-phrase, is checked on every page in every-page.spec.ts.)
  for (const route of pages) {
    const html = readFileSync(join(distDir, route), 'utf8');
    expect(html, route).not.toContain('\u200b');
    expect(html, route).not.toContain('&#8203;');
  }
  const analysis = readFileSync(join(distDir, 'articles/analysis.html'), 'utf8');
  expect(analysis).toMatch(/<h1 class="bx">[^<]+<wbr>/);
});

for (const width of [320, 375]) {
  test.describe(`kinsoku at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    test('no line of body text starts or ends with a forbidden character', async ({ page }) => {
      for (const route of documents) {
        await page.goto(route);
        for (const line of await lines(page, '.prose > p')) {
          expect(startsBadly(line), `${route}: line starts with a character that may not start one: ${line}`).toBe(false);
          expect(endsBadly(line), `${route}: line ends with a character that may not end one: ${line}`).toBe(false);
        }
      }
    });
  });
}
