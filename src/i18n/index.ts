import i18next, { type TOptions } from 'i18next';
import { defaultLocale, type Locale } from './locales';
import { messages, type UiKey } from './messages';

export { locales, defaultLocale, htmlLang, type Locale } from './locales';
export type { UiKey } from './messages';

/** Translate function bound to one locale, with keys checked by the compiler. */
export type Translate = (key: UiKey, options?: TOptions) => string;

const instances = new Map<Locale, Translate>();

/**
 * Returns the translator for a locale. Used by .astro pages at build time, by the
 * React islands in the browser and by the API on the server, so all of them share one set of strings.
 */
export function useTranslations(locale: Locale = defaultLocale): Translate {
  const cached = instances.get(locale);
  if (cached) return cached;
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    initAsync: false,
    resources: { [locale]: { translation: messages[locale] } },
    keySeparator: false,
    nsSeparator: false,
    // Astro and React escape output themselves; escaping here would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const t: Translate = (key, options) => instance.t(key, options ?? {}) as string;
  instances.set(locale, t);
  return t;
}
