import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales } from '@/i18n/locales';
import { contentTranslationSchema, pageTranslationSchema, programTranslationSchema } from '@/schemas/translation';

const readYaml = (p: string) => parse(readFileSync(p, 'utf8'));
const frontmatter = (p: string) => parse(readFileSync(p, 'utf8').split('---\n')[1]!);
const windows = Object.fromEntries(readdirSync('content/windows').map((f) => [f.replace('.yaml', ''), readYaml(`content/windows/${f}`)]));
const ids = (p: string) => (readYaml(p) as { id: string }[]).map((e) => e.id).sort();
const programSlugs = readdirSync('content/programs/ja').sort();
/** Digits that look like a phone number, so a translation cannot add a number the sources do not have. */
const numbers = (s: string) => s.match(/\d[\d-]{5,}\d/g) ?? [];
const japanese = [
  ...Object.values(windows).map((w) => JSON.stringify(w)),
  readFileSync('content/hotlines.yaml', 'utf8'),
  readFileSync('content/places.yaml', 'utf8'),
  readFileSync('content/site.yaml', 'utf8'),
].join('\n');

describe.each(locales.filter((l) => l !== 'ja'))('content translated into %s', (locale) => {
  const file = `content/translations/${locale}.yaml`;
  const data = contentTranslationSchema.parse(readYaml(file));

  it('covers every window, district, hotline and place, and nothing else', () => {
    expect(Object.keys(data.windows).sort()).toEqual(Object.keys(windows).sort());
    expect(Object.keys(data.areas).sort()).toEqual(ids('content/areas.yaml'));
    expect(Object.keys(data.hotlines).sort()).toEqual(ids('content/hotlines.yaml'));
    expect(Object.keys(data.places).sort()).toEqual(ids('content/places.yaml'));
  });
  it('keeps one call-script line per line and one note per contact channel', () => {
    for (const [id, w] of Object.entries(data.windows)) {
      expect(w.callScript.length, id).toBe(windows[id].callScript.length);
      expect(w.channelNotes.length, id).toBe(windows[id].channels.length);
    }
  });
  it('adds no phone number the Japanese content does not have', () => {
    const added = numbers(readFileSync(file, 'utf8')).filter((n) => !japanese.includes(n));
    expect(added).toEqual([]);
  });
  it('has every program page and the policy page, as full text or summary as the locale promises', () => {
    expect(readdirSync(`content/programs/${locale}`).sort()).toEqual(programSlugs);
    for (const f of programSlugs) programTranslationSchema.parse(frontmatter(`content/programs/${locale}/${f}`));
    pageTranslationSchema.parse(frontmatter(`content/pages/${locale}/policy.md`));
  });
});
