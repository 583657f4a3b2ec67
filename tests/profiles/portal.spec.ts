// The generic browser checks, for a content profile's own build (tests/profiles/playwright.config.ts):
// every built page is free of other municipalities' names, the pages the profile expects are there
// and pass axe, and its first scenario (expectations.yaml) is walked as a resident would, with and
// without JavaScript, ending in tap-to-call links for each expected window.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { contentPath, profileDir } from '@/lib/profile';
import { expect, expectNoAxeViolations, test } from '../e2e/support/fixtures';
import { pageExpectations, scenarioExpectations } from '../support/expectations';

const profile = process.env.PORTAL_PROFILE ?? 'aomori';
const root = process.cwd().endsWith('profiles') ? '../..' : '.';
const dir = profileDir(profile, root);
const expectations = { ...pageExpectations(join(root, dir)), scenarios: scenarioExpectations(join(root, dir)) };
const windowFile = (id: string) => parse(readFileSync(join(root, contentPath(`windows/${id}.yaml`, dir, root)), 'utf8')) as { name: string; channels: { type: string; number?: string }[] };
const journey = expectations.scenarios[0]!;

/** Every HTML file the build wrote. */
const htmlFiles = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : []));

test('no built page names another municipality', () => {
  const pages = htmlFiles(join(root, `dist-${profile}`, 'client'));
  expect(pages.length).toBeGreaterThan(50);
  const found = pages.flatMap((p) => expectations.forbidden.filter((w) => readFileSync(p, 'utf8').includes(w)).map((w) => `${p}: ${w}`));
  expect(found).toEqual([]);
});

for (const path of expectations.pages) {
  test(`${path} is served, names no other municipality and passes axe`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    const text = await page.content();
    for (const w of expectations.forbidden) expect(text, w).not.toContain(w);
    await expectNoAxeViolations(page, path);
  });
}

/** Each expected window is listed, in order, with a tel: link for each of its phone numbers. */
async function expectWindows(page: Page) {
  const listed = page.locator('.result-window');
  await expect(listed.first()).toBeVisible();
  const ids = await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-window-id')));
  if (ids.every(Boolean)) expect(ids.slice(0, journey.first.length)).toEqual(journey.first);
  for (const [i, id] of journey.first.entries()) {
    const w = windowFile(id);
    const item = listed.nth(i);
    await expect(item).toContainText(w.name);
    for (const c of w.channels.filter((x) => x.type === 'phone')) {
      await expect(item.locator(`a[href="tel:${c.number!.replace(/-/g, '')}"]`)).toHaveText(c.number!);
    }
  }
}

test(`with JavaScript, the wizard walks "${journey.id}" to its windows`, async ({ page }) => {
  await page.goto('/sagasu/');
  for (const [node, answer] of Object.entries(journey.answers)) {
    for (const option of [answer].flat()) await page.locator(`#${node}-${option}`).check();
    await page.locator('form button[type="submit"]').click();
  }
  await page.locator('section[aria-labelledby="summary-heading"] > button.button').click();
  await expect(page.locator('#result-heading')).toBeFocused();
  await expectWindows(page);
  await expectNoAxeViolations(page, 'wizard result');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test(`the plain form walks "${journey.id}" to the same windows`, async ({ page }) => {
    await page.goto('/sagasu/');
    for (const [node, answer] of Object.entries(journey.answers)) for (const option of [answer].flat()) await page.locator(`#nojs-${node}-${option}`).check();
    await page.locator('form.triage-nojs button[type="submit"]').click();
    await expect(page).toHaveURL(/\/sagasu\/kekka\/$/);
    await expectWindows(page);
    const text = await page.content();
    for (const w of expectations.forbidden) expect(text, w).not.toContain(w);
  });
});
