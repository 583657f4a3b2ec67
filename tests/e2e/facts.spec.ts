// Facts that stay true, as a resident meets them (issue 30): the facts-age notice in the wizard's
// result (the island decides it in the browser, here on a day the test sets) and on a window page
// once the server reveals it (tests/server/facts-age.test.ts covers the server's days).
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { districts, windows } from './support/profile';
import { revealDueNotices } from '../../src/server/facts-notice';
import { factsDueDay } from '../../src/lib/facts-check';
import { contentPath } from '../../src/lib/profile';
import { siteSchema } from '../../src/schemas/site';
import { windowSchema } from '../../src/schemas/window';
import { readYaml, windowFiles } from '../support/content';

const checkDays = siteSchema.parse(readYaml(contentPath('site.yaml'))).factsCheckDays;
/** The day before the first window's facts fall due: no result may carry the notice yet. */
const firstDue = windowFiles().map(({ raw }) => factsDueDay(windowSchema.parse(raw).source.verified, checkDays)).sort()[0]!;

const anyDistrict = districts[0]!.name;
/** Far past every window's check date. */
const later = new Date('2099-01-15T10:00:00+09:00');

test('with JavaScript, the wizard result says when each window was checked once that is too long ago, and passes axe', async ({ page }) => {
  test.slow(); // five steps and an axe scan: over 30 s on a loaded 2-core machine
  await page.clock.setFixedTime(later);
  await page.goto('/sagasu/');
  for (const label of ['自分のこと', anyDistrict, '仕事がない・仕事を失った', '18歳から39歳', 'わからない']) {
    await page.getByLabel(label, { exact: true }).check();
    await page.getByRole('button', { name: '次へ' }).click();
  }
  await page.getByRole('button', { name: '結果を見る' }).click();
  const results = page.locator('.result-window');
  expect(await results.count()).toBeGreaterThan(0);
  for (const item of await results.all()) {
    const notice = item.locator('.facts-age');
    await expect(notice).toContainText('変わっている可能性があります');
    await expect(notice).toContainText(/\d{4}-\d{2}-\d{2}に確認した/);
  }
  await expectNoAxeViolations(page, 'result with facts-age notices');
});

test('the day before any window falls due, the wizard result shows no notice', async ({ page }) => {
  await page.clock.setFixedTime(new Date(`${factsDueDay(firstDue, -1)}T23:00:00+09:00`));
  await page.goto('/sagasu/');
  for (const label of ['自分のこと', anyDistrict, '仕事がない・仕事を失った', '18歳から39歳', 'わからない']) {
    await page.getByLabel(label, { exact: true }).check();
    await page.getByRole('button', { name: '次へ' }).click();
  }
  await page.getByRole('button', { name: '結果を見る' }).click();
  await expect(page.locator('.result-window').first()).toBeVisible();
  await expect(page.locator('.result-window .facts-age')).toHaveCount(0);
});

test('a window page with its notice revealed reads well and passes axe, in Japanese and in English', async ({ page, baseURL }) => {
  test.slow(); // two axe scans
  const id = windows[0]!.id;
  for (const prefix of ['', '/en']) {
    const path = `${prefix}/madoguchi/${id}/`;
    await page.route(`**${path}`, async (route) => {
      const body = await (await page.request.get(`${baseURL}${path}`)).text();
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: revealDueNotices(body, '2099-01-15') });
    });
    await page.goto(path);
    await expect(page.locator('.facts-age')).toBeVisible();
    await expectNoAxeViolations(page, `${path} with the notice`);
  }
});
