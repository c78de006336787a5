// Another story's content builds into the same kind of site with the same command: proof that
// src/ holds no text of the real story. The content folder is chosen by STORY_DIR alone.
import { test, expect } from '@playwright/test';
import { builtPages, sourceDocuments, textsWithoutReadings } from './site.ts';
import { builds, fixtureStoryDir, urlOf } from './builds.ts';

// Built and served by global-setup.ts, from a copy of the project at a path with a space and
// Japanese characters.
const outDir = builds.fixture;
const fixture = fixtureStoryDir;
const server = {
  get url() {
    return urlOf('fixture');
  },
};

test('the fixture story builds every kind of page', () => {
  expect(builtPages(outDir)).toEqual([
    'about.html',
    'actors.html',
    'actors/altea.html',
    'actors/mira-thorn.html',
    'actors/port-board.html',
    'articles/notes.html',
    'articles/report.html',
    'index.html',
    'search.html',
    'timeline.html',
    'timeline/2030-07.html',
    'timeline/2030-11.html',
    'tracker.html',
    'tracker/joint-operation.html',
    'tracker/term.html',
  ]);
});

test('its pages show its own text and none of the real story', async ({ page }) => {
  for (const route of builtPages(outDir)) {
    await page.goto(server.url + route);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('header .site-name')).toHaveText('架空の港湾協定を読む');
    const text = await page.locator('body').innerText();
    for (const word of ['ウクライナ', 'トランプ', 'ジッダ', '停戦']) expect(text, `${route}`).not.toContain(word);
  }
});

test('its documents show their paragraphs and its timeline cites them', async ({ page }) => {
  for (const doc of sourceDocuments(fixture)) {
    await page.goto(`${server.url}articles/${doc.id}.html`);
    expect(await textsWithoutReadings(page.locator('.prose > p'))).toEqual(doc.paragraphs);
  }
  await page.goto(`${server.url}timeline.html`);
  await expect(page.locator('#signing h3')).toHaveText('協定に署名');
  await page
    .locator('#signing')
    .getByRole('link', { name: /第2段落/ })
    .click();
  await expect(page).toHaveURL(/articles\/report\.html#p2$/);
});
