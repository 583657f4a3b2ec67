import { describe, expect, it } from 'vitest';
import { createSearcher } from '@/search/query';
import { syntheticWindows } from '../bench/synthetic';
import { searchIndexFor } from '../support/search-index';

// A national-scale directory: the same search over 3,000 synthetic windows.
const windows = syntheticWindows(3000);
const search = createSearcher(searchIndexFor(windows));
const ids = (q: string) => search(q).hits.map((h) => h.id);

describe('search in a large directory', () => {
  it('puts an exact name first', () => {
    const target = windows[1234]!;
    expect(ids(target.name)[0]).toBe(target.id);
  });
  it('leads an everyday word through its trouble to the windows of its field (かいご → 高齢)', () => {
    const top = ids('かいご').slice(0, 5).map((id) => windows.find((w) => w.id === id)!);
    expect(top.length).toBe(5);
    for (const w of top) expect(w.fields).toContain('elderly');
  });
  it('keeps an answer to at most 200 windows, best first', () => expect(ids('介護').length).toBeLessThanOrEqual(200));
  it('finds a near spelling when nothing matches exactly', () => expect(ids('こどもかていせんた').length).toBeGreaterThan(0));
  it('returns nothing for words no window is about', () => expect(ids('宇宙旅行')).toEqual([]));
});
