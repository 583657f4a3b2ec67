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
      await expect(page.getByRole('main').getByRole('link', { name: c.number! })).toHaveAttribute('href', telHref(c.number!));
    }
    if (!w.hours?.weekly?.length) await expect(page.getByText('受付時間は、このサイトではまだ確認できていません')).toBeVisible();
    if (!w.address) await expect(page.getByText('所在地は、このサイトではまだ確認できていません')).toBeVisible();
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
