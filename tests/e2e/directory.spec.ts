import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { hotlineQueries, searchQueries } from '../fixtures/search-queries';
import { contentPath as cp } from '@/lib/profile';

const windowIds = readdirSync(cp('windows')).map((f) => f.replace(/\.yaml$/, ''));
const names = Object.fromEntries(windowIds.map((id) => [id, (parse(readFileSync(cp(`windows/${id}.yaml`), 'utf8')) as { name: string }).name]));

test('the directory lists every window with a link to its page', async ({ page }) => {
  await page.goto('/madoguchi/');
  const list = page.locator('#window-list');
  for (const id of windowIds) {
    await expect(list.getByRole('link', { name: names[id], exact: true })).toHaveAttribute('href', `/madoguchi/${id}/`);
  }
  await expectNoAxeViolations(page);
});

test('the five windows of the city page show their exact numbers as tel: links', async ({ page }) => {
  await page.goto('/madoguchi/');
  const expected: [string, string, string][] = [
    ['香取市佐原地域包括支援センター', '0478-50-1231', 'tel:0478501231'],
    ['香取市小見川地域包括支援センター', '0478-82-0718', 'tel:0478820718'],
    ['香取障害者支援センター', '0478-79-6919', 'tel:0478796919'],
    ['香取市こども家庭センター', '0478-50-1257', 'tel:0478501257'],
    ['香取CCC', '0478-50-1919', 'tel:0478501919'],
  ];
  for (const [name, number, href] of expected) {
    const card = page.locator('.window-card').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(card.getByRole('link', { name: number })).toHaveAttribute('href', href);
  }
});

test.describe('search', () => {
  for (const { query, expect: id, rank, why } of searchQueries) {
    test(`"${query}" puts ${id} in the top ${rank} (${why})`, async ({ page }) => {
      await page.goto('/madoguchi/');
      await page.getByLabel('ことばで検索').fill(query);
      const visible = page.locator('#window-list > li:not([hidden])');
      await expect(page.getByRole('status')).toContainText('件見つかりました');
      const ids = await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.windowId));
      expect(ids.slice(0, rank)).toContain(id);
    });
  }

  test('a word no window is about says so, and clearing shows every window again', async ({ page }) => {
    await page.goto('/madoguchi/');
    const box = page.getByLabel('ことばで検索');
    await box.fill('宇宙旅行');
    await expect(page.getByRole('status')).toContainText('見つかりませんでした');
    await expect(page.locator('#window-list > li:not([hidden])')).toHaveCount(0);
    await box.fill('');
    await expect(page.locator('#window-list > li:not([hidden])')).toHaveCount(windowIds.length);
  });

  test('with a search active the page gives one count, not the search count and the total', async ({ page }) => {
    await page.goto('/madoguchi/');
    await expect(page.getByRole('status')).toHaveText(`${windowIds.length}件の窓口`);
    await page.getByLabel('ことばで検索').fill('借金');
    await expect(page.getByRole('status')).toHaveText('1件見つかりました。');
    await expect(page.getByRole('main')).not.toContainText('件の窓口');
    await page.getByLabel('ことばで検索').fill('');
    await expect(page.getByRole('status')).toHaveText(`${windowIds.length}件の窓口`);
  });

  test('a search with no hit gives the general number and the way to the wizard', async ({ page }) => {
    await page.goto('/madoguchi/');
    await page.getByLabel('ことばで検索').fill('宇宙旅行');
    const none = page.locator('[data-search-none]');
    await expect(none).toBeVisible();
    await expect(none.getByRole('link', { name: '0478-50-1209' })).toHaveAttribute('href', 'tel:0478501209');
    await expect(none).toContainText('香取市 社会福祉課');
    await expect(none.getByRole('link', { name: '質問に答えて相談先をさがす' })).toHaveAttribute('href', '/sagasu/');
    await expectNoAxeViolations(page, 'directory with no hit');
    await page.getByLabel('ことばで検索').fill('かいご');
    await expect(none).toBeHidden();
  });

  for (const { query, topic } of hotlineQueries.filter((q) => q.topic === 'violence')) {
    test(`"${query}" leads to the DV numbers of the verified list`, async ({ page }) => {
      await page.goto('/madoguchi/');
      await page.getByLabel('ことばで検索').fill(query);
      const panel = page.locator(`[data-hotline-topic="${topic}"]`);
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('link', { name: '0120-279-889' })).toHaveAttribute('href', 'tel:0120279889');
      await expect(panel.getByRole('link', { name: '#8008' })).toBeVisible();
    });
  }

  test('is usable by keyboard alone and the results state has no axe violations', async ({ page }) => {
    await page.goto('/madoguchi/');
    const box = page.getByLabel('ことばで検索');
    await box.focus();
    await page.keyboard.type('かいご');
    await expect(page.getByRole('status')).toContainText('件見つかりました');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '検索する' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveText(/地域包括支援センター/);
    await expectNoAxeViolations(page, 'directory with search results');
  });

  test('loads the index only when the box is used', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto('/madoguchi/');
    expect(requested).not.toContain('/madoguchi/search-index.json');
    await page.getByLabel('ことばで検索').focus();
    await expect.poll(() => requested).toContain('/madoguchi/search-index.json');
  });
});

test('with JavaScript, pointing at a filter fetches its page ahead of the click', async ({ page }) => {
  await page.goto('/madoguchi/');
  const requested = page.waitForRequest((r) => r.url().endsWith('/madoguchi/chiku/omigawa/'));
  await page.getByRole('navigation', { name: 'しぼりこむ' }).getByRole('link', { name: '小見川', exact: true }).hover();
  await requested;
  await page.getByRole('navigation', { name: 'しぼりこむ' }).getByRole('link', { name: '小見川', exact: true }).click();
  await expect(page.locator('#window-list')).toContainText('香取市小見川地域包括支援センター');
});

// axe needs JavaScript in the page, so the filtered pages are scanned here rather than in the no-JS block.
test('filtered pages have no axe violations', async ({ page }) => {
  for (const path of ['/madoguchi/chiku/sawara/', '/madoguchi/bunya/elderly/', '/madoguchi/houhou/sns/']) {
    await page.goto(path);
    await expectNoAxeViolations(page, path);
  }
});

test.describe('filters without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search box works: Enter loads the answer page, with the same results', async ({ page }) => {
    await page.goto('/madoguchi/');
    await page.getByLabel('ことばで検索').fill('障害者手帳');
    await page.getByLabel('ことばで検索').press('Enter');
    // POSTed: what was searched stays out of the address bar and the history.
    await expect(page).toHaveURL(/\/madoguchi\/kensaku\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('「障害者手帳」の検索結果');
    await expect(page.getByRole('status')).toHaveText('1件見つかりました。');
    await expect(page.locator('#window-list > li:not([hidden])')).toHaveCount(1);
    await expect(page.locator('#window-list > li:not([hidden])')).toContainText('香取障害者支援センター');
    await expect(page.getByLabel('ことばで検索')).toHaveValue('障害者手帳');
  });

  test('ＤＶ, searched without JavaScript, shows the DV numbers and the general number', async ({ page }) => {
    await page.goto('/madoguchi/');
    await page.getByLabel('ことばで検索').fill('ＤＶ');
    await page.getByRole('button', { name: '検索する' }).click();
    await expect(page.locator('[data-hotline-topic="violence"]').getByRole('link', { name: '0120-279-889' })).toBeVisible();
    await expect(page.locator('[data-search-none]').getByRole('link', { name: '0478-50-1209' })).toBeVisible();
  });

  test('the answer page in English searches too, and refuses an over-long query with 400', async ({ page }) => {
    await page.goto('/en/madoguchi/');
    await page.getByLabel('Search', { exact: true }).fill('生活保護');
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await expect(page).toHaveURL(/\/en\/madoguchi\/kensaku\/$/);
    await expect(page.getByRole('status')).toHaveText('1 found.');
    await expect(page.locator('#window-list > li:not([hidden])')).toContainText('香取CCC');
    const response = await page.goto(`/madoguchi/kensaku/?q=${'あ'.repeat(101)}`);
    expect(response?.status()).toBe(400);
    await expect(page.locator('#window-search-error')).toContainText('100文字まで');
    const crossSite = await page.request.post('/madoguchi/kensaku/', { form: { q: 'DV' }, headers: { origin: 'https://example.com' } });
    expect(crossSite.status()).toBe(403);
  });

  test('a resident of 佐原 is led to 佐原地域包括, not 小見川', async ({ page }) => {
    await page.goto('/madoguchi/');
    await page.getByRole('navigation', { name: 'しぼりこむ' }).getByRole('link', { name: '佐原', exact: true }).click();
    await expect(page).toHaveURL(/\/madoguchi\/chiku\/sawara\/$/);
    const list = page.locator('#window-list');
    await expect(list.getByRole('link', { name: '香取市佐原地域包括支援センター', exact: true })).toBeVisible();
    await expect(list.getByRole('link', { name: '香取市小見川地域包括支援センター', exact: true })).toHaveCount(0);
    await expect(list.getByRole('link', { name: '香取CCC', exact: true })).toBeVisible();
  });

  test('a resident of 山田 is led to 小見川地域包括', async ({ page }) => {
    await page.goto('/madoguchi/chiku/yamada/');
    const list = page.locator('#window-list');
    await expect(list.getByRole('link', { name: '香取市小見川地域包括支援センター', exact: true })).toBeVisible();
    await expect(list.getByRole('link', { name: '香取市佐原地域包括支援センター', exact: true })).toHaveCount(0);
  });

  test('filtering by field and by method narrows the list', async ({ page }) => {
    await page.goto('/madoguchi/');
    await page.getByRole('link', { name: '子ども', exact: true }).click();
    await expect(page.locator('#window-list > li')).toHaveCount(1);
    await expect(page.locator('#window-list')).toContainText('香取市こども家庭センター');
    await page.getByRole('link', { name: 'SNS', exact: true }).click();
    await expect(page.locator('#window-list > li')).toHaveCount(1);
    await expect(page.locator('#window-list')).toContainText('香取CCC');
    await expect(page.getByRole('link', { name: 'SNS', exact: true })).toHaveAttribute('aria-current', 'page');
  });
});
