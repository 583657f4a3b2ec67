// The one vocabulary (content/search/vocabulary.yaml) belongs to the wizard's flow: every trouble the
// wizard offers has its everyday words, and no entry names a trouble the flow does not have.
import { describe, expect, it } from 'vitest';
import { createSearcher } from '@/search/query';
import { normalizeText } from '@/search/normalize';
import { searchContent, searchIndexFor } from '../support/search-index';

const { vocabulary, flow, readings } = searchContent();
const search = createSearcher(searchIndexFor());

describe('the search vocabulary', () => {
  it('has an entry for every trouble of the flow, and none for a trouble the flow lacks', () => {
    expect(Object.keys(vocabulary.troubles).sort()).toEqual(flow.troubles.map((t) => t.id).sort());
  });
  it.each(flow.troubles.map((t) => [t.id] as const))('%s has Japanese and English words, and each finds the trouble', (id) => {
    const words = vocabulary.troubles[id]!;
    expect(words.ja.length).toBeGreaterThan(0);
    expect(words.en.length).toBeGreaterThan(0);
    // The first Japanese word, typed alone, leads to this trouble.
    expect(search(words.ja[0]!).troubles, words.ja[0]).toContain(id);
  });
  it('every kanji word has a reading checked into readings.yaml (no dictionary at run time)', () => {
    const kanji = Object.values(vocabulary.troubles).flatMap((t) => [...t.ja, ...t.services]).filter((w) => /\p{Script=Han}/u.test(w));
    const missing = kanji.filter((w) => !readings[w] && !readings[normalizeText(w)]);
    expect(missing).toEqual([]);
  });
  it('no filler word is also a word of a trouble (a word cannot both count and not count)', () => {
    const filler = new Set(vocabulary.filler.ja.map(normalizeText));
    const clash = Object.values(vocabulary.troubles).flatMap((t) => t.ja).filter((w) => filler.has(normalizeText(w)));
    expect(clash).toEqual([]);
  });
});
