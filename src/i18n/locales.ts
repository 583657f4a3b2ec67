/**
 * Locales the site is published in. `ja` is the default and has no URL prefix; every other locale
 * lives under its own prefix (/easy/, /en/, …). Zod-free, so islands and the server can import it.
 */
export const locales = ['ja', 'easy', 'en', 'zh-Hans', 'ko', 'vi', 'tl', 'pt-BR', 'ne', 'id'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ja';

/** How each locale is described to people and machines. */
interface LocaleInfo {
  /** The language's own name, in its own script (the switcher shows these). */
  autonym: string;
  /** The autonym with readings, shown on pages whose kanji all carry ruby (やさしい日本語). */
  autonymRuby?: string;
  /** <html lang> and the lang attribute of the switcher's option. やさしい日本語 is Japanese. */
  lang: string;
  /** hreflang of the alternate link: やさしい日本語 gets a private-use subtag so it does not clash with ja. */
  hreflang: string;
  /** First path segment; empty for the default locale. Lower case, as URLs usually are. */
  prefix: string;
  /** The inquiry form's reply-language choice that matches this locale. */
  replyLanguage: string;
  /** Program pages in this locale carry the full text (else a summary, with a pointer to ja and en). */
  fullText: boolean;
  /** Kanji carry ruby (やさしい日本語): text gets <ruby>, window names come from the translation file. */
  ruby?: boolean;
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  ja: { autonym: '日本語', autonymRuby: '日本語《にほんご》', lang: 'ja', hreflang: 'ja', prefix: '', replyLanguage: 'ja', fullText: true },
  easy: { autonym: 'やさしい日本語', autonymRuby: 'やさしい日本語《にほんご》', lang: 'ja', hreflang: 'ja-x-easy', prefix: 'easy', replyLanguage: 'easyJa', fullText: true, ruby: true },
  en: { autonym: 'English', lang: 'en', hreflang: 'en', prefix: 'en', replyLanguage: 'en', fullText: true },
  'zh-Hans': { autonym: '简体中文', lang: 'zh-Hans', hreflang: 'zh-Hans', prefix: 'zh-hans', replyLanguage: 'zh-Hans', fullText: false },
  ko: { autonym: '한국어', lang: 'ko', hreflang: 'ko', prefix: 'ko', replyLanguage: 'ko', fullText: false },
  vi: { autonym: 'Tiếng Việt', lang: 'vi', hreflang: 'vi', prefix: 'vi', replyLanguage: 'vi', fullText: false },
  tl: { autonym: 'Filipino', lang: 'tl', hreflang: 'tl', prefix: 'tl', replyLanguage: 'tl', fullText: false },
  'pt-BR': { autonym: 'Português (Brasil)', lang: 'pt-BR', hreflang: 'pt-BR', prefix: 'pt-br', replyLanguage: 'pt-BR', fullText: false },
  ne: { autonym: 'नेपाली', lang: 'ne', hreflang: 'ne', prefix: 'ne', replyLanguage: 'ne', fullText: false },
  id: { autonym: 'Bahasa Indonesia', lang: 'id', hreflang: 'id', prefix: 'id', replyLanguage: 'id', fullText: false },
};

/** The value for <html lang> of each locale. */
export const htmlLang = Object.fromEntries(locales.map((l) => [l, localeInfo[l].lang])) as Record<Locale, string>;

/** True for a known locale code. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The locale whose URL prefix is `segment` (undefined or '' → the default locale); null when unknown. */
export function localeFromPrefix(segment: string | undefined): Locale | null {
  if (!segment) return defaultLocale;
  return locales.find((l) => localeInfo[l].prefix === segment) ?? null;
}

/** `path` (root-relative, e.g. "/madoguchi/") as seen in `locale`: "/en/madoguchi/". */
export function localizePath(locale: Locale, path: string): string {
  const prefix = localeInfo[locale].prefix;
  return prefix ? `/${prefix}${path}` : path;
}

/** The default-locale path of a localized one: "/en/madoguchi/" → "/madoguchi/". */
export function delocalizePath(path: string): { locale: Locale; path: string } {
  const match = /^\/([^/]+)(\/.*)?$/.exec(path);
  const locale = match ? localeFromPrefix(match[1]) : null;
  if (match && locale && locale !== defaultLocale) return { locale, path: match[2] ?? '/' };
  return { locale: defaultLocale, path };
}

/**
 * The best locale for an Accept-Language header (used where no page locale is known, such as an
 * API error before the body is read). Only exact or primary-subtag matches; ja otherwise.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const aliases: Record<string, string> = { zh: 'zh-Hans', pt: 'pt-BR', fil: 'tl' };
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (!tag) continue;
    const exact = locales.find((l) => l.toLowerCase() === tag || localeInfo[l].hreflang.toLowerCase() === tag);
    if (exact) return exact;
    const primary = tag.split('-')[0]!;
    const alias = aliases[primary] ?? primary;
    if (isLocale(alias)) return alias;
  }
  return defaultLocale;
}

/** How `language` is named on a page in `pageLocale`: with readings where every kanji carries ruby. */
export function autonymOn(pageLocale: Locale, language: Locale): string {
  const info = localeInfo[language];
  return localeInfo[pageLocale].ruby ? (info.autonymRuby ?? info.autonym) : info.autonym;
}
