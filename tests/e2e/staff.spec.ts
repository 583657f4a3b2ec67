import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { test as plainTest, type Locator, type Page } from '@playwright/test';
import { generateSync } from 'otplib';
import { familyInquiryExample } from '../../src/schemas/inquiry-example';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { journeys, windows } from './support/profile';

const { staff } = journeys.inquiry;
import { testDbPath } from './support/db';

// The staff inbox journey (issue 15), keyboard only, with JavaScript on and off: sign in with password
// + TOTP, find a new inquiry, assign it, note, 対応中, 完了, sign out; another window's inquiry is 404.

const root = new URL('../..', import.meta.url).pathname;
const dbPath = testDbPath();
const env = { ...process.env, INQUIRY_DB_PATH: dbPath };
const PASSWORD = 'correct horse battery staple';

/** An account with a one-time enrolment link, through the real CLI. */
function addStaffWithLink(windows: string) {
  const login = `e2e-${randomBytes(4).toString('hex')}`;
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/staff.ts', 'add', login, '--name', `${login.slice(-8)} 職員`, '--role', 'staff', '--windows', windows], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  const link = /http:\/\/\S+\/staff\/enrol\/[A-Za-z0-9_-]{43}\//.exec(out)![0];
  return { login, path: new URL(link).pathname };
}

/** A fully enrolled account through the real CLI, as the README tells a script to make one. */
function addStaff(windows: string) {
  const login = `e2e-${randomBytes(4).toString('hex')}`;
  const secret = [...randomBytes(32)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
  // Starts with its own letters, so the assignee list's type-ahead finds it among other test accounts.
  const name = `${login.slice(-8)} 職員`;
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/staff.ts', 'add', login, '--name', name, '--role', 'staff', '--windows', windows, '--password-stdin', '--totp-secret', secret], {
    cwd: root,
    env,
    input: `${PASSWORD}\n`,
  });
  return { login, secret, name };
}

/** The staff URL id of a receipt, read from the database the server uses. */
function publicIdOf(receipt: string): string {
  const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); process.stdout.write(db.prepare('SELECT public_id FROM inquiries WHERE receipt = ?').get(process.argv[2]).public_id);`;
  return execFileSync(process.execPath, ['-e', script, dbPath, receipt], { cwd: root, encoding: 'utf8' });
}

async function send(page: Page, over: Record<string, unknown>): Promise<string> {
  const origin = new URL(page.url() === 'about:blank' ? test.info().project.use.baseURL! : page.url()).origin;
  const res = await page.request.post('/api/inquiries', {
    headers: { origin, 'content-type': 'application/json' },
    data: { ...familyInquiryExample, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000, ...over },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

/** Moves focus with Tab (never a click) until `target` has it. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`staff inbox, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('sign in with password + TOTP, work a new inquiry to 完了, sign out; another window’s inquiry is 404', { tag: '@profile' }, async ({ page }) => {
      test.setTimeout(120_000);
      // axe runs inside the page, so it needs JavaScript: the JS-on run scans every state; the
      // server sends the same HTML either way.
      const axe = javaScriptEnabled ? expectNoAxeViolations : async () => {};
      // The profile's case (journeys.yaml): the example inquiry reaches staff.window; `other` does not.
      const me = addStaff(staff.window);
      const receipt = await send(page, { details: `E2E ${me.login} の相談` });
      const otherReceipt = await send(page, { writer: 'self', ...staff.other, relationship: undefined, personAge: undefined, personConsent: undefined });

      await page.goto('/staff/');
      await expect(page).toHaveURL(/\/staff\/signin\/$/);
      await expect(page.getByRole('heading', { level: 1, name: '職員のサインイン' })).toBeVisible();
      await axe(page, 'sign-in');

      // A wrong code first: one message, focus on it, nothing about which part was wrong.
      await tabTo(page, page.getByRole('textbox', { name: 'ログインID ※必須' }));
      await page.keyboard.type(me.login);
      await tabTo(page, page.getByRole('textbox', { name: 'パスワード ※必須' }));
      await page.keyboard.type(PASSWORD);
      await tabTo(page, page.getByRole('textbox', { name: '確認コード ※必須' }));
      await page.keyboard.type('000000');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('ログインID、パスワード、確認コードを確かめてください');
      if (javaScriptEnabled) await expect(alert).toBeFocused();
      await expect(page.getByRole('textbox', { name: 'ログインID ※必須' })).toHaveValue(me.login);
      await axe(page, 'sign-in error');

      await tabTo(page, page.getByRole('textbox', { name: 'パスワード ※必須' }));
      await page.keyboard.type(PASSWORD);
      await tabTo(page, page.getByRole('textbox', { name: '確認コード ※必須' }));
      await page.keyboard.type(generateSync({ secret: me.secret }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/staff\/$/);
      await expect(page.getByText(`${me.name} さんがサインイン中`)).toBeVisible();
      await axe(page, 'inbox');

      // Only my windows: the other window's inquiry is not listed.
      await expect(page.getByRole('link', { name: otherReceipt })).toHaveCount(0);
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: receipt }) });
      await expect(row).toContainText('未対応');
      await expect(row).toContainText('家族・親族');
      await expect(row).toContainText('未割り当て');

      // Filter by status with the keyboard: a GET form.
      await tabTo(page, page.getByLabel('状態', { exact: true }));
      await page.keyboard.press('ArrowDown'); // 未対応
      await tabTo(page, page.getByRole('button', { name: '絞り込む' }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/status=new/);
      await expect(page.getByRole('link', { name: receipt })).toBeVisible();
      await axe(page, 'inbox filtered');

      await tabTo(page, page.getByRole('link', { name: receipt }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: `受付番号 ${receipt}` })).toBeVisible();
      const url = page.url();
      expect(url).not.toContain(receipt);
      await expect(page.locator('.staff-safe')).toContainText('留守番電話にメッセージを残さないでほしい');
      await expect(page.locator('[data-field="details"]')).toHaveText(`E2E ${me.login} の相談`);
      await axe(page, 'detail');

      // Assign to myself.
      await tabTo(page, page.getByLabel('担当者'));
      await page.keyboard.type(me.name.slice(0, 8));
      await expect(page.getByLabel('担当者').locator('option:checked')).toHaveText(me.name);
      await tabTo(page, page.getByRole('button', { name: '担当を決める' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status')).toHaveText('保存しました。');
      await expect(page.getByRole('listitem').filter({ hasText: `担当: ${me.name}` })).toBeVisible();

      // A note.
      await tabTo(page, page.getByLabel('内部メモ'));
      await page.keyboard.type('本人の娘さんに電話。夕方にかけ直す。');
      await tabTo(page, page.getByRole('button', { name: 'メモを残す' }));
      await page.keyboard.press('Enter');
      await expect(page.locator('.staff-history')).toContainText('本人の娘さんに電話。夕方にかけ直す。');

      // 対応中: Tab reaches the checked radio, an arrow moves to the next one.
      await tabTo(page, page.getByLabel('未対応'));
      await page.keyboard.press('ArrowDown');
      await expect(page.getByLabel('対応中')).toBeChecked();
      await tabTo(page, page.getByRole('button', { name: '状態を変える' }));
      await page.keyboard.press('Enter');
      await expect(page.locator('.staff-history')).toContainText('状態: 未対応 → 対応中');

      // 完了 without an outcome is refused, with the reason; then with one.
      await tabTo(page, page.getByLabel('対応中'));
      await page.keyboard.press('ArrowDown');
      await expect(page.getByLabel('完了', { exact: true })).toBeChecked();
      await tabTo(page, page.getByRole('button', { name: '状態を変える' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toContainText('対応の結果を書いてください');
      await axe(page, 'detail, outcome missing');
      await expect(page.getByLabel('完了', { exact: true })).toBeChecked();
      await tabTo(page, page.getByLabel('対応の結果'));
      await page.keyboard.type('担当の窓口が訪問し、介護保険の申請につないだ。');
      await tabTo(page, page.getByRole('button', { name: '状態を変える' }));
      await page.keyboard.press('Enter');
      await expect(page.locator('.staff-history')).toContainText('状態: 対応中 → 完了');
      await expect(page.locator('.staff-history')).toContainText('介護保険の申請につないだ');
      await axe(page, 'detail, done');

      // Editing the URL to another window's inquiry: 404, as if it did not exist.
      const res = await page.goto(`/staff/i/${publicIdOf(otherReceipt)}/`);
      expect(res!.status()).toBe(404);
      await page.goto(url);

      await tabTo(page, page.getByRole('button', { name: 'サインアウト' }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/staff\/signin\/\?signedOut=1$/);
      await expect(page.getByText('サインアウトしました。')).toBeVisible();
      await axe(page, 'signed out');
      await page.goto(url);
      await expect(page).toHaveURL(/\/staff\/signin\/$/);
    });
  });
}

// WebAuthn needs a domain, so this test runs on localhost (the same server). The suite's guard allows
// only the base URL's origin; this test keeps the same rule for both names of the server.
plainTest.describe('passkeys', () => {
  plainTest('register a passkey from the enrolment link, then sign in with it (Chromium virtual authenticator), keyboard only', async ({ page, context }) => {
    plainTest.setTimeout(90_000);
    const origin = `http://localhost:${process.env.TEST_PORT ?? 4399}`;
    const offsite: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:')) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    const me = addStaffWithLink(windows[0]!.id);

    await page.goto(`${origin}${me.path}`);
    await expect(page.getByRole('heading', { level: 1, name: '職員アカウントの登録' })).toBeVisible();
    const register = page.getByRole('button', { name: 'この端末にパスキーを登録する' });
    await expect(register).toBeVisible();
    await expectNoAxeViolations(page, 'enrolment');
    await tabTo(page, register);
    await page.keyboard.press('Enter');
    await expect(page.getByText('パスキーを登録しました。')).toBeFocused();
    await expectNoAxeViolations(page, 'enrolment, passkey added');

    await page.goto(`${origin}/staff/signin/`);
    const signIn = page.getByRole('button', { name: 'パスキーでサインイン' });
    await tabTo(page, signIn);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${origin}/staff/`);
    await expect(page.getByText(`${me.login.slice(-8)} 職員 さんがサインイン中`)).toBeVisible();
    expect(offsite, 'requests that left the site').toEqual([]);
  });
});

// Issue 25: an enrolment link is spent by the first completed enrolment, whichever method the owner
// chose. Someone else holding a copy of the link (mail, chat, browser history) then gets 404 for the page
// and for the passkey endpoint, and cannot add a passkey or a password: the takeover fails. Both orders,
// each with Chromium's virtual authenticator in the attacker's browser too.
plainTest.describe('an enrolment link cannot be used twice', () => {
  const origin = `http://localhost:${process.env.TEST_PORT ?? 4399}`;
  async function withAuthenticator(context: import('@playwright/test').BrowserContext, page: Page) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
  }
  /** What a copy of the link gets: the page says it cannot be used (404), and the passkey endpoint is 404 too. */
  async function attackerIsRefused(browser: import('@playwright/test').Browser, path: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await withAuthenticator(context, page);
    const res = await page.goto(`${origin}${path}`);
    expect(res!.status()).toBe(404);
    await expect(page.getByText('この登録リンクは使えません。')).toBeVisible();
    await expect(page.getByRole('button', { name: 'この端末にパスキーを登録する' })).toHaveCount(0);
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
    const csrf = (await context.cookies()).find((c) => c.name === 'staff-form')?.value ?? '';
    const api = await page.request.post(`${origin}${path}passkey/`, { headers: { origin, 'content-type': 'application/json', 'x-csrf-token': csrf }, data: { step: 'options' } });
    expect(api.status()).toBe(404);
    await context.close();
  }

  plainTest('passkey first: the owner registers a passkey; a copy of the link then adds nothing', async ({ browser }) => {
    plainTest.setTimeout(120_000);
    const me = addStaffWithLink(windows[0]!.id);
    const context = await browser.newContext();
    const page = await context.newPage();
    await withAuthenticator(context, page);
    await page.goto(`${origin}${me.path}`);
    await page.getByRole('button', { name: 'この端末にパスキーを登録する' }).click();
    await expect(page.getByText('パスキーを登録しました。')).toBeFocused();
    // The spent link's password form is gone from the owner's page too.
    await expect(page.locator('input[name="password"]')).toHaveCount(0);
    await attackerIsRefused(browser, me.path);
    await page.reload();
    await expect(page.getByText('この登録リンクは使えません。')).toBeVisible();
    // The owner's passkey still signs in.
    await page.goto(`${origin}/staff/signin/`);
    await page.getByRole('button', { name: 'パスキーでサインイン' }).click();
    await expect(page).toHaveURL(`${origin}/staff/`);
    await context.close();
  });

  plainTest('password first: the owner sets a password and TOTP; a copy of the link then cannot register a passkey', async ({ browser }) => {
    plainTest.setTimeout(120_000);
    const me = addStaffWithLink(windows[0]!.id);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}${me.path}`);
    const secret = (await page.locator('#totp-secret').textContent())!.trim();
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByLabel('確認コード').fill(generateSync({ secret }));
    await page.getByRole('button', { name: '登録する', exact: true }).click();
    await expect(page).toHaveURL(/\/staff\/signin\/\?enrolled=1$/);
    await attackerIsRefused(browser, me.path);
    await context.close();
  });
});
