// Facts that stay true, by keyboard, with JavaScript on and off (issue 30): a resident reports a wrong
// fact; a window member confirms the window and proposes hours and a new FAX number; an editor approves
// each with a reason; `npm run content -- apply` writes them (into a copy of the profile) as window-declared.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { profileDir } from '../../src/lib/profile';
import { windowSchema } from '../../src/schemas/window';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { testDbPath } from './support/db';
import { journeys } from './support/profile';
import { signIn, staffAccounts, tabTo } from './support/staff';

const root = new URL('../..', import.meta.url).pathname;
const dbPath = testDbPath();
const env = { ...process.env, INQUIRY_DB_PATH: dbPath };
const W = journeys.inquiry.staff.window;

const { addStaff } = staffAccounts(env);

for (const javaScriptEnabled of [true, false]) {
  test.describe(`facts that stay true, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('report, confirm, propose hours and FAX, approve, apply: by keyboard', { tag: '@profile' }, async ({ page, browser }) => {
      test.setTimeout(360_000);
      const axe = javaScriptEnabled ? expectNoAxeViolations : async () => {};
      const report = `番号がちがうようです ${randomBytes(3).toString('hex')}`;
      const fax = `0478-9${String(Math.floor(Math.random() * 10))}-${String(1000 + Math.floor(Math.random() * 8999))}`;

      // The resident: from the window page to the one-field form.
      await page.goto(`/madoguchi/${W}/`);
      const link = page.getByRole('link', { name: '情報がちがうときは' });
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: '情報がちがうときは' })).toBeVisible();
      await axe(page, 'report form');
      await tabTo(page, page.getByRole('button', { name: '送る' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toContainText('何がちがうかを入力してください');
      await axe(page, 'report error');
      await tabTo(page, page.getByRole('textbox', { name: '何がちがいますか' }));
      await page.keyboard.type(report);
      await tabTo(page, page.getByRole('button', { name: '送る' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'ありがとうございました' })).toBeVisible();
      await axe(page, 'report sent');

      // The window member.
      const member = addStaff(W);
      await signIn(page, member);
      await tabTo(page, page.getByRole('link', { name: '窓口の情報' }));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/staff\/facts\/$/);
      await axe(page, 'facts index');
      await tabTo(page, page.getByRole('main').getByRole('link').first());
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/staff/facts/${W}/$`));
      await expect(page.getByRole('heading', { name: '住民に見えている内容' })).toBeVisible();
      await expect(page.getByText(report)).toHaveCount(0);
      await axe(page, 'facts page');
      await tabTo(page, page.getByRole('button', { name: '変わりありません' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status')).toContainText('確認を記録しました');
      await expect(page.getByText(new RegExp(`最後の確認: .*${member.name}`))).toBeVisible();

      // A wrong FAX first: named in the error, kept as typed.
      await tabTo(page, page.getByRole('textbox', { name: 'FAX番号' }));
      await page.keyboard.type('0478');
      await tabTo(page, page.getByRole('button', { name: '変更を提案する' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toContainText('「FAX番号」を正しい形で入力してください');
      await expect(page.getByRole('textbox', { name: 'FAX番号' })).toHaveValue('0478');
      await axe(page, 'facts page error');
      await tabTo(page, page.getByRole('textbox', { name: 'FAX番号' }));
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(fax);
      for (const day of ['月', '火', '水', '木', '金']) {
        await tabTo(page, page.getByRole('checkbox', { name: day }));
        await page.keyboard.press('Space');
      }
      await tabTo(page, page.getByRole('textbox', { name: '開始 (例: 08:30)' }));
      await page.keyboard.type('08:30');
      await tabTo(page, page.getByRole('textbox', { name: '終了 (例: 17:15)' }));
      await page.keyboard.type('17:15');
      await tabTo(page, page.getByRole('button', { name: '変更を提案する' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status')).toContainText('変更の提案を送りました');

      // The editor, in another browser session.
      const editor = addStaff('', 'editor');
      const context = await browser.newContext({ javaScriptEnabled });
      const ed = await context.newPage();
      await signIn(ed, editor);
      await tabTo(ed, ed.getByRole('link', { name: '情報の確認' }));
      await ed.keyboard.press('Enter');
      await expect(ed).toHaveURL(/\/staff\/facts\/review\/$/);
      await expect(ed.getByText(report)).toBeVisible();
      await expect(ed.getByText(fax)).toBeVisible();
      await axe(ed, 'review');
      // Approve this window's items (and the report) one by one, each with a reason.
      for (let i = 0; i < 20; i++) {
        const item = ed.locator('.staff-facts-items > li').filter({ hasText: new RegExp(`${report}|${fax}|08:30|${member.name}`) }).first();
        if ((await item.count()) === 0) break;
        await tabTo(ed, item.getByRole('radio', { name: '承認する' }));
        await ed.keyboard.press('Space');
        await tabTo(ed, item.getByRole('textbox', { name: '理由' }));
        await ed.keyboard.type('窓口に電話で確かめた');
        await tabTo(ed, item.getByRole('button', { name: '記録する' }));
        await ed.keyboard.press('Enter');
        await expect(ed.getByRole('status')).toContainText('判断を記録しました');
      }
      await context.close();

      // The operator writes what was approved, into a copy of the profile here.
      const dir = mkdtempSync(join(tmpdir(), 'facts-e2e-'));
      cpSync(profileDir(), dir, { recursive: true });
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/content.ts', 'apply', '--dir', dir], { cwd: root, env });
      const w = windowSchema.parse(parse(readFileSync(join(dir, 'windows', `${W}.yaml`), 'utf8')));
      expect(w.channels.some((c) => c.type === 'fax' && c.number === fax)).toBe(true);
      expect(w.hours.weekly).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '17:15' }]);
      expect(w.source.documents).toContain(`${W}-declared`);
    });
  });
}
