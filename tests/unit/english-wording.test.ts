import { describe, expect, it } from 'vitest';
import en from '@/i18n/ui/en.json';
import { formatList, formatRange } from '@/lib/list-format';
import { useTranslations } from '@/i18n';

// Issue 12: 窓口 was translated "window", a field label landed capitalised mid-sentence ("This window
// handles Older people"), and lists were joined with 、・ in English.
describe('English UI wording', () => {
  const entries = Object.entries(en as Record<string, string>);
  it('says "support centre", not "window", for 窓口', () => {
    // Placeholders ({{windows}}) are names in code, not words a reader sees.
    expect(entries.filter(([, v]) => /\bwindows?\b/i.test(v.replace(/\{\{[^}]*\}\}/g, ''))).map(([k]) => k)).toEqual([]);
  });
  it('has no Japanese punctuation outside Japanese names in brackets', () => {
    const outside = entries.map(([k, v]) => [k, v.replace(/[(（][^()（）]*[)）]/g, '').replace(/「[^」]*」/g, '')] as const);
    expect(outside.filter(([, v]) => /[、・。]/.test(v)).map(([k]) => k)).toEqual([]);
  });
  // A field label is written capitalised ("Older people", "Idosos"): it must start the sentence, not
  // land in its middle.
  it.each(['en', 'pt-BR', 'tl', 'id', 'vi'] as const)('%s: a field label never lands capitalised mid-sentence', (locale) => {
    const t = useTranslations(locale);
    for (const field of ['elderly', 'disability', 'children', 'poverty', 'coordination'] as const) {
      const label = t(`field.${field}`);
      for (const key of ['route.reason.field', 'route.reason.fieldArea', 'route.reason.fieldAreaUnknown'] as const) {
        const sentence = t(key, { field: label, area: 'Sawara' });
        expect(sentence.startsWith(label), `${key}: ${sentence}`).toBe(true);
      }
    }
  });
});

describe('formatList / formatRange', () => {
  it('joins with the script’s own separator', () => {
    expect(formatList('ja', ['電話', 'メール'])).toBe('電話・メール');
    expect(formatList('en', ['Phone', 'Email'])).toBe('Phone, Email');
    expect(formatRange('en', '8:30', '17:15')).toBe('8:30–17:15');
    expect(formatRange('ja', '8:30', '17:15')).toBe('8:30〜17:15');
  });
});
