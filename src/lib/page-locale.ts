import { locales, localeFromPrefix, localeInfo, type Locale } from '@/i18n/locales';

/**
 * getStaticPaths entries for a page published in every locale: `[...lang]` is empty for Japanese
 * and the locale's prefix otherwise (/easy/, /en/, …).
 */
export function localeStaticPaths(): { params: { lang: string | undefined }; props: { locale: Locale } }[] {
  return locales.map((locale) => ({ params: { lang: localeInfo[locale].prefix || undefined }, props: { locale } }));
}

/** The locale of a page from its `[...lang]` parameter; null for an unknown prefix (answer 404). */
export function pageLocale(param: string | undefined): Locale | null {
  return localeFromPrefix(param);
}
