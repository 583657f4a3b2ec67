import { describe, expect, it } from 'vitest';
import { buildSearchIndex, SMALL_DIRECTORY } from '@/search/index-data';
import { createSearcher } from '@/search/query';
import { syntheticWindows } from '../bench/synthetic';

// A national-scale directory takes the bigram-candidate path instead of ranking everything with Fuse.
const windows = syntheticWindows(3000);
const index = JSON.parse(JSON.stringify(buildSearchIndex(windows, [{ terms: ['かいご'], keywords: ['介護'] }])));
const search = createSearcher(index);

describe('search in a large directory', () => {
  it('is large enough to take the candidate path and ships no Fuse index', () => {
    expect(windows.length).toBeGreaterThan(SMALL_DIRECTORY);
    expect(index.fuseIndex).toBeUndefined();
  });
  it('puts an exact name first', () => {
    const target = windows[1234]!;
    expect(search(target.name)[0]?.id).toBe(target.id);
  });
  it('still expands everyday words (かいご → 介護)', () => {
    const top = search('かいご').slice(0, 5).map((h) => windows.find((w) => w.id === h.id)!);
    expect(top.length).toBe(5);
    for (const w of top) expect(w.keywords).toContain('介護');
  });
  it('finds a near spelling when nothing matches exactly', () => {
    expect(search('こどもかていせんた').length).toBeGreaterThan(0);
  });
  it('returns nothing for words no window is about', () => expect(search('宇宙旅行')).toEqual([]));
});
