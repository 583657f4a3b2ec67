// The island's receipt says the troubles overlap only when they do (defect: 「困りごとが重なっているため」 was
// shown whenever the 多機関協働 team joined, also for one trouble whose window is the team itself).
// The no-JS receipt and every locale: tests/server/receipt-coordinator.test.ts. Profile-generic: the
// categories come from the selected profile's routing, the district from its areas.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { localizePath, type Locale } from '@/i18n/locales';
import { stripRuby } from '@/i18n/ruby';
import { contentPath } from '@/lib/profile';
import { HANDOFF_STORAGE_KEY } from '@/schemas/handoff';
import { messages } from '../support/ui-messages';
import { expect, sendFromCheck, submitToCheck, test } from './support/fixtures';

const routing = parse(readFileSync(contentPath('triage/routing.yaml'), 'utf8')) as { categories: { id: string; fields: string[] }[] };
const district = (parse(readFileSync(contentPath('areas.yaml'), 'utf8')) as { id: string }[])[0]!.id;
const teamOnly = routing.categories.find((c) => c.fields.length === 1 && c.fields[0] === 'coordination')!;
const specialist = routing.categories.filter((c) => c.fields.length === 1 && c.fields[0] !== 'coordination');
const overlapping = [specialist[0]!, specialist.find((c) => c.fields[0] !== specialist[0]!.fields[0])!];

/** Sends a complete inquiry with these troubles through the island and returns the receipt's text. */
async function receiptFor(page: Page, locale: Locale, categories: string[]): Promise<string> {
  await page.goto(localizePath(locale, '/'));
  await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [HANDOFF_STORAGE_KEY, JSON.stringify({ categories, writer: 'family', district })]);
  await page.goto(localizePath(locale, '/soudan/'));
  await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
  for (const c of categories) await expect(page.locator(`#f-categories-${c}`)).toBeChecked();
  await page.locator('#f-relationship').fill('daughter');
  await page.locator('#f-personAge-senior').check();
  await page.locator('#f-personConsent-notTold').check();
  await page.locator('#f-details').fill('A test inquiry.');
  await page.locator('#f-contactMethods-phone').check();
  await page.locator('#f-phone').fill('090-1234-5678');
  await page.locator('#f-name').fill('Test Person');
  await page.locator('#f-consent').check();
  await submitToCheck(page);
  await sendFromCheck(page);
  return page.locator('section.confirmation').evaluate((e) => {
    const c = e.cloneNode(true) as HTMLElement;
    c.querySelectorAll('rt, rp').forEach((x) => x.remove());
    return c.textContent!;
  });
}

for (const locale of ['ja', 'en'] as const) {
  const m = messages[locale];
  test(`${locale}: one trouble whose window is the 多機関協働 team → the receipt says it goes to the team, not that troubles overlap`, async ({ page }) => {
    test.setTimeout(60_000);
    const text = await receiptFor(page, locale, [teamOnly.id]);
    expect(text).toContain(stripRuby(m['confirm.coordinatorTeam']));
    expect(text).not.toContain(stripRuby(m['confirm.coordinator']));
  });
  test(`${locale}: two troubles of different fields → the receipt gives the overlap as the reason`, async ({ page }) => {
    test.setTimeout(60_000);
    const text = await receiptFor(page, locale, overlapping.map((c) => c.id));
    expect(text).toContain(stripRuby(m['confirm.coordinator']));
    expect(text).not.toContain(stripRuby(m['confirm.coordinatorTeam']));
  });
}
