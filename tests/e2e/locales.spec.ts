import { delocalizePath, localeInfo, localizePath, locales, type Locale } from '@/i18n/locales';
import { messages } from '../support/ui-messages';
import { stripRuby } from '@/i18n/ruby';
import { builtPages } from '../support/dist-weight';
import { expect, expectNoAxeViolations, test } from './support/fixtures';

// Every static page in dist/, in every locale: lang, one h1, the urgent block, no raw key, no
// Japanese UI string where the locale has a translation, ruby on every kanji of やさしい日本語, axe.
const pages = builtPages().filter((p) => p.path !== '/404');
/**
 * axe runs on every Japanese page and, in every other locale, on one page of each type: the markup
 * is the same template, and 350 full scans would make `npm test` too slow to run often.
 */
const axePaths = new Set(['/', '/madoguchi/', '/madoguchi/bunya/elderly/', '/madoguchi/sawara-houkatsu/', '/shikumi/', '/shikumi/about/', '/ibasho/', '/policy/', '/sagasu/']);
const needsAxe = (path: string) => delocalizePath(path).locale === 'ja' || axePaths.has(delocalizePath(path).path);
const uiKeys = Object.keys(messages.ja);
const ja = messages.ja as Record<string, string>;

/** Japanese UI strings that this locale translates (long enough not to hit place names by chance). */
function untranslatedJapanese(locale: Locale): string[] {
  if (locale === 'ja' || localeInfo[locale].ruby) return [];
  const m = messages[locale] as Record<string, string>;
  return uiKeys.filter((k) => ja[k]!.length >= 5 && !ja[k]!.includes('{{') && m[k] !== ja[k] && !k.startsWith('form.language.')).map((k) => ja[k]!);
}

for (const { path } of pages) {
  const { locale } = delocalizePath(path);
  test(`${path} is complete in ${locale}: lang, headings, urgent help, translated UI${needsAxe(path) ? ", axe" : ""}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', localeInfo[locale].lang);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('aside.urgent h2')).toHaveText(stripRuby(messages[locale]['urgent.heading']));
    const text = await page.locator('body').innerText();
    expect(uiKeys.filter((k) => text.includes(k)), 'raw keys on the page').toEqual([]);
    // Text in elements that declare Japanese (the switcher's 日本語, window names) is meant to be Japanese.
    const foreignText = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[lang="ja"], script, style, noscript').forEach((e) => e.remove());
      // Japanese in brackets after a translation ("Community salons (地域サロン)") is there on purpose:
      // it is what a resident says at the window.
      return clone.innerText.replace(/[(（][^()（）]*[)）]/g, '');
    });
    expect(untranslatedJapanese(locale).filter((s) => foreignText.includes(s)), 'Japanese UI strings left untranslated').toEqual([]);
    if (localeInfo[locale].ruby) {
      const bare = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (el.closest('ruby, script, style, noscript') || el.closest('[lang]')?.getAttribute('lang') !== 'ja') continue;
          if (/[\p{Script=Han}々〆ヶ]/u.test(n.textContent ?? '')) out.push(n.textContent!.trim().slice(0, 30));
        }
        return out;
      });
      expect(bare, 'kanji without ruby').toEqual([]);
    }
    if (needsAxe(path)) await expectNoAxeViolations(page, path);
    expect(errors).toEqual([]);
  });
}

test('the language switcher keeps the page, names each language in its own script and marks the current one', async ({ page }) => {
  await page.goto('/madoguchi/katori-ccc/');
  const switcher = page.locator('nav.language-switcher');
  for (const l of locales) {
    const link = switcher.getByRole('link', { name: localeInfo[l].autonym, exact: true });
    await expect(link).toHaveAttribute('href', localizePath(l, '/madoguchi/katori-ccc/'));
    await expect(link).toHaveAttribute('lang', localeInfo[l].lang);
  }
  await expect(switcher.locator('[aria-current="true"]')).toHaveText('日本語');
  await switcher.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/madoguchi\/katori-ccc\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('nav.language-switcher [aria-current="true"]')).toHaveText('English');
  // Links inside a locale stay in it.
  await expect(page.locator('header').getByRole('link').first()).toHaveAttribute('href', '/en/');
});

test('every page lists its alternates in every locale, with x-default', async ({ page }) => {
  await page.goto('/en/shikumi/about/');
  const alternates = await page.locator('link[rel="alternate"]').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`));
  expect(alternates).toEqual([...locales.map((l) => `${localeInfo[l].hreflang} ${localizePath(l, '/shikumi/about/')}`), 'x-default /shikumi/about/']);
});

test('a summary page says so and points to the full Japanese and English text', async ({ page }) => {
  await page.goto('/vi/shikumi/jigyou/');
  const notice = page.locator('.translation-notice');
  await expect(notice).toContainText(messages.vi['translation.summary']);
  await expect(notice.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/shikumi/jigyou/');
  await expect(notice.getByRole('link', { name: '日本語' })).toHaveAttribute('href', '/shikumi/jigyou/');
});
