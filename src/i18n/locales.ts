/**
 * Locales the site is published in. `ja` is the default and has no URL prefix.
 * Later locales (やさしい日本語, en, …) are added here and as ui/<locale>.json.
 */
export const locales = ['ja'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ja';

/** The value for <html lang> of each locale. */
export const htmlLang: Record<Locale, string> = { ja: 'ja' };
