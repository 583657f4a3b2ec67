// The profile's own checks, run for every profile (PORTAL_PROFILE): no built page names another
// municipality, the pages the profile expects (expectations/pages.yaml) are there and pass axe, and
// its first scenario (expectations/scenarios.yaml, which answers every question a resident is asked)
// is walked as a resident would, with and without JavaScript, ending in tap-to-call links for each
// window the result must list first. The other scenarios are engine cases (tests/profiles/profiles.test.ts)
// and may leave out questions the pages require.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Scenario } from '@/schemas/expectations/scenarios';
import { builtPages } from '../support/dist-weight';
import { pageExpectations } from '../support/expectations';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { phonesOf, scenarios, telHref, windowName } from './support/profile';

const { pages, forbidden } = pageExpectations();

test('no built page names another municipality', { tag: '@profile' }, () => {
  const built = builtPages();
  expect(built.length).toBeGreaterThan(50);
  const found = built.flatMap((p) => forbidden.filter((w) => readFileSync(p.file, 'utf8').includes(w)).map((w) => `${p.path}: ${w}`));
  expect(found).toEqual([]);
});

for (const path of pages) {
  test(`${path} is served, names no other municipality and passes axe`, { tag: '@profile' }, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const text = await page.content();
    for (const w of forbidden) expect(text, w).not.toContain(w);
    await expectNoAxeViolations(page, path);
  });
}

/** The windows the scenario expects first are listed in that order, each with a tel: link for each of its numbers. */
async function expectWindows(page: Page, s: Scenario) {
  const listed = page.locator('.result-window');
  await expect(listed.first()).toBeVisible();
  expect((await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-window-id')))).slice(0, s.first.length)).toEqual(s.first);
  for (const [i, id] of s.first.entries()) {
    const item = listed.nth(i);
    await expect(item).toContainText(windowName(id));
    for (const number of phonesOf(id)) await expect(item.locator(`a[href="${telHref(number)}"]`).first()).toHaveText(number);
  }
  for (const id of s.excludes ?? []) await expect(page.locator(`.result-window[data-window-id="${id}"]`)).toHaveCount(0);
}

const walked = [scenarios[0]!];

for (const s of walked) {
  test(`with JavaScript, the wizard walks "${s.id}" to its windows`, { tag: '@profile' }, async ({ page }) => {
    await page.goto('/sagasu/');
    // Steps come in the flow's order; the answers of questions a path does not ask are not used.
    for (let step = 0; step < 12 && !(await page.locator('#summary-heading').isVisible()); step++) {
      const id = (await page.locator('.triage-wizard input').first().getAttribute('id'))!;
      const node = Object.keys(s.answers).find((n) => id.startsWith(`${n}-`));
      expect(node, `an answer for the step of ${id}`).toBeTruthy();
      for (const option of [s.answers[node!]!].flat()) await page.locator(`#${node}-${option}`).check();
      await page.locator('form button[type="submit"]').click();
    }
    await page.locator('section[aria-labelledby="summary-heading"] > button.button').click();
    await expect(page.locator('#result-heading')).toBeFocused();
    await expectWindows(page, s);
    await expectNoAxeViolations(page, 'wizard result');
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const s of walked) {
    test(`the plain form walks "${s.id}" to the same windows`, { tag: '@profile' }, async ({ page }) => {
      await page.goto('/sagasu/');
      for (const [node, answer] of Object.entries(s.answers)) for (const option of [answer].flat()) await page.locator(`#nojs-${node}-${option}`).check();
      await page.locator('form.triage-nojs button[type="submit"]').click();
      await expect(page).toHaveURL(/\/sagasu\/kekka\/$/);
      await expectWindows(page, s);
      const text = await page.content();
      for (const w of forbidden) expect(text, w).not.toContain(w);
    });
  }
});
