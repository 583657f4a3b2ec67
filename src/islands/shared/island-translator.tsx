import { createElement, Fragment, type ReactNode } from 'react';
import type { Translate } from '@/i18n/translator';
import { createLiteTranslator } from '@/i18n/translator-lite';
import type { UiKey } from '@/i18n/messages-types';
import { hasRuby, parseRuby, stripRuby } from '@/i18n/ruby';
import { localizePath, type Locale } from '@/i18n/locales';
import { formatDateTime, formatList } from '@/lib/list-format';
import type { TOptions } from 'i18next';

/**
 * The islands' translator. `t` gives plain text (safe in attributes); `t.rich` gives text with
 * <ruby> for やさしい日本語, for element content; `t.path` puts a root-relative link in the locale.
 * Pages rendering the same views on the server build it the same way, so markup matches on hydration.
 */
export type IslandTranslate = Translate & {
  /** The string with its ruby notation, for building longer text that goes through richText. */
  raw: Translate;
  rich: (key: UiKey, options?: TOptions) => ReactNode;
  path: (path: string) => string;
  /** A short list as the locale writes it (電話・メール, "Phone, Email"): src/lib/list-format.ts. */
  list: (items: readonly string[]) => string;
  /** A date and time (ISO 8601) as the locale writes it, in Japan's time: src/lib/list-format.ts. */
  dateTime: (iso: string) => string;
};

/** Element content for text that may carry ruby notation (window names in やさしい日本語, say). */
export function richText(text: string): ReactNode {
  if (!hasRuby(text)) return text;
  return createElement(
    Fragment,
    null,
    ...parseRuby(text).map((s, i) =>
      typeof s === 'string' ? s : createElement('ruby', { key: i }, s.base, createElement('rp', null, '('), createElement('rt', null, s.reading), createElement('rp', null, ')')),
    ),
  );
}

/**
 * Builds the translator for one locale over already-parsed messages. It uses the small translator
 * (translator-lite.ts, checked against i18next), so i18next stays on the server and out of the bundle.
 */
export function createIslandTranslator(locale: Locale, messages: Record<string, string>): IslandTranslate {
  const raw = createLiteTranslator(messages);
  const t = ((key, options) => stripRuby(raw(key, options))) as IslandTranslate;
  t.raw = raw;
  t.rich = (key, options) => richText(raw(key, options));
  t.path = (path) => localizePath(locale, path);
  t.list = (items) => formatList(locale, items);
  t.dateTime = (iso) => formatDateTime(locale, iso);
  return t;
}
