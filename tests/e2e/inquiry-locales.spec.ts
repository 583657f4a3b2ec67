// One full form journey per locale (issue 12): hand-off from the wizard (sessionStorage), errors that
// name their questions, check answers, receipt, stored with the locale. axe at each step, and for
// やさしい日本語, ruby on every kanji the island renders. Controls are found by id so the same path works in
// every language.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { localeInfo, locales, localizePath } from '@/i18n/locales';
import { stripRuby } from '@/i18n/ruby';
import { HANDOFF_STORAGE_KEY } from '@/schemas/handoff';
import { messages } from '../support/ui-messages';
import { expect, expectNoAxeViolations, sendFromCheck, submitToCheck, test } from './support/fixtures';
import { testDbPath } from './support/db';
import { journeys } from './support/profile';

// The family resident of this profile (content/profiles/<id>/expectations/journeys.yaml).
const { family } = journeys.wizard;
import { kanjiWithoutRuby } from './support/ruby';

function cliShow(receipt: string): { inquiry: Record<string, unknown> } {
  return JSON.parse(
    execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/inquiries.ts', 'show', receipt], {
      cwd: process.cwd().endsWith('tests') ? '..' : '.',
      env: { ...process.env, INQUIRY_DB_PATH: testDbPath() },
      encoding: 'utf8',
    }),
  );
}
const baseText = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((e) => {
    const c = e.cloneNode(true) as HTMLElement;
    c.querySelectorAll('rt, rp').forEach((x) => x.remove());
    return c.textContent!.trim();
  });

for (const locale of locales) {
  const m = messages[locale];
  const checkStep = async (page: Page, step: string) => {
    await expectNoAxeViolations(page, `${locale} ${step}`);
    if (localeInfo[locale].ruby) expect(await kanjiWithoutRuby(page), `kanji without ruby: ${step}`).toEqual([]);
  };
  test(`in ${locale}: hand-off → form → named errors → check answers → receipt, stored with the locale`, { tag: '@profile' }, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(localizePath(locale, '/'));
    await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [HANDOFF_STORAGE_KEY, JSON.stringify({ window: family.first, categories: ['isolation'], writer: 'family', district: family.district })]);
    await page.goto(localizePath(locale, '/soudan/'));
    await page.locator('astro-island:not([ssr])').first().waitFor({ state: 'attached' });
    await expect(page.locator('#f-window')).toHaveValue(family.first);
    await expect(page.locator('#f-writer-family')).toBeChecked();
    await expect(page.locator('#f-area')).toHaveValue(family.district);
    await checkStep(page, 'form');
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole('alert')).toBeFocused();
    const summary = await baseText(page, '.error-summary');
    for (const key of ['form.error.personAgeRequired', 'form.error.detailsRequired', 'form.error.consentRequired'] as const) expect(summary).toContain(stripRuby(m[key]));
    await checkStep(page, 'form errors');
    await page.locator('#f-relationship').fill('daughter');
    await page.locator('#f-personAge-senior').check();
    await page.locator('#f-personConsent-notTold').check();
    await page.locator('#f-details').fill('My father lives alone and no longer goes out.');
    await page.locator('#f-contactMethods-phone').check();
    await page.locator('#f-phone').fill('090-1234-5678');
    await page.locator('#f-name').fill('Maria Santos');
    await page.locator('#f-consent').check();
    await submitToCheck(page);
    await checkStep(page, 'check answers');
    await sendFromCheck(page);
    expect(await baseText(page, '#confirmation-heading')).toBe(stripRuby(m['confirm.title']));
    await checkStep(page, 'confirmation');
    const receipt = (await page.locator('[data-receipt]').textContent())!;
    expect(cliShow(receipt).inquiry).toMatchObject({ locale, name: 'Maria Santos', area: family.district, writer: 'family', window: family.first });
  });
}
