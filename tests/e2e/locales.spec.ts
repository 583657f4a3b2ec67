import { delocalizePath, localeInfo, localizePath, locales, type Locale } from '@/i18n/locales';
import { messages } from '../support/ui-messages';
import { stripRuby } from '@/i18n/ruby';
import { builtPages } from '../support/dist-weight';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
import { kanjiWithoutRuby } from './support/ruby';
import { longestNamedWindow, summaryPrograms, windows } from './support/profile';

// Every static page in dist/, in every locale: lang, one h1, the urgent block, no raw key, no
// Japanese UI string where the locale has a translation, ruby on every kanji of やさしい日本語, axe.
const pages = builtPages().filter((p) => p.path !== '/404');
/**
 * axe runs on every Japanese page and, in every other locale, on one page of each type: the markup
 * is the same template, and 350 full scans would make `npm test` too slow to run often.
 */
const axePaths = new Set(['/', '/madoguchi/', '/madoguchi/bunya/elderly/', `/madoguchi/${longestNamedWindow.id}/`, '/shikumi/', '/shikumi/about/', '/ibasho/', '/policy/', '/sagasu/']);
const needsAxe = (path: string) => delocalizePath(path).locale === 'ja' || axePaths.has(delocalizePath(path).path);
const uiKeys = Object.keys(messages.ja);
const ja = messages.ja as Record<string, string>;

/** Japanese UI strings that this locale translates (long enough not to hit place names by chance). */
function untranslatedJapanese(locale: Locale): string[] {
  if (locale === 'ja') return [];
  const m = messages[locale] as Record<string, string>;
  // やさしい日本語 shares words with Japanese, so short strings match by chance; and some easy strings
  // keep the formal name on purpose ("地域サロン (近所の人が集まる場所)").
  const ruby = localeInfo[locale].ruby;
  return uiKeys
    // Kinds of agency on the 連絡票 (地域包括支援センター, 社会福祉協議会) are also part of Japanese proper names
    // that stay Japanese on translated pages (e.g. 〇〇市〇〇地域包括支援センター), like window names.
    .filter((k) => ja[k]!.length >= (ruby ? 8 : 5) && !ja[k]!.includes('{{') && !k.startsWith('form.language.') && !k.startsWith('referral.agencyKind.'))
    .filter((k) => (ruby ? !stripRuby(m[k]!).includes(ja[k]!) : m[k] !== ja[k]))
    .map((k) => ja[k]!);
}

/**
 * The text a reader sees as base text: readings (<rt>, <rp>) removed, so やさしい日本語 compares with
 * the strings as written. In other locales, elements that declare Japanese are removed too (the
 * switcher's 日本語, window names): they are meant to be Japanese.
 */
function visibleBaseText(root: HTMLElement, dropJapanese: boolean): string {
  const clone = root.cloneNode(true) as HTMLElement;
  clone.querySelectorAll(`rt, rp, script, style, noscript${dropJapanese ? ', [lang="ja"]' : ''}`).forEach((e) => e.remove());
  // Japanese in brackets after a translation ("Community salons (地域サロン)") is there on purpose:
  // it is what a resident says at the window.
  return (clone.innerText ?? clone.textContent ?? '').replace(/[(（][^()（）]*[)）]/g, '');
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
    const urgentHeading = await page.locator('aside.urgent h2').evaluate((h, fn) => new Function(`return ${fn}`)()(h, false).trim(), visibleBaseText.toString());
    expect(urgentHeading).toBe(stripRuby(messages[locale]['urgent.heading']));
    const text = await page.locator('body').innerText();
    expect(uiKeys.filter((k) => text.includes(k)), 'raw keys on the page').toEqual([]);
    const foreignText = await page.evaluate(([fn, dropJapanese]) => new Function(`return ${fn}`)()(document.body, dropJapanese), [visibleBaseText.toString(), localeInfo[locale].lang !== 'ja'] as const);
    expect(untranslatedJapanese(locale).filter((s) => foreignText.includes(s)), 'Japanese UI strings left untranslated').toEqual([]);
    if (localeInfo[locale].ruby) {
      const bare = await kanjiWithoutRuby(page);
      expect(bare, 'kanji without ruby').toEqual([]);
    }
    if (needsAxe(path)) await expectNoAxeViolations(page, path);
    expect(errors).toEqual([]);
  });
}

test('the language switcher keeps the page, names each language in its own script and marks the current one', async ({ page }) => {
  const path = `/madoguchi/${windows[0]!.id}/`;
  await page.goto(path);
  const switcher = page.locator('nav.language-switcher');
  // One compact control: the languages show once it is opened.
  await expect(switcher).toBeHidden();
  await page.getByText('言語 (Language)', { exact: true }).click();
  for (const l of locales) {
    const link = switcher.getByRole('link', { name: localeInfo[l].autonym, exact: true });
    await expect(link).toHaveAttribute('href', localizePath(l, path));
    await expect(link).toHaveAttribute('lang', localeInfo[l].lang);
  }
  await expect(switcher.locator('[aria-current="true"]')).toHaveText('日本語');
  await switcher.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en${path}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('nav.language-switcher [aria-current="true"]')).toHaveText('English');
  // Links inside a locale stay in it.
  await expect(page.locator('header').getByRole('link').first()).toHaveAttribute('href', '/en/');
});

test('every page lists its alternates in every locale, with x-default', async ({ page }) => {
  await page.goto('/en/shikumi/about/');
  const alternates = await page.locator('link[rel="alternate"]').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`));
  // Absolute URLs (search engines ignore relative hreflang): SITE_URL, or npm start's address.
  const site = process.env.SITE_URL || 'http://localhost:4321';
  const url = (path: string) => new URL(path, site).href;
  expect(alternates).toEqual([...locales.map((l) => `${localeInfo[l].hreflang} ${url(localizePath(l, '/shikumi/about/'))}`), `x-default ${url('/shikumi/about/')}`]);
});

test('a summary page says so and points to the full Japanese and English text', async ({ page }) => {
  // A program page whose Vietnamese translation is a summary (its content says so).
  const slug = summaryPrograms('vi')[0]!;
  await page.goto(`/vi/shikumi/${slug}/`);
  const notice = page.locator('.translation-notice');
  await expect(notice).toContainText(messages.vi['translation.summary']);
  await expect(notice.getByRole('link', { name: 'English' })).toHaveAttribute('href', `/en/shikumi/${slug}/`);
  await expect(notice.getByRole('link', { name: '日本語' })).toHaveAttribute('href', `/shikumi/${slug}/`);
});
