// The 連絡票 for support agencies (issue 14 §2): a server-rendered form that works the same with and
// without JavaScript. A worker fills it by keyboard only at 375 px, checks the answers and sends; staff
// find it with `npm run inquiries -- show`, marked as a referral and routed to 多機関協働. axe on every
// step and error state; the printed page fits an A4 sheet.
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { localeInfo, locales, localizePath } from '@/i18n/locales';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { districtName, districts } from './support/profile';
import { inquiryExpectations } from '../support/expectations';

/**
 * The profile's sample 連絡票 (expectations/inquiry.yaml): the person's district, its categories (介護 and
 * お金, as the worker ticks them here) and the exact windows it must reach.
 */
const { referral } = inquiryExpectations();
const referralDistrict = { id: referral.district, name: districtName(referral.district) };
import { testDbPath } from './support/db';
import { kanjiWithoutRuby } from './support/ruby';

function cliShow(receipt: string): { kind: string; inquiry: Record<string, unknown>; routing: { windows: string[]; coordinator: boolean } } {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/inquiries.ts', 'show', receipt], {
    cwd: process.cwd().endsWith('tests') ? '..' : '.',
    env: { ...process.env, INQUIRY_DB_PATH: testDbPath() },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 300; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}
async function chooseRadio(page: Page, group: string, value: string) {
  await tabTo(page, page.locator(`input[name="${group}"]`).first());
  const wanted = page.locator(`input[name="${group}"][value="${value}"]`);
  await page.keyboard.press('Space');
  for (let i = 0; i < 12 && !(await wanted.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeChecked();
}
async function tick(page: Page, id: string) {
  await tabTo(page, page.locator(`#${id}`));
  await page.keyboard.press('Space');
  await expect(page.locator(`#${id}`)).toBeChecked();
}
async function type(page: Page, id: string, text: string) {
  await tabTo(page, page.locator(`#${id}`));
  await page.keyboard.type(text);
}
async function choose(page: Page, id: string, value: string) {
  const select = page.locator(`#${id}`);
  await tabTo(page, select);
  for (let i = 0; i < 20 && (await select.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(value);
}
async function press(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

test('the footer and a programme page link to the 連絡票; the residents\' main menu does not', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('footer a[href="/shienkikan/renraku/"]')).toHaveCount(1);
  await expect(page.locator('header a[href="/shienkikan/renraku/"]')).toHaveCount(0);
  await page.goto('/shikumi/');
  await page.locator('main a[href^="/shikumi/"]').first().click();
  await expect(page.locator('main a[href="/shienkikan/renraku/"]')).toHaveCount(1);
});

for (const js of [true, false]) {
  // axe runs in the page's JavaScript, so it runs in the JavaScript-on pass; the page has no island, so
  // both passes get the same server-rendered markup in every step.
  const axe = (page: Page, label: string) => (js ? expectNoAxeViolations(page, label) : Promise.resolve());
  test.describe(`JavaScript ${js ? 'on' : 'off'}, keyboard only, 375 px`, () => {
    test.use({ javaScriptEnabled: js, viewport: { width: 375, height: 812 } });

    test('an empty send names every required question, focuses the summary, and its links reach the fields', async ({ page }) => {
      await page.goto('/shienkikan/renraku/');
      await axe(page, 'blank 連絡票');
      await page.locator('#main').focus();
      await press(page, '入力内容を確認する');
      const summary = page.locator('.error-summary');
      await expect(summary).toBeFocused();
      await expect(page).toHaveTitle(/^エラー/);
      for (const q of ['機関名を入力してください', '機関の種別を選んでください', '担当者名を入力してください', '担当者の電話番号を入力してください', 'ご本人の氏名またはイニシャルを入力してください', 'ご本人の年齢を選んでください', 'ご本人が住んでいる地区を選んでください', '困りごとの分野を1つ以上選んでください', 'ケースの状況とこれまでの対応を入力してください', '緊急度を選んでください', '依頼したいことを1つ以上選んでください', '情報共有についてのご本人の同意を選んでください']) {
        await expect(summary.getByRole('link', { name: q })).toBeVisible();
      }
      // その他's text field is not asked while その他 is not chosen.
      await expect(summary).not.toContainText('その他の機関の種別');
      await expect(page.locator('#f-agencyKindOther')).toBeHidden();
      await axe(page, '連絡票 with errors');
      await tabTo(page, summary.getByRole('link', { name: '担当者名を入力してください' }));
      await page.keyboard.press('Enter');
      await expect(page.locator('#f-workerName')).toBeFocused();
      await expect(page.locator('#f-workerName')).toHaveAttribute('aria-describedby', /f-workerName-error/);
    });

    test('a worker fills the 連絡票, checks it, changes an answer and sends; staff find it as a referral', { tag: '@profile' }, async ({ page }) => {
      await page.goto('/shienkikan/renraku/');
      await page.locator('#main').focus();
      await type(page, 'f-agencyName', 'みなみ地域包括支援センター');
      await chooseRadio(page, 'agencyKind', 'other');
      // その他 was chosen: its text field is shown and asked (CSS without JavaScript too).
      await expect(page.locator('#f-agencyKindOther')).toBeVisible();
      await type(page, 'f-agencyKindOther', '民間の相談室');
      await type(page, 'f-workerName', '佐藤 花子');
      await type(page, 'f-workerPhone', '090-0000-1234');
      await type(page, 'f-personName', 'K.T.');
      await chooseRadio(page, 'personAge', 'senior');
      await choose(page, 'f-district', referralDistrict.id);
      await type(page, 'f-household', '50代の息子と2人暮らし');
      for (const c of referral.categories) await tick(page, `f-categories-${c}`);
      await type(page, 'f-situation', '介護保険の利用を勧めたが、息子の就労と家計の問題もあり単独では対応が難しい。');
      await chooseRadio(page, 'urgency', 'soon');
      await tick(page, 'f-requests-shienKaigi');
      await chooseRadio(page, 'shareConsent', 'notConfirmed');
      await expect(page.locator('#f-shareConsent-hint')).toContainText('支援会議');
      await expect(page.locator('#f-shareConsent-hint')).toContainText('守秘義務');
      await page.waitForTimeout(3100); // the anti-bot minimum fill time
      await press(page, '入力内容を確認する');
      await expect(page.locator('#check-heading')).toBeFocused();
      const rows = page.locator('.summary-list');
      await expect(rows).toContainText('民間の相談室');
      await expect(rows).toContainText(referralDistrict.name);
      await expect(rows).toContainText('同意なし・確認できない');
      await axe(page, '連絡票 check step');
      // 変更 goes back to the question with everything typed kept.
      await press(page, '変更 「担当者名」');
      await expect(page.locator('#f-workerName')).toHaveValue('佐藤 花子');
      await expect(page.locator('#f-situation')).toHaveValue(/単独では対応が難しい/);
      await page.locator('#f-workerName').fill('');
      await type(page, 'f-workerName', '佐藤 次郎');
      await press(page, '入力内容を確認する');
      await expect(rows).toContainText('佐藤 次郎');
      await press(page, 'この内容で送る');
      await expect(page.locator('#confirmation-heading')).toBeFocused();
      const receipt = (await page.locator('[data-receipt]').textContent())!;
      expect(receipt).toMatch(/^\d{8}-\d{5}$/);
      await expect(page.locator('main')).toContainText('多機関協働');
      await axe(page, '連絡票 receipt');
      const stored = cliShow(receipt);
      expect(stored.kind).toBe('referral');
      expect(stored.inquiry).toMatchObject({ kind: 'referral', agencyKind: 'other', agencyKindOther: '民間の相談室', workerName: '佐藤 次郎', workerPhone: '09000001234', district: referralDistrict.id, categories: referral.categories, shareConsent: 'notConfirmed', locale: 'ja' });
      expect(stored.routing.coordinator).toBe(true);
      expect([...stored.routing.windows].sort()).toEqual([...referral.windows].sort());
    });
  });
}

test('printed, the blank form and the filled check page fit the width of an A4 sheet', async ({ page }) => {
  // A4 is 210 mm wide; with 12 mm margins the printable width is 186 mm = 703 CSS px at 96 px per inch.
  const printable = Math.floor((186 / 25.4) * 96);
  await page.setViewportSize({ width: printable, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.goto('/shienkikan/renraku/');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await overflow()).toBeLessThanOrEqual(printable);
  // Only the form prints: the site's header, footer and navigation are not on the sheet.
  await expect(page.locator('header').first()).toBeHidden();
  await expect(page.locator('footer').first()).toBeHidden();
  await expect(page.locator('#f-agencyName')).toBeVisible();
  const css = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).join('\n'));
  expect(css).toMatch(/@page\s*\{[^}]*size:\s*a4/i);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.byteLength).toBeGreaterThan(1000);

  // The filled check page: filled on screen, then printed.
  await page.emulateMedia({ media: 'screen' });
  await page.fill('#f-agencyName', 'みなみ地域包括支援センター');
  await page.check('#f-agencyKind-shakyo');
  await page.fill('#f-workerName', '佐藤 花子');
  await page.fill('#f-workerPhone', '09000001234');
  await page.fill('#f-personName', 'K.T.');
  await page.check('#f-personAge-senior');
  await page.selectOption('#f-district', districts[0]!.id);
  await page.check('#f-categories-care');
  await page.fill('#f-situation', '状況'.repeat(300));
  await page.check('#f-urgency-soon');
  await page.check('#f-requests-advice');
  await page.check('#f-shareConsent-agreed');
  await page.getByRole('button', { name: '入力内容を確認する' }).click();
  await expect(page.locator('#check-heading')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  expect(await overflow()).toBeLessThanOrEqual(printable);
  await expect(page.locator('.summary-list')).toContainText('みなみ地域包括支援センター');
  await expect(page.getByRole('button', { name: 'この内容で送る' })).toBeHidden();
});

test.describe('every language', () => {
  for (const locale of locales) {
    test(`${locale}: the form and its error state are translated, pass axe, and やさしい日本語 has a reading on every kanji`, async ({ page }) => {
      await page.goto(localizePath(locale, '/shienkikan/renraku/'));
      const check = async (step: string) => {
        await expect(page.locator('main'), step).not.toContainText(/referral\.|form\.|inquiry\./);
        if (localeInfo[locale].ruby) expect(await kanjiWithoutRuby(page), `kanji without ruby: ${step}`).toEqual([]);
        await expectNoAxeViolations(page, `${locale} ${step}`);
      };
      await check('form');
      await page.locator('form.referral-form button[type=submit]').click();
      await expect(page.locator('.error-summary')).toBeVisible();
      await check('errors');
    });
  }
});
