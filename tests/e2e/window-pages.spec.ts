import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { telHref } from '../../src/lib/phone';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { contentPath as cp } from '@/lib/profile';

interface WindowFile { name: string; channels: { type: string; number?: string }[]; hours?: { weekly?: unknown[] }; address?: unknown }
const windows = readdirSync(cp('windows')).map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(cp(`windows/${f}`), 'utf8')) as WindowFile) }));

for (const w of windows) {
  test(`${w.id}: facts, tap-to-call, missing facts said plainly, source`, async ({ page }) => {
    await page.goto(`/madoguchi/${w.id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(w.name);
    for (const c of w.channels.filter((c) => c.type === 'phone')) {
      await expect(page.locator('.channels').getByRole('link', { name: c.number! })).toHaveAttribute('href', telHref(c.number!));
    }
    // What is not confirmed is said once, in one place, with the number to ask (not under every heading).
    const unconfirmed = page.getByRole('region', { name: 'このサイトでまだ確認できていないこと' });
    if (!w.hours?.weekly?.length) await expect(unconfirmed.getByRole('listitem').filter({ hasText: '受付時間' })).toBeVisible();
    if (!w.address) await expect(unconfirmed.getByRole('listitem').filter({ hasText: '所在地' })).toBeVisible();
    await expect(unconfirmed.getByRole('link', { name: w.channels.find((c) => c.type === 'phone')!.number! })).toBeVisible();
    expect(await page.getByRole('main').getByText('確認できていません').count()).toBe(0);
    await expect(page.getByRole('heading', { name: '電話で伝えること' })).toBeVisible();
    await expect(page.getByText(/最終確認日: \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'この情報の出典' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('the 社会福祉課 page shows the city hall address with a plain map link, no embed', async ({ page }) => {
  await page.goto('/madoguchi/shakai-fukushi-ka/');
  await expect(page.getByRole('main').getByText('千葉県香取市佐原ロ2127番地')).toBeVisible();
  await expect(page.getByRole('link', { name: /地図で場所をさがす/ })).toHaveAttribute('href', /^https:\/\/www\.google\.com\/maps\/search\//);
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('every directory card says in one line what the window does', async ({ page }) => {
  await page.goto('/madoguchi/');
  const ccc = page.locator('.window-card').filter({ has: page.getByRole('link', { name: '香取CCC', exact: true }) });
  await expect(ccc).toContainText('お金・仕事・住まいなど、生活に困ったときの相談窓口です。');
  const team = page.locator('.window-card').filter({ has: page.getByRole('link', { name: /^多機関協働チーム/ }) });
  await expect(team).toContainText('困りごとが重なった世帯を、窓口が一緒に支えるチームです。');
});

test('in English, cards and pages say support centre, give what the Japanese name means, and use no Japanese punctuation', async ({ page }) => {
  await page.goto('/en/madoguchi/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support centres');
  const ccc = page.locator('.window-card').filter({ has: page.getByRole('link', { name: '香取CCC', exact: true }) });
  await expect(ccc).toContainText('Katori CCC (living support centre)');
  await expect(ccc).toContainText('Help when money, work or housing is a problem.');
  for (const path of ['/en/', '/en/madoguchi/', '/en/madoguchi/takikan-kyodo/', '/en/madoguchi/sawara-houkatsu/', '/en/kinkyu/']) {
    await page.goto(path);
    // English text only: elements marked Japanese (names) and Japanese in brackets are meant to be Japanese.
    const text = await page.evaluate(() => {
      const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
      main.querySelectorAll('[lang="ja"], script, style').forEach((e) => e.remove());
      return main.innerText.replace(/[(（][^()（）]*[)）]/g, '').replace(/「[^」]*」/g, '');
    });
    expect(text.match(/[、・。]/g) ?? [], `${path}: Japanese punctuation in English text`).toEqual([]);
    expect(text.match(/\bwindows?\b/gi) ?? [], `${path}: 窓口 translated as "window"`).toEqual([]);
  }
});

test('a window whose e-mail details are on the city page links to that page', async ({ page }) => {
  await page.goto('/madoguchi/sawara-houkatsu/');
  const email = page.locator('.channels__row').filter({ hasText: 'メール' });
  await expect(email.getByRole('link', { name: '重層的支援体制整備への取り組み' })).toHaveAttribute('href', 'https://www.city.katori.lg.jp/kenko_fukushi/network/jyuusoujigyou.html');
});

test('in English, the wizard result gives what each Japanese centre name means and lists methods without Japanese punctuation', async ({ page }) => {
  // A shared result link (no sensitive answer): care insurance for an older parent in 佐原.
  await page.goto('/en/sagasu/kekka/?who=family&district=sawara&troubles=careInsurance&age=senior&household=none&usesCare=no&refuses=no');
  const centre = page.locator('[data-window-id="sawara-houkatsu"]');
  await expect(centre.getByRole('heading', { level: 4 })).toContainText('香取市佐原地域包括支援センター');
  await expect(centre.locator('.result-window__meaning')).toHaveText('Katori City Sawara Community Support Centre (for older people)');
  const methods = await centre.getByText(/^How to talk/).innerText();
  expect(methods).not.toMatch(/[、・]/);
});
