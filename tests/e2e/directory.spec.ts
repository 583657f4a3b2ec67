import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { hotlineQueries, searchQueries } from '../fixtures/search-queries';
import { contentPath as cp } from '@/lib/profile';
import { districtName, journeys, telHref, windowName } from './support/profile';

// What this profile's residents must find (content/profiles/<id>/expectations/journeys.yaml).
const expected = journeys.directory;

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

test('the windows of the sources show their exact numbers as tel: links', { tag: '@profile' }, async ({ page }) => {
  await page.goto('/madoguchi/');
  for (const { name, number } of expected.numbers) {
    const card = page.locator('.window-card').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(card.getByRole('link', { name: number })).toHaveAttribute('href', `tel:${number.replace(/-/g, '')}`);
  }
});

test.describe('search', () => {
  for (const { query, expect: id, rank, why } of searchQueries) {
    test(`"${query}" puts ${id} in the top ${rank} (${why})`, { tag: '@profile' }, async ({ page }) => {
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

  test('with a search active the page gives one count, not the search count and the total', { tag: '@profile' }, async ({ page }) => {
    await page.goto('/madoguchi/');
    await expect(page.getByRole('status')).toHaveText(`${windowIds.length}件の窓口`);
    await page.getByLabel('ことばで検索').fill(expected.oneHit.query);
    await expect(page.getByRole('status')).toHaveText('1件見つかりました。');
    await expect(page.locator('#window-list > li:not([hidden])')).toContainText(windowName(expected.oneHit.window));
    await expect(page.getByRole('main')).not.toContainText('件の窓口');
    await page.getByLabel('ことばで検索').fill('');
    await expect(page.getByRole('status')).toHaveText(`${windowIds.length}件の窓口`);
  });

  test('a search with no hit gives the general number and the way to the wizard', { tag: '@profile' }, async ({ page }) => {
    await page.goto('/madoguchi/');
    await page.getByLabel('ことばで検索').fill('宇宙旅行');
    const none = page.locator('[data-search-none]');
    await expect(none).toBeVisible();
    await expect(none.getByRole('link', { name: expected.general.number })).toHaveAttribute('href', telHref(expected.general.number));
    await expect(none).toContainText(expected.general.name);
    await expect(none.getByRole('link', { name: '質問に答えて相談先をさがす' })).toHaveAttribute('href', '/sagasu/');
    await expectNoAxeViolations(page, 'directory with no hit');
    await page.getByLabel('ことばで検索').fill(expected.keyboard.query);
    await expect(none).toBeHidden();
  });

  for (const { query, topic } of hotlineQueries.filter((q) => q.topic === 'violence')) {
    test(`"${query}" leads to the DV numbers of the verified list`, { tag: '@profile' }, async ({ page }) => {
      await page.goto('/madoguchi/');
      await page.getByLabel('ことばで検索').fill(query);
      const panel = page.locator(`[data-hotline-topic="${topic}"]`);
      await expect(panel).toBeVisible();
      await expect(panel.getByRole('link', { name: '0120-279-889' })).toHaveAttribute('href', 'tel:0120279889');
      await expect(panel.getByRole('link', { name: '#8008' })).toBeVisible();
    });
  }

  test('is usable by keyboard alone and the results state has no axe violations', { tag: '@profile' }, async ({ page }) => {
    await page.goto('/madoguchi/');
    const box = page.getByLabel('ことばで検索');
    await box.focus();
    await page.keyboard.type(expected.keyboard.query);
    await expect(page.getByRole('status')).toContainText('件見つかりました');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '検索する' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toContainText(expected.keyboard.first);
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
  const { district, includes } = expected.districts[0]!;
  await page.goto('/madoguchi/');
  const requested = page.waitForRequest((r) => r.url().endsWith(`/madoguchi/chiku/${district}/`));
  await page.getByRole('navigation', { name: 'しぼりこむ' }).getByRole('link', { name: districtName(district), exact: true }).hover();
  await requested;
  await page.getByRole('navigation', { name: 'しぼりこむ' }).getByRole('link', { name: districtName(district), exact: true }).click();
  await expect(page.locator('#window-list')).toContainText(windowName(includes[0]!));
});

// axe needs JavaScript in the page, so the filtered pages are scanned here rather than in the no-JS block.
test('filtered pages have no axe violations', async ({ page }) => {
  for (const path of expected.filteredPages) {
    await page.goto(path);
    await expectNoAxeViolations(page, path);
  }
});

test.describe('filters without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search box works: Enter loads the answer page, with the same results', { tag: '@profile' }, async ({ page }) => {
    await page.goto('/madoguchi/');
    const { query, window } = expected.noJsOneHit;
    await page.getByLabel('ことばで検索').fill(query);
    await page.getByLabel('ことばで検索').press('Enter');
    // POSTed: what was searched stays out of the address bar and the history.
    await expect(page).toHaveURL(/\/madoguchi\/kensaku\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`「${query}」の検索結果`);
    await expect(page.getByRole('status')).toHaveText('1件見つかりました。');
    await expect(page.locator('#window-list > li:not([hidden])')).toHaveCount(1);
    await expect(page.locator('#window-list > li:not([hidden])')).toContainText(windowName(window));
    await expect(page.getByLabel('ことばで検索')).toHaveValue(query);
  });

  test('ＤＶ, searched without JavaScript, shows the DV numbers and the general number', { tag: '@profile' }, async ({ page }) => {
    await page.goto('/madoguchi/');
    await page.getByLabel('ことばで検索').fill('ＤＶ');
    await page.getByRole('button', { name: '検索する' }).click();
    await expect(page.locator('[data-hotline-topic="violence"]').getByRole('link', { name: '0120-279-889' })).toBeVisible();
    await expect(page.locator('[data-search-none]').getByRole('link', { name: expected.general.number })).toBeVisible();
  });

  test('the answer page in English searches too, and refuses an over-long query with 400', { tag: '@profile' }, async ({ page }) => {
    await page.goto('/en/madoguchi/');
    await page.getByLabel('Search', { exact: true }).fill(expected.englishOneHit.query);
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await expect(page).toHaveURL(/\/en\/madoguchi\/kensaku\/$/);
    await expect(page.getByRole('status')).toHaveText('1 found.');
    await expect(page.locator('#window-list > li:not([hidden])')).toContainText(windowName(expected.englishOneHit.window));
    const response = await page.goto(`/madoguchi/kensaku/?q=${'あ'.repeat(101)}`);
    expect(response?.status()).toBe(400);
    await expect(page.locator('#window-search-error')).toContainText('100文字まで');
    const crossSite = await page.request.post('/madoguchi/kensaku/', { form: { q: 'DV' }, headers: { origin: 'https://example.com' } });
    expect(crossSite.status()).toBe(403);
  });

  for (const [i, { district, includes, excludes }] of expected.districts.entries()) {
    test(`a resident of ${districtName(district)} is led to ${includes.join(', ')}${excludes.length ? `, not ${excludes.join(', ')}` : ''}`, { tag: '@profile' }, async ({ page }) => {
      // The first case follows the filter link from the directory; the others open the district's page.
      if (i === 0) {
        await page.goto('/madoguchi/');
        await page.getByRole('navigation', { name: 'しぼりこむ' }).getByRole('link', { name: districtName(district), exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`/madoguchi/chiku/${district}/$`));
      } else {
        await page.goto(`/madoguchi/chiku/${district}/`);
      }
      const list = page.locator('#window-list');
      for (const id of includes) await expect(list.getByRole('link', { name: windowName(id), exact: true })).toBeVisible();
      for (const id of excludes) await expect(list.getByRole('link', { name: windowName(id), exact: true })).toHaveCount(0);
    });
  }

  test('filtering by field and by method narrows the list', async ({ page }) => {
    await page.goto('/madoguchi/');
    // Each filter link is followed from the page the previous one opened.
    for (const { label, windows } of expected.filters) {
      await page.getByRole('link', { name: label, exact: true }).click();
      await expect(page.locator('#window-list > li')).toHaveCount(windows.length);
      for (const id of windows) await expect(page.locator('#window-list')).toContainText(windowName(id));
      await expect(page.getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
    }
  });
});
