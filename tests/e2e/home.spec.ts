import { expect, expectNoAxeViolations, test } from './support/fixtures';

test('home offers the three ways in and the urgent block', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: '窓口をさがす' })).toHaveAttribute('href', '/madoguchi/');
  await expect(main.getByRole('link', { name: '質問に答えて相談先をさがす' })).toHaveAttribute('href', '/sagasu/');
  await expect(main.getByRole('link', { name: '相談を送る' })).toHaveAttribute('href', '/soudan/');
  await expect(page.getByText('どの窓口でも、どんな相談も受け止めます')).toBeVisible();
  const urgent = page.getByRole('complementary', { name: 'いま危険がある、命にかかわるとき' });
  await expect(urgent.getByRole('link', { name: '110' })).toHaveAttribute('href', 'tel:110');
  await expect(urgent.getByRole('link', { name: '119' })).toHaveAttribute('href', 'tel:119');
  await expectNoAxeViolations(page);
});
