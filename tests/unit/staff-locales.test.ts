// The staff pages (inbox, つなぎ) and the 連絡票 for support agencies are not crawled by the page
// tests (tests/e2e/locales.spec.ts needs a signed-in staff member or a filled form to reach them), so
// a locale file could keep the Japanese or the English text of these keys unnoticed: a Nepali- or
// Tagalog-speaking staff member or agency worker would then read a language they did not choose.
// This checks the JSON itself, for every locale that is neither Japanese nor English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeInfo, locales } from '@/i18n/locales';

const read = (locale: string) => JSON.parse(readFileSync(`src/i18n/ui/${locale}.json`, 'utf8')) as Record<string, string>;
const ja = read('ja');
const en = read('en');
const keys = Object.keys(ja).filter((k) => /^(staff|referral)\./.test(k));

/** Nothing to translate: only placeholders, digits, symbols and spaces (e.g. "{{name}}"). */
const untranslatable = (text: string) => text.replace(/{{\w+}}/g, '').replace(/[\p{N}\p{P}\p{S}\s]/gu, '') === '';

/**
 * Kana outside brackets: Japanese left in the text. Japanese terms in brackets after the translation,
 * such as "support meeting (支援会議)" or "(要配慮個人情報)", are kept on purpose: they are the words
 * used in the law and at the window.
 */
const japaneseOutsideBrackets = (text: string) => /[\u3040-\u30ff]/.test(text.replace(/[(（][^()（）]*[)）]/g, ''));

const translated = locales.filter((l) => l !== 'ja' && l !== 'en' && !localeInfo[l].ruby);

describe('the staff and 連絡票 strings', () => {
  it('are checked for every locale that is neither Japanese nor English', () => {
    expect(keys.length).toBeGreaterThan(200);
    expect(translated).toEqual(expect.arrayContaining(['zh-Hans', 'ko', 'vi', 'tl', 'pt-BR', 'ne', 'id']));
    expect(untranslatable('{{name}}')).toBe(true);
    expect(untranslatable('Status: {{from}} → {{to}}')).toBe(false);
    expect(japaneseOutsideBrackets('support meeting (支援会議)')).toBe(false);
    expect(japaneseOutsideBrackets('窓口の受付箱')).toBe(true);
  });

  describe.each(translated)('in %s', (locale) => {
    const m = read(locale);
    it('differ from the Japanese and the English text, unless there is nothing to translate', () => {
      const same = keys.filter((k) => !untranslatable(ja[k]!) && (m[k] === ja[k] || m[k] === en[k]));
      expect(same).toEqual([]);
    });
    it('carry no Japanese outside a bracketed Japanese term', () => {
      expect(keys.filter((k) => japaneseOutsideBrackets(m[k]!))).toEqual([]);
    });
  });
});
