// The resident form as residents try it (issue 12): each test names the defect it guards against.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { HANDOFF_STORAGE_KEY } from '../../src/schemas/handoff';
import { controlId, isShown, optionId, optionsOf } from '../../src/schemas/form-model';
import { inquiryFields } from '../../src/schemas/inquiry-fields';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { testDbPath } from './support/db';
import { districts, windows } from './support/profile';

// Where the district or window does not matter to a test, the profile's own, found in its content.
const [districtA, districtB, districtC] = [districts[0]!.id, districts[1]!.id, districts.at(-1)!.id];
const [windowA, windowB] = [windows[0]!.id, windows[1]!.id];

function cliShow(receipt: string): { inquiry: Record<string, unknown>; routing: { windows: string[] } } {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/inquiries.ts', 'show', receipt], {
    cwd: process.cwd().endsWith('tests') ? '..' : '.',
    env: { ...process.env, INQUIRY_DB_PATH: testDbPath() },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}
/** The anti-bot minimum fill time is 3 s: a person is never that fast, a test must wait. */
const waitLikeAPerson = (page: Page) => page.waitForTimeout(3100);
const hydrated = (page: Page) => page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });

/** 本人, writing about themselves: no question about "the person" applies. */
async function fillAsSelf(page: Page) {
  await page.getByLabel('本人', { exact: true }).check();
  await page.getByLabel('困っている方が住んでいる地区').selectOption(districtA);
  await page.getByLabel('孤立・ひきこもり').check();
  await page.getByLabel('相談したいこと').fill('仕事をやめてから、家から出られなくなりました。');
  await page.getByLabel('メール', { exact: true }).check();
  await page.getByLabel('メールアドレス').fill('self@example.jp');
  await page.getByLabel('お名前').fill('佐藤 一郎');
  await page.getByLabel('上の利用目的に同意して送ります').check();
}

/**
 * The page is named `name`: its title begins with it, its one visible h1 says it (never 「相談を送る」),
 * and its headings go down one level at a time (no h1 → h3).
 */
async function expectPageNamed(page: Page, name: string) {
  await expect(page).toHaveTitle(new RegExp(`^${name}`));
  await expect(page.locator('h1:visible')).toHaveCount(1);
  await expect(page.locator('h1:visible')).toHaveText(name);
  await expect(page.locator('h1:visible', { hasText: '相談を送る' })).toHaveCount(0);
  const levels = await page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => Number(h.tagName[1])),
  );
  levels.forEach((level, i) => expect(level, `heading ${i} after h${levels[i - 1]}: ${levels.join(',')}`).toBeLessThanOrEqual(i === 0 ? 1 : levels[i - 1]! + 1));
}

/** The printed receipt names the site (and so the municipality, as the page title does) and when it was received. */
async function expectPrintedReceiptSaysWhereAndWhen(page: Page) {
  const site = (await page.title()).split(' | ').at(-1)!;
  expect(site).toMatch(/\S/);
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.confirmation__printed-from');
  await expect(printed).toBeVisible();
  await expect(printed).toContainText(site);
  await expect(printed).toContainText('受付日時');
  const tokyo = new Intl.DateTimeFormat('ja', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(new Date());
  await expect(printed).toContainText(tokyo);
  await expect(printed).toContainText(/\d{1,2}:\d{2}/);
  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();
}

/** The element is on the first screen and nothing is drawn over it. */
async function expectOnScreen(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(box.y, `${selector} top`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${selector} bottom`).toBeLessThanOrEqual(height);
  const uncovered = await page.evaluate(([sel, x, y]) => {
    const el = document.querySelector(sel as string)!;
    const hit = document.elementFromPoint(x as number, y as number);
    return !!hit && (el === hit || el.contains(hit));
  }, [selector, box.x + 4, box.y + box.height / 2] as const);
  expect(uncovered, `${selector} is not covered`).toBe(true);
}

test.describe('with JavaScript, at 375 px', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('本人 can send: the hidden questions about the person are not required, and each step heading is on screen', async ({ page }) => {
    await page.goto('/soudan/');
    await hydrated(page);
    await fillAsSelf(page);
    await expect(page.getByLabel('本人との関係')).toHaveCount(0);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page.locator('#check-heading')).toBeFocused();
    await expectOnScreen(page, '#check-heading');
    await expectPageNamed(page, '入力内容の確認');
    await expect(page.locator('.summary-list')).not.toContainText('本人の年齢');
    await page.getByRole('button', { name: 'この内容で送る' }).click();
    await expect(page.locator('#confirmation-heading')).toBeFocused();
    await expectOnScreen(page, '#confirmation-heading');
    await expectPageNamed(page, '相談を受け付けました');
    const receipt = (await page.locator('[data-receipt]').textContent())!;
    const stored = cliShow(receipt);
    expect(stored.inquiry).toMatchObject({ writer: 'self', area: districtA, email: 'self@example.jp' });
    expect(stored.inquiry).not.toHaveProperty('personAge');
    // The receipt page and its print view carry the receipt number and nothing the resident typed.
    for (const typed of ['self@example.jp', '佐藤 一郎', '家から出られなく']) await expect(page.locator('body')).not.toContainText(typed);
    await expectPrintedReceiptSaysWhereAndWhen(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-receipt]')).toBeVisible();
    for (const frame of ['header', 'footer', 'nav', 'aside']) await expect(page.locator(frame).first()).toBeHidden();
  });

  test('the questions about the person show only once someone else is writing, and are then required', async ({ page }) => {
    await page.goto('/soudan/');
    await hydrated(page);
    await expect(page.getByText('本人以外の方が書くとき')).toBeHidden();
    await page.getByLabel('近所の人・知人').check();
    await expect(page.getByText('本人以外の方が書くとき')).toBeVisible();
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    // Every message names its question.
    await expect(summary).toContainText('本人の年齢を選んでください');
    await expect(summary).toContainText('本人がこの相談を知っているかを選んでください');
    await expect(summary).toContainText('困っている方が住んでいる地区を選んでください');
    await expect(summary).not.toContainText('いずれか1つを選んでください');
    await summary.getByRole('link', { name: '本人の年齢を選んでください' }).click();
    await expect(page.getByLabel('18歳未満')).toBeFocused();
    await expectNoAxeViolations(page, 'proxy errors');
  });

  test('電話番号 shows, marked ※必須, once 電話 is chosen', async ({ page }) => {
    await page.goto('/soudan/');
    await hydrated(page);
    await expect(page.getByLabel('電話番号')).toHaveCount(0);
    await page.getByLabel('電話', { exact: true }).check();
    await expect(page.locator('label[for="f-phone"]')).toContainText('※必須');
  });
});

test.describe('the bot trap', () => {
  test('is out of sight, out of the accessibility tree and out of the tab order', async ({ page }) => {
    await page.goto('/soudan/');
    await hydrated(page);
    const box = (await page.locator('#f-website').boundingBox())!;
    expect(box.x + box.width <= 0 || box.width <= 1, `trap box ${JSON.stringify(box)}`).toBe(true);
    await expect(page.getByRole('textbox', { name: 'このらんは空欄のままにしてください' })).toHaveCount(0);
    await page.locator('#main').focus();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('f-website');
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });

  test('地区 starts with nothing chosen, and leaving it empty is an error that names it', async ({ page }) => {
    await page.goto('/soudan/');
    await expect(page.getByLabel('困っている方が住んでいる地区')).toHaveValue('');
    await page.getByLabel('本人', { exact: true }).check();
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('困っている方が住んでいる地区を選んでください');
    await expect(summary.getByRole('link', { name: '困っている方が住んでいる地区を選んでください' })).toHaveAttribute('href', '#f-area');
    await expect(summary).not.toContainText('いずれか1つを選んでください');
  });

  test('a mistake found on 入力内容を確認する asks for a fix and never says the inquiry could not be sent', async ({ page }) => {
    await page.goto('/soudan/');
    await page.getByLabel('本人', { exact: true }).check();
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    // Nothing was sent, nor tried: the page asks for the answers to be fixed.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力内容を直してください');
    await expect(page).toHaveTitle(/^エラー: 入力内容を直してください/);
    await expect(page.getByRole('alert')).toContainText('まだ送られていません');
    await expect(page.locator('main')).not.toContainText('送れませんでした');
    await expect(page.locator('main')).not.toContainText('もう一度送ってください');
  });

  test('a check-your-answers page comes before sending, and the receipt says 「相談を受け付けました」 once', async ({ page }) => {
    await page.goto('/soudan/');
    await fillAsSelf(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力内容の確認');
    await expectPageNamed(page, '入力内容の確認');
    // The page opens at its heading, not at the site header (375 × 812).
    const top = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(top.y).toBeGreaterThanOrEqual(0);
    expect(top.y + top.height).toBeLessThanOrEqual(812);
    await expect(page.locator('.summary-list')).toContainText('self@example.jp');
    await expect(page.locator('.summary-list')).not.toContainText('本人の年齢');
    // 変更 goes back to the form with everything still there.
    await page.getByRole('button', { name: '変更 「相談したいこと」' }).click();
    await expect(page.getByLabel('相談したいこと')).toHaveValue('仕事をやめてから、家から出られなくなりました。');
    await expect(page.getByLabel('本人', { exact: true })).toBeChecked();
    await page.getByLabel('相談したいこと').fill('仕事をやめてから、家から出られません。');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page.locator('.summary-list')).toContainText('家から出られません。');
    await page.getByRole('button', { name: 'この内容で送る' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('相談を受け付けました');
    await expect(page.getByText('相談を受け付けました', { exact: true })).toHaveCount(1);
    await expectPageNamed(page, '相談を受け付けました');
    await expectPrintedReceiptSaysWhereAndWhen(page);
    const receiptBox = (await page.locator('[data-receipt]').boundingBox())!;
    expect(receiptBox.y + receiptBox.height).toBeLessThanOrEqual(812);
    const receipt = (await page.locator('[data-receipt]').textContent())!;
    expect(cliShow(receipt).inquiry).toMatchObject({ writer: 'self', details: '仕事をやめてから、家から出られません。' });
  });

  test('a person who fills the trap is told plainly and can send again, with nothing lost', async ({ page }) => {
    await page.goto('/soudan/');
    await fillAsSelf(page);
    await page.locator('#f-website').fill('x', { force: true });
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page.getByRole('alert')).toContainText('まだ送られていません');
    await expect(page.locator('body')).not.toContainText('少し時間をおいて');
    await expect(page.getByLabel('相談したいこと')).toHaveValue('仕事をやめてから、家から出られなくなりました。');
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await page.getByRole('button', { name: 'この内容で送る' }).click();
    await expect(page.locator('[data-receipt]')).toHaveText(/^\d{8}-\d{5}$/);
  });

  test('the questions about the person and 電話番号 show only when they apply (CSS, same rule)', async ({ page }) => {
    await page.goto('/soudan/');
    await expect(page.getByText('本人以外の方が書くとき')).toBeHidden();
    await expect(page.getByLabel('電話番号')).toBeHidden();
    await page.getByLabel('家族・親族').check();
    await expect(page.getByText('本人以外の方が書くとき')).toBeVisible();
    await page.getByLabel('電話', { exact: true }).check();
    await expect(page.getByLabel('電話番号')).toBeVisible();
    await expect(page.locator('label[for="f-phone"]')).toContainText('※必須');
  });
});

test('the no-JS check page passes axe', async ({ page, request, baseURL }) => {
  const res = await request.post('/soudan/okuru/', {
    form: { writer: 'self', area: districtB, categories: 'care', details: '相談です', contactMethods: 'phone', phone: '090-0000-0000', name: '佐藤', language: 'ja', consent: 'on', window: 'any', locale: 'ja', startedAt: String(Date.now() - 10_000), idempotencyKey: 'axe-check-0002' },
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(res.status()).toBe(200);
  await page.goto('/');
  await page.setContent(await res.text());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力内容の確認');
  await expectNoAxeViolations(page, 'no-JS check page');
});

test('field wording: the time example is a time to call, and the address is a multi-line field', async ({ page }) => {
  await page.goto('/soudan/');
  await expect(page.locator('#f-safeTimes-hint')).not.toContainText('やめて');
  await hydrated(page);
  await page.getByLabel('家に来てもらう (訪問)').check();
  expect(await page.locator('#f-address').evaluate((el) => el.tagName)).toBe('TEXTAREA');
  await expect(page.locator('#f-address')).toHaveAttribute('autocomplete', 'street-address');
});

test('no <style> inside <body> on the form pages (Nu HTML checker)', async ({ request, baseURL }) => {
  const form = await (await request.get('/soudan/')).text();
  expect(form.slice(form.indexOf('<body'))).not.toContain('<style');
  const res = await request.post('/soudan/okuru/', { form: { writer: 'self', startedAt: String(Date.now() - 10_000), idempotencyKey: 'style-check-0001' }, headers: { origin: new URL(baseURL!).origin } });
  const errors = await res.text();
  expect(errors.slice(errors.indexOf('<body'))).not.toContain('<style');
});

test.describe('the wizard hand-off', () => {
  test('with JavaScript: read once from sessionStorage, never from the URL', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [HANDOFF_STORAGE_KEY, JSON.stringify({ window: windowA, categories: ['isolation'], writer: 'family', district: districtC })]);
    await page.goto('/soudan/');
    await hydrated(page);
    await expect(page.getByLabel('相談したい窓口')).toHaveValue(windowA);
    await expect(page.getByLabel('孤立・ひきこもり')).toBeChecked();
    await expect(page.getByLabel('家族・親族')).toBeChecked();
    await expect(page.getByLabel('困っている方が住んでいる地区')).toHaveValue(districtC);
    expect(await page.evaluate(([key]) => sessionStorage.getItem(key!), [HANDOFF_STORAGE_KEY])).toBeNull();
    // The URL carries nothing, and a query is not read.
    await page.goto(`/soudan/?window=${windowB}&categories=moneyWorkHome`);
    await hydrated(page);
    await expect(page.getByLabel('相談したい窓口')).toHaveValue('any');
    await expect(page.getByLabel('お金・仕事・住まい')).not.toBeChecked();
  });

  test('without JavaScript: the wizard POSTs the hand-off and the form is pre-filled', async ({ page, request, baseURL }) => {
    const res = await request.post('/soudan/', {
      form: { window: windowA, categories: 'isolation', writer: 'neighbour', district: districtB },
      headers: { origin: new URL(baseURL!).origin },
    });
    expect(res.status()).toBe(200);
    await page.goto('/');
    await page.setContent(await res.text());
    await expect(page.getByLabel('相談したい窓口')).toHaveValue(windowA);
    await expect(page.getByLabel('孤立・ひきこもり')).toBeChecked();
    await expect(page.getByLabel('近所の人・知人')).toBeChecked();
    await expect(page.getByLabel('困っている方が住んでいる地区')).toHaveValue(districtB);
  });
});

test.describe('what was typed is kept for this tab only', () => {
  // Issue 24 (a deliberate change: the draft was kept only when 「一時保存」 was ticked).
  test('a reload, even of the check page, keeps it; another tab never sees it; 「入力内容を消す」 and sending clear it', async ({ page, context }) => {
    await page.goto('/soudan/');
    await hydrated(page);
    await expect(page.getByText('このタブを閉じるまで')).toBeVisible();
    await fillAsSelf(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await expect(page.locator('#check-heading')).toBeFocused();
    // Only sessionStorage (this tab), under a key the quick exit clears; nothing in localStorage.
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['inquiry-draft']);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.reload();
    await hydrated(page);
    await expect(page.getByLabel('相談したいこと')).toHaveValue('仕事をやめてから、家から出られなくなりました。');
    await expect(page.getByLabel('本人', { exact: true })).toBeChecked();
    await expect(page.getByLabel('メールアドレス')).toHaveValue('self@example.jp');
    // Consent is asked again, never carried over.
    await expect(page.getByLabel('上の利用目的に同意して送ります')).not.toBeChecked();
    // Another tab of the same browser starts empty.
    const other = await context.newPage();
    await other.goto('/soudan/');
    await hydrated(other);
    await expect(other.getByLabel('相談したいこと')).toHaveValue('');
    await other.close();
    await page.getByRole('button', { name: '入力内容を消す' }).click();
    await expect(page.getByLabel('相談したいこと')).toHaveValue('');
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await page.reload();
    await hydrated(page);
    await expect(page.getByLabel('相談したいこと')).toHaveValue('');
    // Sent: gone.
    await fillAsSelf(page);
    await waitLikeAPerson(page);
    await page.getByRole('button', { name: '入力内容を確認する' }).click();
    await page.getByRole('button', { name: 'この内容で送る' }).click();
    await expect(page.locator('[data-receipt]')).toBeVisible();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
  });
});

// The field table walked on the page: for every conditional field and every state of the field it
// depends on, the page shows it (marked ※必須 when required) exactly when the shared rule says so,
// with JavaScript (React) and without (CSS from the same conditions). tests/server/inquiry-fields.test.ts
// walks the same states through the server's schema.
for (const js of [true, false]) {
  test.describe(`the field table on the page, JavaScript ${js ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: js });
    test('each conditional field shows exactly when its rule says, and is then marked required', async ({ page }) => {
      await page.goto('/soudan/');
      if (js) await hydrated(page);
      const vocab = { categories: [], windows: [], districts: [] };
      for (const f of inquiryFields.filter((x) => 'when' in x)) {
        const dep = inquiryFields.find((d) => d.name === f.when.field)!;
        for (const state of optionsOf(dep, vocab)) {
          // Only this state chosen.
          for (const o of optionsOf(dep, vocab)) {
            const box = page.locator(`#${optionId(dep.name, o)}`);
            if (o === state) await box.check();
            else if (dep.control === 'checkbox') await box.uncheck();
          }
          const shown = isShown(f, { [dep.name]: dep.control === 'checkbox' ? [state] : state });
          const control = page.locator(`#${controlId(f.name)}`);
          if (shown) {
            await expect(control, `${f.name} when ${dep.name}=${state}`).toBeVisible();
            const kind: string = f.control;
            const label = kind === 'radio' || kind === 'checkbox' ? control.locator('legend') : page.locator(`label[for="${controlId(f.name)}"]`);
            await expect(label).toContainText(f.required ? '※必須' : '※任意');
          } else {
            await expect(control, `${f.name} when ${dep.name}=${state}`).toBeHidden();
          }
        }
      }
    });
  });
}
