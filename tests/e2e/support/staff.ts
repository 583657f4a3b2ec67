// Staff accounts and keyboard sign-in for browser tests: an enrolled account through the real CLI, focus
// moved with Tab only, and the password + TOTP sign-in as a person does it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { generateSync } from 'otplib';
import { expect } from './fixtures';

export const PASSWORD = 'correct horse battery staple';
const root = new URL('../../..', import.meta.url).pathname;

/** `addStaff(windows, role)` for the database in `env` (INQUIRY_DB_PATH). */
export function staffAccounts(env: NodeJS.ProcessEnv) {
  return {
    addStaff(windows: string, role = 'staff') {
      const login = `e2e-${randomBytes(4).toString('hex')}`;
      const secret = [...randomBytes(32)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
      const name = `${login.slice(-8)} 職員`;
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/staff.ts', 'add', login, '--name', name, '--role', role, ...(windows ? ['--windows', windows] : []), '--password-stdin', '--totp-secret', secret], { cwd: root, env, input: `${PASSWORD}\n` });
      return { login, secret, name };
    },
  };
}

/** Moves focus with Tab (never a click) until `target` has it. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** Signs in by keyboard; lands on the inbox. Password hashing takes a while on a loaded machine. */
export async function signIn(page: Page, me: { login: string; secret: string }) {
  await page.goto('/staff/signin/');
  await tabTo(page, page.getByRole('textbox', { name: 'ログインID ※必須' }));
  await page.keyboard.type(me.login);
  await tabTo(page, page.getByRole('textbox', { name: 'パスワード ※必須' }));
  await page.keyboard.type(PASSWORD);
  await tabTo(page, page.getByRole('textbox', { name: '確認コード ※必須' }));
  await page.keyboard.type(generateSync({ secret: me.secret }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff\/$/, { timeout: 30_000 });
}
