import { defaultLocale, type Locale } from './locales';
import { messages } from './messages';
import { createTranslator, type Translate } from './translator';

export { autonymOn, locales, defaultLocale, htmlLang, localeInfo, localizePath, delocalizePath, isLocale, type Locale } from './locales';
export type { UiKey } from './messages-types';
export type { Translate } from './translator';

const instances = new Map<Locale, Translate>();

/**
 * Returns the translator for a locale, for .astro pages at build time and the API on the server.
 * (Islands use createTranslator with the locale file directly, to stay free of zod.)
 */
export function useTranslations(locale: Locale = defaultLocale): Translate {
  let t = instances.get(locale);
  if (!t) instances.set(locale, (t = createTranslator(locale, messages[locale])));
  return t;
}
