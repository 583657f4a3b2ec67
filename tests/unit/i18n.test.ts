import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { messages, messagesSchema } from '@/i18n/messages';
import { loadTriageData } from '@/triage/load-node';

const { flow, routing } = loadTriageData();

describe('locale files', () => {
  it('there is one JSON file per locale and each parses strictly', () => {
    const files = readdirSync('src/i18n/ui').filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', ''));
    expect(files.sort()).toEqual([...locales].sort());
    for (const f of files) expect(messagesSchema.safeParse(JSON.parse(readFileSync(`src/i18n/ui/${f}.json`, 'utf8'))).success, f).toBe(true);
  });
  it('a malformed key or an empty string is rejected', () => {
    expect(messagesSchema.safeParse({ 'nav home': 'x' }).success).toBe(false);
    expect(messagesSchema.safeParse({ 'nav.home': '' }).success).toBe(false);
  });
});

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
