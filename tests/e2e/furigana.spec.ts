// Furigana for every reader: readings set at build time, shown as the reader chooses (CSS alone,
// remembered by a small script), never read twice by a screen reader, never copied.
import { test, expect, type Page } from '@playwright/test';

const shown = (page: Page, grade: string) =>
  page
    .locator(`.prose ruby[data-grade="${grade}"] > rt`)
    .first()
    .evaluate((rt) => getComputedStyle(rt).display);

test('by default only names and kanji outside the jōyō list have readings; hidden readings are display:none', async ({ page }) => {
  await page.goto('articles/interview.html');
  await expect(page.locator('select[name="furigana"]')).toHaveValue('hard');
  expect(await shown(page, '8')).not.toBe('none');
  expect(await shown(page, '3')).toBe('none');
  // The byline's name has its reading: 中根(なかね)圭一(けいいち).
  await expect(page.locator('#p5 ruby[data-grade="8"]').first()).toContainText('中根');
});

test('a reader switches to 小学4年まで and back with the keyboard, and the choice survives a reload', async ({ page }) => {
  await page.goto('articles/analysis.html');
  const select = page.getByRole('combobox', { name: 'ふりがな' });
  await select.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('4');
  expect(await shown(page, '5')).not.toBe('none');
  expect(await shown(page, '3')).toBe('none');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'ふりがな' })).toHaveValue('4');
  expect(await shown(page, '5')).not.toBe('none');
  await page.getByRole('combobox', { name: 'ふりがな' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('combobox', { name: 'ふりがな' })).toHaveValue('hard');
  expect(await shown(page, '5')).toBe('none');
});

test('without JavaScript the setting still switches the readings (CSS :has)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('articles/statement.html');
  await page.locator('select[name="furigana"]').selectOption('all');
  expect(await shown(page, '2')).not.toBe('none');
  await page.locator('select[name="furigana"]').selectOption('none');
  expect(await shown(page, '2')).toBe('none');
  await context.close();
});
