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
    ['０４７８－５０－１９１９', '0478501919'],
    ['0478-50-1919', '0478501919'],
    ['ＣＣＣ', 'ccc'],
    ['Elderly ', 'elderly'],
    ['ソウダン', 'そうだん'],
  ])('%s → %s', (input, expected) => expect(normalizeText(input)).toBe(expected));
});

describe('expandQuery', () => {
  it('adds the keywords of everyday phrases', () => expect(expandQuery('お金がない', index.synonyms)).toContain('生活困窮'));
  it('returns nothing for blank input', () => expect(expandQuery('  ', index.synonyms)).toEqual([]));
});

describe('search ranking', () => {
  it.each(searchQueries)('"$query" finds $expect (top $rank: $why)', ({ query, expect: id, rank }) => {
    const ids = search(query).map((h) => h.id);
    expect(ids.slice(0, rank)).toContain(id);
  });
  it('finds nothing for words no window is about', () => expect(search('宇宙旅行')).toEqual([]));
  it('has at least 60 resident queries in the table', () => expect(searchQueries.length).toBeGreaterThanOrEqual(60));
});

describe('searches that lead to a verified hotline', () => {
  const hotlines = parse(readFileSync(cp('hotlines.yaml'), 'utf8')) as { id: string; number: string; topics: string[] }[];
  it.each(hotlineQueries)('"$query" leads to the $topic numbers ($why)', ({ query, topic }) => {
    expect(hotlineTopicsFor(query, index.synonyms)).toContain(topic);
  });
  it('the violence numbers include the DV lines of the verified list', () => {
    const numbers = hotlines.filter((h) => h.topics.includes('violence')).map((h) => h.number);
    expect(numbers).toEqual(expect.arrayContaining(['#8008', '0120-279-889']));
  });
  it('ordinary words lead to no hotline', () => {
    for (const q of ['介護', '借金', '不登校', '0478-50-1919']) expect(hotlineTopicsFor(q, index.synonyms), q).toEqual([]);
  });
});
