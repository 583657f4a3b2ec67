import i18next, { type TOptions } from 'i18next';
import type { UiKey } from './messages-types';

/** Translate function bound to one locale, with keys checked by the compiler. */
export type Translate = (key: UiKey, options?: TOptions) => string;

/**
 * Creates a translator over already-parsed messages. Kept free of zod so React islands can use it
 * without shipping the validator; the build and tests parse every locale file strictly (messages.ts).
 */
export function createTranslator(locale: string, messages: Record<string, string>): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    initAsync: false,
    resources: { [locale]: { translation: messages } },
    keySeparator: false,
    nsSeparator: false,
    // Astro and React escape output themselves; escaping here would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // A message without options, interpolation or nesting is what i18next would return unchanged; a form
  // renders a hundred of them while hydrating, at 20-40 µs each through i18next (browser profile of /soudan/).
  const plain = new Map<string, string>();
  return (key, options) => {
    if (options) return instance.t(key, options) as string;
    let text = plain.get(key);
    if (text === undefined) {
      const message = messages[key];
      text = message !== undefined && !message.includes('{{') && !message.includes('$t(') ? message : (instance.t(key, {}) as string);
      plain.set(key, text);
    }
    return text;
  };
}
