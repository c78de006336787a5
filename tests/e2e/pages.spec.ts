// Every page of the built site, as a reader's browser gets it.
import { test, expect } from '@playwright/test';
import { builtPages, sourceDocuments, textsWithoutReadings } from './site.ts';

const pages = builtPages();

test('the build has the home, timeline, glossary, document and actor pages', () => {
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'timeline.html', 'actors.html']));
  expect(pages.filter((p) => p.startsWith('articles/')).length).toBe(sourceDocuments().length);
  expect(pages.filter((p) => p.startsWith('actors/')).length).toBeGreaterThan(0);
});

for (const doc of sourceDocuments()) {
  test(`articles/${doc.id}.html shows every paragraph of its source, in order`, async ({ page }) => {
    await page.goto(`articles/${doc.id}.html`);
    const shown = await textsWithoutReadings(page.locator('.prose > p'));
    expect(shown).toEqual(doc.paragraphs);
    for (let n = 1; n <= doc.paragraphs.length; n++) {
      expect(await textsWithoutReadings(page.locator(`.prose > p#p${n}`))).toEqual([doc.paragraphs[n - 1]!]);
    }
  });
}

test('a missing page answers 404 with a Japanese page and a way back home', async ({ page }) => {
  const response = await page.goto('no/such/page.html');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('ページが見つかりません');
  await page.getByRole('link', { name: 'トップページへ戻る' }).click();
  await expect(page).toHaveURL(/\/index\.html$/);
});
