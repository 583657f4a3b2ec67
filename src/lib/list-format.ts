import type { Locale } from '@/i18n/locales';

/** Separators of a short list where the script has its own; every other locale writes ", ". */
const separators: Partial<Record<Locale, string>> = { ja: '・', easy: '・', 'zh-Hans': '、' };

/**
 * Joins short items (contact methods, days, districts, languages) as the locale writes a list:
 * 電話・メール in Japanese, "Phone, Email" in English. Keeps Japanese punctuation out of other
 * languages' text.
 */
export function formatList(locale: Locale, items: readonly string[]): string {
  return items.join(separators[locale] ?? ', ');
}

/** A range such as opening hours: 8:30〜17:15 in Japanese and Chinese, 8:30–17:15 elsewhere. */
export function formatRange(locale: Locale, from: string, to: string): string {
  return `${from}${separators[locale] ? '〜' : '–'}${to}`;
}

/** A moment (ISO 8601) as the locale writes a date and time, in Japan's time, where the windows are. */
export function formatDateTime(locale: Locale, iso: string): string {
  // やさしい日本語 writes it in figures (2026/12/7 10:30): 年月日 would be kanji without ruby.
  const style: Intl.DateTimeFormatOptions = locale === 'easy' ? { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' } : { dateStyle: 'long', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale === 'easy' ? 'ja' : locale, { ...style, timeZone: 'Asia/Tokyo' }).format(new Date(iso));
}
