import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { messages } from '@/i18n/messages';
import { i18nextOptions } from '@/i18n/translator';
import { createLiteTranslator } from '@/i18n/translator-lite';

/** The islands' small translator must answer exactly as i18next does, so the browser can do without i18next. */
describe('the islands translator (no i18next in the browser)', () => {
  it('uses no i18next feature it does not implement: nesting, formats, unescaped or plural/context keys', () => {
    for (const locale of locales) {
      for (const [key, message] of Object.entries(messages[locale] as Record<string, string>)) {
        expect(message, `${locale} ${key}`).not.toMatch(/\$t\(|\{\{-|\{\{[^}]*,[^}]*\}\}/);
        expect(key, locale).not.toMatch(/_(zero|one|two|few|many|other|ordinal_\w+|male|female)$/);
      }
    }
  });

  it('gives exactly what i18next gives for every key of every locale, with and without values', async () => {
    for (const locale of locales) {
      const m = messages[locale] as Record<string, string>;
      const reference = i18next.createInstance();
      await reference.init(i18nextOptions(locale, m));
      const t = createLiteTranslator(m);
      for (const [key, message] of Object.entries(m)) {
        const names = [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((x) => x[1]!);
        const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? i * 7 : `<${n}>&`]));
        expect(t(key as never), `${locale} ${key}`).toBe(reference.t(key));
        expect(t(key as never, values), `${locale} ${key}`).toBe(reference.t(key, values));
        if (names.length) expect(t(key as never, { [names[0]!]: 'only one' }), `${locale} ${key}`).toBe(reference.t(key, { [names[0]!]: 'only one' }));
      }
      expect(t('no.such.key' as never)).toBe(reference.t('no.such.key'));
    }
  });
});
