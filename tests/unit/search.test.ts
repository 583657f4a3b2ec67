import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createSearcher } from '@/search/query';
import { hotlineQueries, searchQueries } from '../fixtures/search-queries';
import { contentPath as cp } from '@/lib/profile';
import { profileWindows, searchContent, searchIndexFor } from '../support/search-index';

const windows = profileWindows();
const index = searchIndexFor(windows);
const search = createSearcher(index);
const ids = (q: string) => search(q).hits.map((h) => h.id);
const flowTroubles = searchContent().flow.troubles;

// The resident queries are the selected profile's (content/profiles/<id>/expectations/search.yaml);
// tests/unit/search-corpus.test.ts scores every one of them.
describe('search answers', () => {
  it('finds nothing for words no window is about, and says no word was understood', () => {
    const a = search('宇宙旅行');
    expect(a.hits).toEqual([]);
    expect(a.understood).toEqual([]);
  });
  it('returns an empty answer for blank input', () => expect(search('   ').hits).toEqual([]));
  it('has resident queries that find every window of the profile', () => {
    // A window no query expects could drop out of the search unnoticed.
    expect([...new Set(searchQueries.flatMap((q) => [q.expect].flat()))].sort()).toEqual(windows.map((w) => w.id).sort());
  });
  it('finds each window by its own phone number, written as printed', () => {
    const phones = windows.flatMap((w) => w.channels.flatMap((c) => (c.type === 'phone' ? [{ id: w.id, number: c.number }] : [])));
    expect(phones.length).toBeGreaterThan(0);
    // A number two windows share (a team reached through a department's line) finds both.
    for (const { id, number } of phones) expect(ids(number), number).toContain(id);
  });
  it('a word inside a sentence finds what the word alone finds (particles and filler carry no weight)', () => {
    for (const [word, sentence] of [['認知症', '母が認知症です'], ['借金', '借金について相談したい'], ['不登校', '不登校の子どものことで']] as const) {
      expect(ids(sentence).slice(0, 2), sentence).toEqual(ids(word).slice(0, 2));
    }
  });
  it('names why each window was found, in the words of the vocabulary', () => {
    const hit = search('かいご').hits[0]!;
    expect(hit.why).toContain('介護');
  });
  it('every window a trouble word finds is one the routing gives for that trouble, and the trouble is reported', () => {
    const a = search('老人ホーム');
    expect(a.troubles).toEqual(['needsCare']);
    expect(a.hits.length).toBeGreaterThan(0);
  });
  it('reports the words understood, and a typo as the word it is near', () => {
    expect(search('認知症の父のことで相談したいです').understood).toEqual(['認知症']);
    expect(search('dementa').understood).toEqual(['dementia']);
  });
  it('a foreign resident’s words ask for the languages', () => {
    for (const q of ['外国人', 'foreigner', 'người nước ngoài', '帮助']) expect(search(q).languages, q).toBe(true);
    expect(search('介護').languages).toBe(false);
  });
});

describe('searches that lead to a verified hotline', () => {
  const hotlines = parse(readFileSync(cp('hotlines.yaml'), 'utf8')) as { id: string; number: string; topics: string[] }[];
  it('has hotline queries for the profile', () => expect(hotlineQueries.length).toBeGreaterThan(0));
  it.each(hotlineQueries)('"$query" leads to the $topic numbers ($why) and to windows below them', ({ query, topic }) => {
    const a = search(query);
    expect(a.hotlineTopics).toContain(topic);
    // Never a number with 「見つかりませんでした」 under it: the windows routing gives for the trouble.
    expect(a.hits.length).toBeGreaterThan(0);
  });
  it('the violence numbers include the DV lines of the verified list', () => {
    const numbers = hotlines.filter((h) => h.topics.includes('violence')).map((h) => h.number);
    expect(numbers).toEqual(expect.arrayContaining(['#8008', '0120-279-889']));
  });
  it('ordinary words lead to no hotline', () => {
    const phone = windows.flatMap((w) => w.channels.flatMap((c) => (c.type === 'phone' ? [c.number] : [])))[0]!;
    for (const q of ['介護', '借金', '不登校', phone]) expect(search(q).hotlineTopics, q).toEqual([]);
  });
  it('a danger trouble of the flow always has a hotline topic the search shows, or windows', () => {
    for (const t of flowTroubles.filter((t) => t.urgent)) {
      const a = search(t.id === 'suicidal' ? '死にたい' : t.id === 'violence' ? '暴力' : '虐待');
      expect(a.hits.length, t.id).toBeGreaterThan(0);
    }
  });
});
