import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { longestNamedWindow, longestProgram, windows } from './support/profile';

test('an unknown address answers 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await expect(page.getByRole('main').getByRole('link', { name: '窓口をさがす' })).toHaveAttribute('href', '/madoguchi/');
  await expectNoAxeViolations(page, '404');
});

test('the urgent block sits in the same place on every page type', async ({ page }) => {
  const positions: number[] = [];
  for (const path of ['/', '/madoguchi/', `/madoguchi/${windows[0]!.id}/`, '/shikumi/about/', '/ibasho/']) {
    await page.goto(path);
    // Same order in the document: right after the header, before main.
    positions.push(await page.evaluate(() => [...document.body.querySelectorAll('header, aside.urgent, main')].findIndex((e) => e.matches('aside.urgent'))));
  }
  expect(new Set(positions)).toEqual(new Set([1]));
});

test('pages are usable at 320 px wide without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  // The window and program pages likeliest to overflow: the longest name, the most text.
  for (const path of ['/', '/madoguchi/', `/madoguchi/${longestNamedWindow.id}/`, `/shikumi/${longestProgram}/`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await page.goto('/madoguchi/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '本文へ移動' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test.describe('the page frame on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('one language control and one menu, each opened by keyboard, and a one-line emergency strip', async ({ page }) => {
    await page.goto('/madoguchi/');
    const header = page.locator('header');
    await expect(header.locator('summary')).toHaveText(['言語 (Language)', 'メニュー']);
    await expect(header.getByRole('link', { name: 'English' })).toBeHidden();
    await expect(header.getByRole('link', { name: '相談を送る' })).toBeHidden();
    await header.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    await expect(header.getByRole('link', { name: 'English' })).toBeVisible();
    await header.locator('summary').nth(1).focus();
    await page.keyboard.press('Space');
    await expect(header.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '相談を送る' })).toBeVisible();
    // The strip: 110 and 119 as tel: links and the full list, on one line.
    const strip = page.getByRole('complementary', { name: 'いま危険がある、命にかかわるとき' });
    await expect(strip.getByRole('link', { name: /^110/ })).toHaveAttribute('href', 'tel:110');
    await expect(strip.getByRole('link', { name: /^119/ })).toHaveAttribute('href', 'tel:119');
    await expect(strip.getByRole('link', { name: 'ほかの番号' })).toHaveAttribute('href', '/kinkyu/');
    // One line of text is 24 px (1.5 × 16 px) plus padding; a second line would add another 24 px.
    const height = (await strip.boundingBox())!.height;
    expect(height, 'the strip is one line high').toBeLessThan(48);
    await expectNoAxeViolations(page, 'header with both disclosures open');
  });

  test('without JavaScript the language control and the menu still open', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('header summary', { hasText: '言語 (Language)' }).click();
    await page.locator('header').getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/$/);
    await page.locator('header summary', { hasText: 'Menu' }).click();
    await expect(page.locator('header').getByRole('link', { name: 'Places to meet' })).toHaveAttribute('href', '/en/ibasho/');
    await context.close();
  });

  test('the full list of numbers has every verified hotline, the DV lines among them', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'ほかの番号' }).click();
    await expect(page).toHaveURL(/\/kinkyu\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('緊急のときの電話と相談電話');
    for (const [id, number] of [['police', '110'], ['fire-ambulance', '119'], ['child-abuse-189', '189'], ['dv-plus', '0120-279-889'], ['dv-navi', '#8008'], ['yorisoi', '0120-279-338'], ['kokoro', '0570-064-556']]) {
      await expect(page.locator(`#hotline-${id}`).getByRole('link', { name: number })).toBeVisible();
    }
    await expectNoAxeViolations(page, '/kinkyu/');
  });
});

test('on a wide screen the menu is always shown, without a toggle', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  await expect(page.locator('header').getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '居場所' })).toBeVisible();
  await expect(page.locator('header summary', { hasText: 'メニュー' })).toBeHidden();
});
