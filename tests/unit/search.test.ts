import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { synonymsSchema } from '@/schemas/search';
import { windowSchema } from '@/schemas/window';
import { buildSearchIndex } from '@/search/index-data';
import { normalizeText } from '@/search/normalize';
import { createSearcher, expandQuery, hotlineTopicsFor } from '@/search/query';
import { hotlineQueries, searchQueries } from '../fixtures/search-queries';
import { contentPath as cp } from '@/lib/profile';

const windows = readdirSync(cp('windows')).map((f) => ({
  id: f.replace(/\.yaml$/, ''),
  ...windowSchema.parse(parse(readFileSync(cp(`windows/${f}`), 'utf8'))),
}));
const synonyms = synonymsSchema.parse(parse(readFileSync(cp('search/synonyms.yaml'), 'utf8')));
// Round-trip through JSON as the browser does, so the test sees what residents get.
const index = JSON.parse(JSON.stringify(buildSearchIndex(windows, synonyms)));
const search = createSearcher(index);

describe('normalizeText', () => {
  it.each([
    ['ｶｲｺﾞ', 'かいご'],
    ['カイゴ', 'かいご'],
    // Digits of a made-up number: normalising is the same for any number.
    ['０１２３－４５－６７８９', '0123456789'],
    ['0123-45-6789', '0123456789'],
    ['ＣＣＣ', 'ccc'],
    ['Elderly ', 'elderly'],
    ['ソウダン', 'そうだん'],
  ])('%s → %s', (input, expected) => expect(normalizeText(input)).toBe(expected));
});

describe('expandQuery', () => {
  it('adds the keywords of everyday phrases', () => expect(expandQuery('お金がない', index.synonyms)).toContain('生活困窮'));
  it('returns nothing for blank input', () => expect(expandQuery('  ', index.synonyms)).toEqual([]));
});

// The resident queries are the selected profile's (content/profiles/<id>/expectations/search.yaml);
// tests/unit/search-corpus.test.ts scores every one of them.
describe('search ranking', () => {
  it('finds nothing for words no window is about', () => expect(search('宇宙旅行')).toEqual([]));
  it('has resident queries that find every window of the profile', () => {
    // A window no query expects could drop out of the search unnoticed.
    expect(searchQueries.length).toBeGreaterThan(0);
    expect([...new Set(searchQueries.flatMap((q) => [q.expect].flat()))].sort()).toEqual(windows.map((w) => w.id).sort());
  });
  it('finds each window by its own phone number, written as printed', () => {
    const phones = windows.flatMap((w) => w.channels.flatMap((c) => (c.type === 'phone' ? [{ id: w.id, number: c.number }] : [])));
    expect(phones.length).toBeGreaterThan(0);
    // A number two windows share (a team reached through a department's line) finds both.
    for (const { id, number } of phones) expect(search(number).map((h) => h.id), number).toContain(id);
  });
});

describe('searches that lead to a verified hotline', () => {
  const hotlines = parse(readFileSync(cp('hotlines.yaml'), 'utf8')) as { id: string; number: string; topics: string[] }[];
  it('has hotline queries for the profile', () => expect(hotlineQueries.length).toBeGreaterThan(0));
  it.each(hotlineQueries)('"$query" leads to the $topic numbers ($why)', ({ query, topic }) => {
    expect(hotlineTopicsFor(query, index.synonyms)).toContain(topic);
  });
  it('the violence numbers include the DV lines of the verified list', () => {
    const numbers = hotlines.filter((h) => h.topics.includes('violence')).map((h) => h.number);
    expect(numbers).toEqual(expect.arrayContaining(['#8008', '0120-279-889']));
  });
  it('ordinary words lead to no hotline', () => {
    const phone = windows.flatMap((w) => w.channels.flatMap((c) => (c.type === 'phone' ? [c.number] : [])))[0]!;
    for (const q of ['介護', '借金', '不登校', phone]) expect(hotlineTopicsFor(q, index.synonyms), q).toEqual([]);
  });
});
