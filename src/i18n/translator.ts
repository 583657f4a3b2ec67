import i18next, { type TOptions } from 'i18next';
import type { UiKey } from './messages-types';

/** Translate function bound to one locale, with keys checked by the compiler. */
export type Translate = (key: UiKey, options?: TOptions) => string;

/** i18next's settings for one locale's flat message file (also the reference the tests compare with). */
export function i18nextOptions(locale: string, messages: Record<string, string>) {
  return {
    lng: locale,
    fallbackLng: false as const,
    initAsync: false,
    resources: { [locale]: { translation: messages } },
    keySeparator: false as const,
    nsSeparator: false as const,
    // Astro and React escape output themselves; escaping here would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  };
}

/** A message i18next would return unchanged when no options are given: no interpolation, no nesting. */
const isPlain = (message: string | undefined): message is string => message !== undefined && !message.includes('{{') && !message.includes('$t(');

/**
 * Creates a translator over already-parsed messages. Kept free of zod so React islands can use it
 * without shipping the validator; the build and tests parse every locale file strictly (messages.ts).
 */
export function createTranslator(locale: string, messages: Record<string, string>): Translate {
  const instance = i18next.createInstance();
  void instance.init(i18nextOptions(locale, messages));
  // Plain messages skip i18next: a form renders a hundred of them while hydrating, at 20-40 µs each
  // through i18next (browser profile of /soudan/).
  return (key, options) => {
    const message = messages[key];
    return !options && isPlain(message) ? message : (instance.t(key, options ?? {}) as string);
  };
}
