import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeInfo, locales } from '@/i18n/locales';
import { messages, messagesSchema } from '@/i18n/messages';
import { parseRuby } from '@/i18n/ruby';
import { loadTriageData } from '@/triage/load-node';

const { flow, routing } = loadTriageData();

describe('locale files', () => {
  it('there is one JSON file per locale and each parses strictly', () => {
    const files = readdirSync('src/i18n/ui').filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
    expect(files.sort()).toEqual([...locales].sort());
    for (const f of files) expect(messagesSchema.safeParse(JSON.parse(readFileSync(`src/i18n/ui/${f}.json`, 'utf8'))).success, f).toBe(true);
  });
  it('no key is written twice in a file (JSON.parse would keep the last one silently)', () => {
    for (const f of readdirSync('src/i18n/ui').filter((n) => n.endsWith('.json'))) {
      const keys = [...readFileSync(`src/i18n/ui/${f}`, 'utf8').matchAll(/^\s*"([^"]+)":/gm)].map((m) => m[1]);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), f).toEqual([]);
    }
  });
  it('a missing key, an extra key or an empty string is rejected', () => {
    const { ['nav.home']: _dropped, ...missing } = messages.ja;
    expect(messagesSchema.safeParse(missing).success).toBe(false);
    expect(messagesSchema.safeParse({ ...messages.ja, 'nav.homee': 'x' }).success).toBe(false);
    expect(messagesSchema.safeParse({ ...messages.ja, 'nav.home': '' }).success).toBe(false);
  });
});

const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join(',');

describe.each(locales.filter((l) => l !== 'ja'))('the %s locale file', (locale) => {
  const m = messages[locale] as Record<string, string>;
  const ja = messages.ja as Record<string, string>;
  it('has every key of ja.json and no other', () => {
    expect(Object.keys(m).sort()).toEqual(Object.keys(ja).sort());
  });
  it('keeps every {{placeholder}} of the Japanese string', () => {
    const wrong = Object.keys(ja).filter((k) => placeholders(ja[k]!) !== placeholders(m[k]!));
    expect(wrong).toEqual([]);
  });
  it('names the reply languages in their own script', () => {
    for (const l of ['en', 'zh-Hans', 'ko', 'vi', 'tl', 'pt-BR', 'ne', 'id'] as const) expect(m[`form.language.${l}`]).toBe(ja[`form.language.${l}`]);
  });
});

describe.each(locales.filter((l) => l !== 'ja' && !localeInfo[l].ruby))('the %s locale file', (locale) => {
  it('translates what a resident reads: no kana left in navigation, urgent help, questions, errors, confirmation', () => {
    const m = messages[locale] as Record<string, string>;
    const kana = /[\u3040-\u30ff]/;
    const keys = Object.keys(m).filter((k) => /^(nav|urgent|form\.error|api\.error|triage\.q|confirm)\./.test(k));
    expect(keys.length).toBeGreaterThan(30);
    expect(keys.filter((k) => kana.test(m[k]!))).toEqual([]);
  });
});

describe('the やさしい日本語 locale file', () => {
  it('gives every kanji a reading (ruby notation)', () => {
    const kanji = /[\p{Script=Han}々〆ヶ]/u;
    const bare = Object.entries(messages.easy)
      .filter(([k]) => !/^form\.language\.(?!ja$|easyJa$|label$|other$)/.test(k))
      .filter(([, v]) => kanji.test(stripAnnotations(v)))
      .map(([k]) => k);
    expect(bare).toEqual([]);
  });
});

/** The text left once every annotated word is removed: any kanji in it has no reading. */
function stripAnnotations(text: string): string {
  return parseRuby(text).filter((s) => typeof s === 'string').join('');
}

describe.each(locales)('triage wording in %s', (locale) => {
  const m = messages[locale] as Record<string, string>;
  it('every node has a question and every option a label', () => {
    for (const n of flow.nodes) {
      expect(m[`triage.q.${n.id}.question`], n.id).toBeTruthy();
      for (const o of n.options) expect(m[`triage.opt.${n.id}.${o}`], `${n.id}.${o}`).toBeTruthy();
    }
  });
  it('every trouble, category and pattern has wording', () => {
    for (const t of flow.troubles) expect(m[`triage.trouble.${t.id}`], t.id).toBeTruthy();
    for (const c of routing.categories) expect(m[`category.${c.id}`], c.id).toBeTruthy();
    for (const p of flow.patterns) expect(m[`triage.pattern.${p.id}`], p.id).toBeTruthy();
  });
});

describe('the translator', () => {
  it('gives, for every key of every locale, exactly what i18next gives (its shortcut for plain strings changes nothing)', async () => {
    const { createTranslator, i18nextOptions } = await import('@/i18n/translator');
    const i18next = (await import('i18next')).default;
    for (const locale of locales) {
      const m = messages[locale] as Record<string, string>;
      const reference = i18next.createInstance();
      await reference.init(i18nextOptions(locale, m));
      const t = createTranslator(locale, m);
      for (const key of Object.keys(m)) expect(t(key as never), `${locale} ${key}`).toBe(reference.t(key));
    }
  });
});
