import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { DETAILS_MAX } from '../../src/schemas/inquiry';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { testDbPath } from './support/db';
import { districtName, journeys, phonesOf, telHref } from './support/profile';

// What this profile's residents must get (content/profiles/<id>/expectations/journeys.yaml).
const { family, jobLoss } = journeys.wizard;

/** What staff see for a receipt, through the real CLI on the test server's database. */
function cliShow(receipt: string): string {
  return execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/inquiries.ts', 'show', receipt], {
    cwd: process.cwd().endsWith('tests') ? '..' : '.',
    env: { ...process.env, INQUIRY_DB_PATH: testDbPath() },
    encoding: 'utf8',
  });
}

/** The anti-bot minimum fill time is 3 s: a person is never that fast, a test must wait. */
const waitLikeAPerson = (page: Page) => page.waitForTimeout(3100);

async function fillAsDaughter(page: Page) {
  // See tests/e2e/locale-flows.spec.ts: a click in the instant the island hydrates can be lost under load.
  await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
  await page.getByLabel('家族・親族').check();
  await page.getByLabel('本人との関係').fill('娘');
  await page.getByLabel('65歳以上').check();
  await page.getByLabel('まだ伝えていない').check();
  await page.getByLabel('困っている方が住んでいる地区').selectOption(family.district);
  await page.getByLabel('相談したいこと').fill('父が一人で暮らしていて、最近外に出なくなりました。🙏');
  await page.getByLabel('電話', { exact: true }).check();
  await page.getByLabel('電話番号').fill('０９０－１２３４－５６７８');
  await page.getByLabel('留守番電話にメッセージを残さないでほしい').check();
  await page.getByLabel('お名前').fill('佐藤 花子');
  await page.getByLabel('上の利用目的に同意して送ります').check();
}

test('a family member: wizard → form → check answers → receipt, then staff see it in the CLI', { tag: '@profile' }, async ({ page }) => {
  await page.goto('/sagasu/');
  for (const label of ['家族・親族のこと', districtName(family.district), 'ひきこもり・長いあいだ家から出ない', '40歳から64歳', '65歳以上の人', 'わからない・まだ話していない']) {
    await page.getByLabel(label, { exact: true }).check();
    await page.getByRole('button', { name: '次へ' }).click();
  }
  await page.getByRole('button', { name: '結果を見る' }).click();
  await page.getByRole('link', { name: 'この内容で相談を送る' }).click();
  // The hand-off travels in sessionStorage, never in the URL (issue 19).
  await expect(page).toHaveURL(/\/soudan\/$/);
  await expect(page.getByLabel('相談したい窓口')).toHaveValue(family.first);
  await expect(page.getByLabel('孤立・ひきこもり')).toBeChecked();
  // Issue 24: what the wizard learned about the person (age, their view) is already answered on the form.
  await expect(page.locator('#f-personAge-middle')).toBeChecked();
  await expect(page.locator('#f-personConsent-notTold')).toBeChecked();
  await expectNoAxeViolations(page, 'form');
  await fillAsDaughter(page);
  await waitLikeAPerson(page);
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await expect(page.locator('#check-heading')).toBeFocused();
  await expectNoAxeViolations(page, 'check answers');
  // Change one answer from the check page and come back.
  await page.getByRole('button', { name: '変更 「本人との関係」' }).click();
  await expect(page.getByLabel('本人との関係')).toBeFocused();
  await page.getByLabel('本人との関係').fill('長女');
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await expect(page.locator('.summary-list')).toContainText('長女');
  await page.getByRole('button', { name: 'この内容で送る' }).click();
  await expect(page.locator('#confirmation-heading')).toBeFocused();
  const receipt = (await page.locator('[data-receipt]').textContent())!;
  expect(receipt).toMatch(/^\d{8}-\d{5}$/);
  // The receipt gives the chosen window's number to call (the operator's general number may be the same one, shown too).
  const number = phonesOf(family.first)[0]!;
  const links = page.getByRole('link', { name: number });
  await expect(links.first()).toBeVisible();
  for (const link of await links.all()) await expect(link).toHaveAttribute('href', telHref(number));
  await expect(page).toHaveURL(/\/soudan\/$/);
  await expectNoAxeViolations(page, 'confirmation');
  const stored = JSON.parse(cliShow(receipt)) as { inquiry: Record<string, unknown>; routing: { windows: string[] } };
  expect(stored.inquiry).toMatchObject({ writer: 'family', relationship: '長女', area: family.district, phone: '09012345678', window: family.first, locale: 'ja' });
  expect(stored.routing.windows[0]).toBe(journeys.inquiry.routedFirst);
  expect(await page.evaluate(() => sessionStorage.getItem('inquiry-draft'))).toBeNull();
  // Issue 24: the wizard's answers go with the send: Back from the receipt does not show the troubles again.
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('triage-')))).toEqual([]);
  await page.goto('/sagasu/');
  await expect(page.locator('.triage-wizard h2')).toHaveText('相談したいのは、だれの困りごとですか');
});

test('submitting empty shows an error summary that takes focus; fields are marked and described', async ({ page }) => {
  await page.goto('/soudan/');
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^エラー: /);
  await expect(summary).toContainText('お名前を書いてください');
  await expect(summary).toContainText('送るには、利用目的への同意が必要です');
  const name = page.getByLabel('お名前');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/お名前を書いてください/);
  await expectNoAxeViolations(page, 'form with errors');
  await summary.getByRole('link', { name: 'お名前を書いてください' }).click();
  await expect(name).toBeFocused();
});

test('what is typed before the form script has arrived is kept when the script takes over', async ({ page }) => {
  // Hold React's renderer: the page shows the server-rendered form, as on a slow phone.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/client\.[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/soudan/');
  await page.getByLabel('お名前').fill('佐藤 花子');
  await page.getByLabel('家族・親族').check();
  expect(await page.locator('astro-island[ssr]').count()).toBe(1); // not hydrated yet
  release();
  await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
  await expect(page.getByLabel('お名前')).toHaveValue('佐藤 花子');
  await expect(page.getByLabel('家族・親族')).toBeChecked();
  // React holds them too: checking the form does not ask for the name or who is writing.
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).not.toContainText('お名前を書いてください');
  await expect(summary).toContainText('相談したいことを書いてください');
});

test('what was typed survives a reload (kept for the tab) and a failed send', async ({ page }) => {
  await page.goto('/soudan/');
  await fillAsDaughter(page);
  await page.reload();
  await expect(page.getByLabel('相談したいこと')).toHaveValue('父が一人で暮らしていて、最近外に出なくなりました。🙏');
  await expect(page.getByLabel('本人との関係')).toHaveValue('娘');
  await expect(page.getByLabel('家族・親族')).toBeChecked();
  await page.getByLabel('介護・物忘れ').check();
  await page.getByLabel('上の利用目的に同意して送ります').check();
  await waitLikeAPerson(page);
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await page.route('**/api/inquiries?*', (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'この内容で送る' }).click();
  await expect(page.getByRole('alert')).toContainText('入力した内容は消えていません');
  await expectNoAxeViolations(page, 'network failure');
  await page.unroute('**/api/inquiries?*');
  await page.getByRole('button', { name: 'この内容で送る' }).click();
  await expect(page.locator('[data-receipt]')).toHaveText(/^\d{8}-\d{5}$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same form posts as plain HTML and answers with the receipt', { tag: '@profile' }, async ({ page }) => {
    // From the no-JS wizard: its result POSTs the hand-off to the form (nothing in the URL, issue 19).
    await page.goto('/sagasu/');
    await page.getByLabel('自分のこと').check();
    await page.getByLabel(districtName(jobLoss.district), { exact: true }).check();
    await page.getByLabel('仕事がない・仕事を失った').check();
    await page.getByLabel('40歳から64歳').check();
    await page.getByLabel('だれもいない (一人で暮らしている)').check();
    await page.getByRole('button', { name: '結果を見る' }).click();
    await page.locator('form[action="/soudan/"]').getByRole('button', { name: 'この内容で相談を送る' }).click();
    await expect(page).toHaveURL(/\/soudan\/$/);
    await expect(page.getByLabel('お金・仕事・住まい')).toBeChecked();
    await page.getByLabel('本人', { exact: true }).check();
    await page.getByLabel('困っている方が住んでいる地区').selectOption(jobLoss.district);
    await page.getByLabel('相談したいこと').fill('失業して家賃が払えません。');
    await page.getByLabel('メール', { exact: true }).check();
    await page.getByLabel('メールアドレス').fill('person@example.jp');
    await page.getByLabel('お名前').fill('佐藤');
    await page.getByLabel('上の利用目的に同意して送ります').check();
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await page.getByRole('button', { name: 'この内容で送る' }).click();
    await expect(page).toHaveURL(/\/soudan\/okuru\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談を受け付けました');
    // Without a script, the receipt's heading takes focus by itself (autofocus), so a screen reader starts there.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const receipt = (await page.locator('[data-receipt]').textContent())!;
    expect(JSON.parse(cliShow(receipt)).inquiry).toMatchObject({ writer: 'self', email: 'person@example.jp', window: jobLoss.first });
  });

  test('errors come back listed, linked to each field, with everything typed still there', async ({ page }) => {
    await page.goto('/soudan/');
    await page.getByLabel('近所の人・知人').check();
    await page.getByLabel('相談したいこと').fill('となりの方を何日も見かけません。');
    await page.getByLabel('電話', { exact: true }).check();
    await page.getByLabel('電話番号').fill('12345');
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page).toHaveTitle(/^エラー: /);
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('link', { name: /^電話番号は0から始まる/ })).toHaveAttribute('href', '#f-phone');
    await expect(summary.getByRole('link', { name: '本人との関係を書いてください' })).toHaveAttribute('href', '#f-relationship');
    await expect(page.getByLabel('相談したいこと')).toHaveValue('となりの方を何日も見かけません。');
    await expect(page.getByLabel('近所の人・知人')).toBeChecked();
    await expect(page.getByLabel('電話番号')).toHaveValue('12345');
    await expect(page.getByLabel('電話番号')).toHaveAttribute('aria-invalid', 'true');
  });
});

test('the no-JS error page passes axe', async ({ page, request, baseURL }) => {
  const res = await request.post('/soudan/okuru/', { form: { writer: 'self', startedAt: String(Date.now() - 10_000), idempotencyKey: 'axe-check-0001' }, headers: { origin: new URL(baseURL!).origin } });
  expect(res.status()).toBe(400);
  await page.goto('/');
  await page.setContent(await res.text());
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'no-JS errors');
});

test('the characters-left count under 相談したいこと follows what is typed, and says when it is too long', async ({ page }) => {
  await page.goto('/soudan/');
  await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
  const details = page.getByLabel('相談したいこと');
  const counter = page.locator('#f-details-counter');
  // The count is announced politely and belongs to the field.
  await expect(counter).toHaveAttribute('aria-live', 'polite');
  await expect(details).toHaveAttribute('aria-describedby', /f-details-counter/);
  await expect(counter).toContainText(String(DETAILS_MAX));
  await details.fill('父が一人で');
  await expect(counter).toContainText(String(DETAILS_MAX - 5));
  await details.fill('あ'.repeat(DETAILS_MAX + 3));
  await expect(counter).toContainText('3');
  await expect(counter).not.toContainText(String(DETAILS_MAX));
  // Typing in it does not touch the other answers.
  await page.getByLabel('お名前').fill('佐藤 花子');
  await details.fill('短く');
  await expect(page.getByLabel('お名前')).toHaveValue('佐藤 花子');
  await expect(counter).toContainText(String(DETAILS_MAX - 2));
  // Counted as it will be stored: spaces around the text do not use up the limit.
  await details.fill('  短く\n');
  await expect(counter).toContainText(String(DETAILS_MAX - 2));
});
