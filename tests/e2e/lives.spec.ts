import type { Page } from '@playwright/test';
import { kanjiWithoutRuby } from './support/ruby';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { districtName, journeys, scenarios, windowName } from './support/profile';
import { messages } from '../support/ui-messages';

// What this profile's residents must get (content/profiles/<id>/expectations/journeys.yaml, scenarios.yaml).
const { family, childAtRisk, pregnancy } = journeys.wizard;
/** The profile's case of a person living outside its area (scenarios.yaml): the windows given instead. */
const outside = scenarios.find((s) => s.outside)!;

// Issue 18 in the browser: the household asked once as a checkbox group, the outside-the-city answer,
// the danger-now question for violence, and the same rules without JavaScript.

async function answer(page: Page, ...labels: string[]) {
  for (const l of labels) await page.getByLabel(l, { exact: true }).check();
  await page.getByRole('button', { name: '次へ' }).click();
}

test('violence with a child at home: the household is one checkbox question, and 189 comes before the windows', { tag: '@profile' }, async ({ page }) => {
  await page.goto('/sagasu/');
  await answer(page, '自分のこと');
  await answer(page, 'わからない');
  await answer(page, '暴力をふるわれている (ご本人またはご家族・DVなど)');
  await expect(page.locator('.triage-wizard h2:focus')).toHaveText('いま、命や体に危険がありそうな人はいますか');
  await answer(page, 'いまは危険はない');
  await answer(page, '40歳から64歳');
  await expect(page.locator('.triage-wizard h2:focus')).toHaveText('困っている方と一緒に暮らしている人を選んでください');
  await expect(page.getByLabel('18歳未満の子ども')).toHaveAttribute('type', 'checkbox');
  await expectNoAxeViolations(page, 'step household');
  // Nothing ticked: the error names the question's own rule (one or more), not "choose one".
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByRole('alert')).toContainText('あてはまるものを1つ以上選んでください');
  await answer(page, '18歳未満の子ども', '妊娠している人');
  await expect(page.locator('.summary-list')).toContainText('18歳未満の子ども、妊娠している人');
  await page.getByRole('button', { name: '結果を見る' }).click();
  const urgent = page.locator('.result-urgent');
  await expect(urgent.getByRole('link', { name: '189' })).toHaveAttribute('href', 'tel:189');
  expect(await urgent.evaluate((el) => el.compareDocumentPosition(document.querySelector('.result-windows')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
  for (const id of childAtRisk) await expect(page.locator(`.result-window[data-window-id="${id}"]`)).toBeVisible();
  await expect(page.getByText('暴力のある家で子どもが暮らしている (面前DV)')).toBeVisible();
  await expect(page).toHaveURL(/\/sagasu\/$/);
  await expectNoAxeViolations(page, 'violence result');
});

test('a person who lives outside the area gets the general number and is told to ask their own municipality', { tag: '@profile' }, async ({ page }) => {
  await page.goto('/sagasu/');
  await answer(page, '家族・親族のこと');
  await expect(page.locator('.triage-wizard h2:focus')).toHaveText('困っている方が住んでいる地区はどこですか');
  await expect(page.getByText('あなたではなく、困っている方が住んでいる地区を選んでください', { exact: false })).toBeVisible();
  // The option names the profile's area (市外, 9町村外, ...).
  await answer(page, messages.ja['triage.opt.district.outside']);
  await answer(page, '物忘れ・認知症が心配');
  await answer(page, '65歳以上');
  await answer(page, 'だれもいない (一人で暮らしている)');
  await answer(page, '使っていない');
  await answer(page, '本人も相談を望んでいる');
  await page.getByRole('button', { name: '結果を見る' }).click();
  const windows = page.locator('.result-window');
  await expect(windows).toHaveCount(outside.first.length);
  expect(await windows.evaluateAll((els) => els.map((e) => e.getAttribute('data-window-id')))).toEqual(outside.first);
  for (const [i] of outside.first.entries()) await expect(windows.nth(i)).toContainText('その方が住んでいる市区町村の福祉の窓口が相談先です');
});

test(`pregnancy and birth costs: ${pregnancy.window}, with what is known of the department and no invented number`, { tag: '@profile' }, async ({ page }) => {
  await page.goto('/sagasu/');
  await answer(page, '自分のこと');
  await answer(page, districtName(pregnancy.district));
  await answer(page, '妊娠中の不安・出産の費用が心配');
  await answer(page, '18歳から39歳');
  await answer(page, 'だれもいない (一人で暮らしている)');
  await page.getByRole('button', { name: '結果を見る' }).click();
  const w = page.locator(`.result-window[data-window-id="${pregnancy.window}"]`);
  await expect(w).toContainText(windowName(pregnancy.window));
  // Where the profile knows which kind of department takes these, the result says so.
  if (pregnancy.says) await expect(w).toContainText(pregnancy.says);
  await expect(w.locator('a.phone-link')).toHaveText(pregnancy.numbers);
});

test('やさしい日本語: the household question and its answers carry ruby on every kanji', async ({ page }) => {
  await page.goto('/easy/sagasu/');
  await page.locator('#who-self').check();
  await page.locator('form button[type="submit"]').click();
  await page.locator('#district-unknown').check();
  await page.locator('form button[type="submit"]').click();
  await page.locator('#troubles-carerGone').check();
  await page.locator('form button[type="submit"]').click();
  await page.locator('#dangerNow-no').check();
  await page.locator('form button[type="submit"]').click();
  await page.locator('#age-middle').check();
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('#household-pregnant')).toBeVisible();
  expect(await kanjiWithoutRuby(page), 'kanji without ruby: household').toEqual([]);
  await page.locator('#household-senior').check();
  await page.locator('form button[type="submit"]').click();
  await page.locator('section[aria-labelledby="summary-heading"] > button.button').click();
  await expect(page.locator('#result-heading')).toBeFocused();
  expect(await kanjiWithoutRuby(page), 'kanji without ruby: result').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('who lives with the person is a checkbox group; danger now shows the numbers even before age and household', async ({ page }) => {
    await page.goto('/sagasu/');
    await expect(page.locator('#nojs-household input[type="checkbox"]')).toHaveCount(6);
    await page.getByLabel('近所の人・知人のこと').check();
    await page.getByLabel('わからない', { exact: true }).first().check();
    await page.getByLabel('近所などの子どもが虐待されているかもしれない (見たり聞いたりした)').check();
    await page.getByLabel('危険がありそう').check();
    await page.getByRole('button', { name: '結果を見る' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談先さがしの結果');
    await expect(page.locator('.result-urgent').getByRole('link', { name: '189' })).toHaveAttribute('href', 'tel:189');
  });

  test('several people in the household are all kept, and a missing household answer names its question', { tag: '@profile' }, async ({ page }) => {
    await page.goto('/sagasu/');
    await page.getByLabel('自分のこと').check();
    await page.getByLabel(districtName(family.district), { exact: true }).check();
    await page.getByLabel('ひきこもり・長いあいだ家から出ない').check();
    await page.getByLabel('40歳から64歳').check();
    await page.getByRole('button', { name: '結果を見る' }).click();
    await expect(page.getByRole('alert')).toContainText('あてはまるものを1つ以上選んでください');
    await page.getByLabel('65歳以上の人').check();
    await page.getByLabel('障害や病気のある人').check();
    await page.getByRole('button', { name: '結果を見る' }).click();
    await expect(page.locator('.result-window').first()).toHaveAttribute('data-window-id', family.first);
    await expect(page.getByText('高齢の親と、ひきこもりの状態にある子どもの世帯 (8050)')).toBeVisible();
  });
});
