// Names lead to actors, actors list their passages, events cite paragraphs, paragraphs link back.
import { test, expect } from '@playwright/test';
import { loadStory, realContent } from '../unit/load-content.ts';

const model = loadStory(realContent);

test.describe('paragraph permalinks', () => {
  test('appear on keyboard focus and put the paragraph in the address bar', async ({ page }) => {
    await page.goto('articles/analysis.html');
    const permalink = page.locator('#p3 .permalink');
    await expect(permalink).toHaveCSS('opacity', '0');
    await page.keyboard.press('Tab'); // keyboard modality, so focus is visible
    await permalink.focus();
    await expect(permalink).toHaveCSS('opacity', '1');
    await expect(permalink).toHaveAccessibleName('第3段落へのリンク');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/articles\/analysis\.html#p3$/);
    await expect(page.locator('#p3')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  });

  test('highlight the paragraph a page is opened at', async ({ page }) => {
    await page.goto('articles/interview.html#p4');
    await expect(page.locator('#p4')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    await expect(page.locator('#p3')).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  });
});

test.describe('actor mentions', () => {
  test('the first mention links to the actor, later ones are marked but not linked', async ({ page }) => {
    await page.goto('articles/analysis.html');
    await expect(page.locator('.prose a.mention[data-actor="russia"]')).toHaveCount(1);
    const all = await page.locator('.prose .mention[data-actor="russia"]').count();
    expect(all).toBe(model.passagesByActor.get('russia')!.filter((p) => p.documentId === 'analysis').length);
    await page.locator('#p6 a.mention[data-actor="rubio"]').click();
    await expect(page).toHaveURL(/actors\/rubio\.html$/);
    await expect(page.locator('h1')).toHaveText('マルコ・ルビオ');
  });

  test("a name's card opens by interest: on keyboard focus and on hover, and closes with Escape", async ({ page }) => {
    await page.goto('articles/analysis.html');
    const name = page.locator('#p6 a.mention[data-actor="rubio"]');
    const card = page.locator('#card-rubio');
    await expect(name).toHaveAttribute('interestfor', 'card-rubio');
    await expect(card).toBeHidden();
    await name.focus();
    await expect(card).toBeVisible();
    await expect(card).toContainText('国務長官');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    await page.locator('.prose a.mention[data-actor="trump"]').first().hover();
    await expect(page.locator('#card-trump')).toBeVisible();
  });

  test('each paragraph reads as a sentence: its accessibility tree holds text and links, no button; copying gives the text as written', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    for (const doc of model.documents) {
      await page.goto(`articles/${doc.id}.html`);
      for (const p of doc.paragraphs) {
        const paragraph = page.locator(`.prose > p#${p.id}`);
        const tree = await paragraph.ariaSnapshot();
        expect(tree, `${doc.id}#${p.id}`).not.toMatch(/^\s*- button/m);
        // Copy the paragraph's text as a reader would, by selecting it.
        const copied = await paragraph.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const selection = getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          return selection.toString();
        });
        expect(copied, `${doc.id}#${p.id}`).toBe(p.text);
      }
    }
  });

  test('a document lists its actors in order of first appearance', async ({ page }) => {
    await page.goto('articles/interview.html');
    const names = await page.locator('.cast a').allTextContents();
    expect(names).toEqual(model.actorsByDocument.get('interview')!.map((id) => model.actorsById.get(id)!.name));
  });
});

test.describe('indexes', () => {
  test('an actor page lists every passage, with the mention highlighted and a link to it', async ({ page }) => {
    const passages = model.passagesByActor.get('usa')!;
    await page.goto('actors/usa.html');
    await expect(page.locator('.passages li')).toHaveCount(passages.length);
    await expect(page.locator('.passages li').first().locator('mark')).toHaveText(passages[0]!.mention.form);
    await page.locator('.passages li').nth(1).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${passages[1]!.ref.replace('#', '\\.html#')}$`));
  });

  test('the glossary shows how often each actor appears, credits included, and who appears only in the timeline', async ({ page }) => {
    await page.goto('actors.html');
    const entry = (id: string) => page.locator('dd', { has: page.locator(`xpath=preceding-sibling::dt[1][@id="${id}"]`) });
    await expect(entry('trump')).toContainText(`記事での登場 ${model.passagesByActor.get('trump')!.length}件`);
    // The interviewee appears under the headline, not in a paragraph: that is an appearance.
    await expect(entry('tsuruoka')).toContainText('記事での登場 1件');
    await expect(entry('umerov')).toContainText('記事には登場せず、時系列のみ');
  });

  test("the interviewee's page shows the credit under the headline as an appearance", async ({ page }) => {
    await page.goto('actors/tsuruoka.html');
    const section = page.getByRole('region', { name: /^記事での登場/ });
    await expect(section.getByRole('heading')).toHaveText('記事での登場(1件)');
    await expect(section).toContainText('インタビューの話し手(見出しの下のクレジット)');
  });

  test('a timeline event links to its paragraphs, which link back with a date marker', async ({ page }) => {
    await page.goto('timeline.html');
    const event = page.locator('#jeddah-talks');
    await expect(event.locator('.excerpt', { hasText: '休憩を挟んで8時間以上続いた協議の後' })).toHaveCount(1);
    await event.getByRole('link', { name: '解説・第2段落' }).click();
    await expect(page).toHaveURL(/articles\/analysis\.html#p2$/);
    const marker = page.locator('#p2 .cite-marker[href$="#jeddah-talks"]');
    await expect(marker).toHaveAccessibleName(/^時系列、2025年3月11日、/);
    await marker.click();
    await expect(page).toHaveURL(/timeline\.html#jeddah-talks$/);
  });
});

test('the statement page reads each point against the analysis and the interview', async ({ page }) => {
  await page.goto('articles/statement.html');
  const map = page.locator('section[aria-labelledby="statement-map"]');
  const points = model.statementMap.filter((e) => e.point);
  await expect(map.locator('ol.statement-map > li')).toHaveCount(points.length);
  const numbers = await map.locator('ol.statement-map > li > p:first-child > a').allTextContents();
  expect(numbers).toEqual(points.map((_, i) => `第${i + 1}段落`));
  const ceasefire = map.locator('li', { hasText: '即時・暫定的な30日間の停戦' });
  await expect(ceasefire.getByRole('link', { name: '解説・第5段落' })).toBeVisible();
  const left = map.locator('li', { hasText: '「安全の保証」' });
  await left.getByRole('link', { name: 'インタビュー・第3段落' }).click();
  await expect(page).toHaveURL(/articles\/interview\.html#p3$/);
});
