import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * `test` with one automatic guard: any request that leaves the local server fails the test
 * (no CDN, no web fonts, no analytics, no embeds). tel:/mailto: links are not requests.
 */
export const test = base.extend<{ offsiteGuard: void }>({
  offsiteGuard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const offsite: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        offsite.push(url);
        return route.abort();
      });
      await use();
      expect(offsite, 'requests that left the site').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The WCAG 2.2 AA rule set this project promises (JIS X 8341-3 AA). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Submits a filled inquiry form and waits for the check-your-answers step, whose heading takes focus.
 * It first waits out the minimum fill time the server uses to tell bots apart (a faster send is not stored).
 */
export async function submitToCheck(page: Page) {
  await page.waitForTimeout(3100);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('#check-heading')).toBeFocused();
}

/** Sends from the check-your-answers step; the receipt's heading takes focus. */
export async function sendFromCheck(page: Page) {
  await page.locator('section[aria-labelledby="check-heading"] button.button:not(.button--secondary)').click();
  await expect(page.locator('#confirmation-heading')).toBeFocused();
}
