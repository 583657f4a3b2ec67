// Journeys as residents make them (issue 12): each kind of writer, with JavaScript on and off, by
// keyboard only (Tab, arrows, Space, typing, Enter), at 375 px, to a receipt number that staff then
// find with `npm run inquiries -- show`.
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { testDbPath } from './support/db';
import { districts } from './support/profile';

function cliShow(receipt: string): { inquiry: Record<string, unknown> } {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/inquiries.ts', 'show', receipt], {
    cwd: process.cwd().endsWith('tests') ? '..' : '.',
    env: { ...process.env, INQUIRY_DB_PATH: testDbPath() },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 250; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}
/** A radio: Tab into its group, then arrows until the wanted one is chosen. */
async function chooseRadio(page: Page, group: string, value: string) {
  const first = page.locator(`input[name="${group}"]`).first();
  await tabTo(page, first);
  const wanted = page.locator(`input[name="${group}"][value="${value}"]`);
  await page.keyboard.press('Space');
  for (let i = 0; i < 10 && !(await wanted.isChecked()); i++) await page.keyboard.press('ArrowDown');
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
/** Enter on a focused button. */
async function press(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

// Each writer from a different district of the profile (its content), so every district is chosen once or more.
const area = (i: number) => districts[i % districts.length]!.id;
const writers = [
  { writer: 'self', label: '本人', area: area(2) },
  { writer: 'family', label: '家族・親族', area: area(3) },
  { writer: 'neighbour', label: '近所の人・知人', area: area(1) },
  { writer: 'supporter', label: '支援者', area: area(0) },
] as const;

for (const js of [true, false]) {
  test.describe(`JavaScript ${js ? 'on' : 'off'}, keyboard only, 375 px`, () => {
    test.use({ javaScriptEnabled: js, viewport: { width: 375, height: 812 } });
    for (const w of writers) {
      test(`${w.label} writes, checks the answers and sends; staff find it`, async ({ page }) => {
        await page.goto('/soudan/');
        if (js) await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
        await page.locator('#main').focus();
        await chooseRadio(page, 'writer', w.writer);
        if (w.writer !== 'self') {
          await type(page, 'f-relationship', w.writer === 'family' ? '息子' : w.writer === 'neighbour' ? '隣の者' : '民生委員');
          await chooseRadio(page, 'personAge', 'senior');
          await chooseRadio(page, 'personConsent', 'notTold');
        }
        await choose(page, 'f-area', w.area);
        await tick(page, 'f-categories-care');
        await type(page, 'f-details', `${w.label}からの相談です。`);
        await tick(page, 'f-contactMethods-phone');
        await type(page, 'f-phone', '090-0000-1234');
        await type(page, 'f-name', '佐藤 太郎');
        await tick(page, 'f-consent');
        await page.waitForTimeout(3100); // the anti-bot minimum fill time
        await press(page, '入力内容を確認する');
        const check = page.locator('#check-heading');
        await expect(check).toBeVisible();
        if (js) await expect(check).toBeFocused();
        await expect(page.locator('.summary-list')).toContainText(`${w.label}からの相談です。`);
        await press(page, 'この内容で送る');
        const receipt = (await page.locator('[data-receipt]').textContent())!;
        expect(receipt).toMatch(/^\d{8}-\d{5}$/);
        const stored = cliShow(receipt).inquiry;
        expect(stored).toMatchObject({ writer: w.writer, area: w.area, phone: '09000001234', categories: ['care'] });
        expect('personAge' in stored).toBe(w.writer !== 'self');
      });
    }
  });
}
