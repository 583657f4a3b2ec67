import { expect, expectNoAxeViolations, test } from './support/fixtures';

test('an unknown address answers 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await expect(page.getByRole('main').getByRole('link', { name: '窓口をさがす' })).toHaveAttribute('href', '/madoguchi/');
  await expectNoAxeViolations(page, '404');
});

test('the urgent block sits in the same place on every page type', async ({ page }) => {
  const positions: number[] = [];
  for (const path of ['/', '/madoguchi/', '/madoguchi/katori-ccc/', '/shikumi/about/', '/ibasho/']) {
    await page.goto(path);
    // Same order in the document: right after the header, before main.
    positions.push(await page.evaluate(() => [...document.body.querySelectorAll('header, aside.urgent, main')].findIndex((e) => e.matches('aside.urgent'))));
  }
  expect(new Set(positions)).toEqual(new Set([1]));
});

test('pages are usable at 320 px wide without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ['/', '/madoguchi/', '/madoguchi/takikan-kyodo/', '/shikumi/jigyou/']) {
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
