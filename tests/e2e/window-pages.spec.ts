import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { telHref } from '../../src/lib/phone';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { contentPath as cp } from '@/lib/profile';
import { sourceFiles } from '../support/content';
import { journeys, windowName } from './support/profile';

interface WindowFile { name: string; lead: string; channels: { type: string; number?: string; see?: string }[]; hours?: { weekly?: unknown[] }; address?: { text: string } }
const windows = readdirSync(cp('windows')).map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(cp(`windows/${f}`), 'utf8')) as WindowFile) }));
/** The English translation of each window (translations/en.yaml): its lead and, where given, what its name means. */
const english = (parse(readFileSync(cp('translations/en.yaml'), 'utf8')) as { windows: Record<string, { lead?: string; meaning?: string }> }).windows;

for (const w of windows) {
  test(`${w.id}: facts, tap-to-call, missing facts said plainly, source`, { tag: '@profile' }, async ({ page }) => {
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

test('a window page with an address shows it with a plain map link, no embed', async ({ page }) => {
  const located = windows.filter((w) => w.address);
  expect(located.length, 'windows with an address').toBeGreaterThan(0);
  for (const w of located) {
    await page.goto(`/madoguchi/${w.id}/`);
    // The address as written, up to any note in brackets (such as the floor).
    await expect(page.getByRole('main').getByText(w.address!.text.replace(/\s*[(（].*$/, ''))).toBeVisible();
    await expect(page.getByRole('link', { name: /地図で場所をさがす/ })).toHaveAttribute('href', /^https:\/\/www\.google\.com\/maps\/search\//);
    await expect(page.locator('iframe')).toHaveCount(0);
  }
});

test('in やさしい日本語, an address is given with readings, or the page sends the reader to the Japanese page for it (no guessed readings)', { tag: '@profile' }, async ({ page }) => {
  const easy = (parse(readFileSync(cp('translations/easy.yaml'), 'utf8')) as { windows: Record<string, { address?: string }> }).windows;
  const located = windows.filter((w) => w.address);
  expect(located.length, 'windows with an address').toBeGreaterThan(0);
  for (const w of located) {
    await page.goto(`/easy/madoguchi/${w.id}/`);
    if (easy[w.id]?.address) {
      await expect(page.getByRole('main').locator('ruby').first()).toBeVisible();
      await expect(page.getByRole('link', { name: /住所.*日本語/ })).toHaveCount(0);
    } else {
      const link = page.getByRole('main').getByRole('link', { name: /住所.*日本語/ });
      await expect(link, w.id).toHaveAttribute('href', `/madoguchi/${w.id}/`);
      await link.click();
      await expect(page.getByRole('main').getByText(w.address!.text.replace(/\s*[(（].*$/, ''))).toBeVisible();
    }
  }
});

test('every directory card says in one line what the window does', async ({ page }) => {
  await page.goto('/madoguchi/');
  for (const w of windows) {
    const card = page.locator('.window-card').filter({ has: page.getByRole('link', { name: w.name, exact: true }) });
    await expect(card).toContainText(w.lead);
  }
});

test('in English, cards and pages say support centre, give what the Japanese name means, and use no Japanese punctuation', async ({ page }) => {
  await page.goto('/en/madoguchi/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support centres');
  for (const w of windows) {
    const card = page.locator('.window-card').filter({ has: page.getByRole('link', { name: w.name, exact: true }) });
    if (english[w.id]?.meaning) await expect(card).toContainText(english[w.id]!.meaning!);
    await expect(card).toContainText(english[w.id]!.lead!);
  }
  for (const path of ['/en/', '/en/madoguchi/', ...windows.map((w) => `/en/madoguchi/${w.id}/`), '/en/kinkyu/']) {
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

test('a window whose e-mail details are on a source page links to that page; one without e-mail shows no e-mail row', async ({ page }) => {
  const sources = sourceFiles();
  for (const w of windows) {
    const emails = w.channels.filter((c) => c.type === 'email');
    if (emails.some((c) => c.see) || !emails.length) await page.goto(`/madoguchi/${w.id}/`);
    const row = page.locator('.channels__row').filter({ hasText: 'メール' });
    if (!emails.length) await expect(row, w.id).toHaveCount(0);
    for (const see of emails.flatMap((c) => (c.see ? [sources.get(c.see)!] : []))) {
      await expect(row.getByRole('link', { name: see.data.title })).toHaveAttribute('href', see.data.url!);
    }
  }
});

test('in English, the wizard result gives what each Japanese centre name means and lists methods without Japanese punctuation', { tag: '@profile' }, async ({ page }) => {
  // A shared result link (no sensitive answer): care insurance for an older parent, in the profile's case's district.
  const { district, window, meaning } = journeys.wizard.englishMeaning;
  await page.goto(`/en/sagasu/kekka/?who=family&district=${district}&troubles=careInsurance&age=senior&household=none&usesCare=no&refuses=no`);
  const centre = page.locator(`[data-window-id="${window}"]`);
  await expect(centre.getByRole('heading', { level: 4 })).toContainText(windowName(window));
  // Where the translation gives no meaning of the name, the result shows none (rather than a guess).
  if (meaning) await expect(centre.locator('.result-window__meaning')).toHaveText(meaning);
  else await expect(centre.locator('.result-window__meaning')).toHaveCount(0);
  const methods = await centre.getByText(/^How to talk/).innerText();
  expect(methods).not.toMatch(/[、・]/);
});
