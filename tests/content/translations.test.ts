import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales } from '@/i18n/locales';
import { parseRuby, stripRuby } from '@/i18n/ruby';
import { sourceFiles } from '../support/content';
import { contentTranslationSchema, pageTranslationSchema, programTranslationSchema } from '@/schemas/translation';
import { contentPath as cp } from '@/lib/profile';

const readYaml = (p: string) => parse(readFileSync(p, 'utf8'));
const frontmatter = (p: string) => parse(readFileSync(p, 'utf8').split('---\n')[1]!);
const windows = Object.fromEntries(readdirSync(cp('windows')).map((f) => [f.replace('.yaml', ''), readYaml(cp(`windows/${f}`))]));
const ids = (p: string) => (readYaml(p) as { id: string }[]).map((e) => e.id).sort();
const programSlugs = readdirSync(cp('programs/ja')).sort();
/** Digits that look like a phone number, so a translation cannot add a number the sources do not have. */
const numbers = (s: string) => s.match(/\d[\d-]{5,}\d/g) ?? [];
const japanese = [
  ...Object.values(windows).map((w) => JSON.stringify(w)),
  readFileSync(cp('hotlines.yaml'), 'utf8'),
  readFileSync(cp('places.yaml'), 'utf8'),
  readFileSync(cp('site.yaml'), 'utf8'),
].join('\n');

describe.each(locales.filter((l) => l !== 'ja'))('content translated into %s', (locale) => {
  const file = cp(`translations/${locale}.yaml`);
  const data = contentTranslationSchema.parse(readYaml(file));

  it('covers every window, district, hotline and place, and nothing else', () => {
    expect(Object.keys(data.windows).sort()).toEqual(Object.keys(windows).sort());
    expect(Object.keys(data.areas).sort()).toEqual(ids(cp('areas.yaml')));
    expect(Object.keys(data.hotlines).sort()).toEqual(ids(cp('hotlines.yaml')));
    expect(Object.keys(data.places).sort()).toEqual(ids(cp('places.yaml')));
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
    expect(readdirSync(cp(`programs/${locale}`)).sort()).toEqual(programSlugs);
    for (const f of programSlugs) programTranslationSchema.parse(frontmatter(cp(`programs/${locale}/${f}`)));
    pageTranslationSchema.parse(frontmatter(cp(`pages/${locale}/policy.md`)));
  });
});

describe('やさしい日本語 content', () => {
  const data = contentTranslationSchema.parse(readYaml(cp('translations/easy.yaml')));
  const kanjiLeft = (s: string) => /[\p{Script=Han}々〆ヶ]/u.test(parseRuby(s).filter((x) => typeof x === 'string').join(''));
  it('writes each window name exactly as on the door, with readings', () => {
    for (const [id, w] of Object.entries(data.windows)) expect(stripRuby(w.name ?? ''), id).toBe(windows[id].name);
  });
  it('gives every kanji a reading, in the YAML and in every page', () => {
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : o && typeof o === 'object' ? Object.values(o).flatMap(values) : []);
    const pages = [...readdirSync(cp('programs/easy')).map((f) => readFileSync(cp(`programs/easy/${f}`), 'utf8')), readFileSync(cp('pages/easy/policy.md'), 'utf8')];
    const bare = [...values(data), ...pages.flatMap((t) => t.split('\n'))].filter((l) => kanjiLeft(l));
    expect(bare).toEqual([]);
  });
  it('cites every source shown on a page by its exact title and publisher, with readings', () => {
    for (const [title, annotated] of Object.entries(data.sourceTitles ?? {})) expect(stripRuby(annotated)).toBe(title);
    const documents = (o: unknown): string[] =>
      Array.isArray(o) ? o.flatMap(documents) : o && typeof o === 'object'
        ? [...((o as { documents?: string[] }).documents ?? []), ...Object.values(o).flatMap(documents)]
        : [];
    const sources = sourceFiles();
    const cited = [...new Set(documents([...Object.values(windows), readYaml(cp('places.yaml')), ...programSlugs.map((f) => frontmatter(cp(`programs/ja/${f}`)))]))];
    // At least every document a window cites (each window page shows its sources).
    expect(cited).toEqual(expect.arrayContaining([...new Set(Object.values(windows).flatMap((w) => documents(w)))]));
    expect(cited.length).toBeGreaterThan(0);
    const texts = cited.flatMap((id) => [sources.get(id)!.data.title, sources.get(id)!.data.publisher ?? '']).filter(Boolean);
    expect(texts.filter((t) => !data.sourceTitles?.[t])).toEqual([]);
  });
});
