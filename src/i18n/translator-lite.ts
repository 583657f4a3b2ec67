import type { TOptions } from 'i18next';
import type { Translate } from './translator';

/**
 * The islands' translator: the same answers as i18next (translator.ts) for the locale files this
 * project has — flat keys, `{{name}}` interpolation, no escaping, no nesting, no plurals, no formats —
 * in a few lines instead of ~16 KB of gzipped i18next in the browser (issue 13 part 4). The pages,
 * the API and the build keep i18next. tests/unit/translator-lite.test.ts compares the two on every key
 * of every locale, and fails if a message starts using an i18next feature this does not implement.
 */
export function createLiteTranslator(messages: Record<string, string>): Translate {
  return (key, options?: TOptions) => {
    const message = messages[key];
    if (message === undefined) return key; // as i18next: the key itself when a message is missing
    if (!options) return message;
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      const value = (options as Record<string, unknown>)[name];
      if (value === undefined) return whole; // i18next leaves an unknown variable as written
      return value === null ? '' : String(value);
    });
  };
}
