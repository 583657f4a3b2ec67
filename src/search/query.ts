import Fuse from 'fuse.js';
import type { SearchIndexData } from './index-data';
import { searchKeys } from './index-data';
import { normalizeText, phoneDigits } from './normalize';

/** A ranked hit: lower score is better (0 = exact). */
export interface SearchHit {
  id: string;
  score: number;
}

/**
 * Turns a resident's words into the queries to run: the normalised text itself plus the
 * keywords of every synonym whose term appears in it (お金がない → お金, 生活困窮).
 */
export function expandQuery(query: string, synonyms: SearchIndexData['synonyms']): string[] {
  const q = normalizeText(query);
  if (!q) return [];
  const extra = synonyms.filter((s) => s.terms.some((t) => q.includes(t) || (q.length >= 2 && t.startsWith(q)))).flatMap((s) => s.keywords);
  return [...new Set([q, ...extra])];
}

/**
 * Creates a search function over a prebuilt index. The same code runs in the directory page
 * and in the benchmark, so measured timings are the residents' timings.
 */
export function createSearcher(data: SearchIndexData): (query: string) => SearchHit[] {
  const fuse = new Fuse(data.docs, {
    keys: searchKeys.map((k) => ({ ...k })),
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
    minMatchCharLength: 1,
  }, Fuse.parseIndex<SearchIndexData['docs'][number]>(data.fuseIndex));

  return (query) => {
    const best = new Map<string, number>();
    const keep = (id: string, score: number) => best.set(id, Math.min(best.get(id) ?? Infinity, score));

    // A phone number: match digits anywhere in a window's numbers.
    const digits = phoneDigits(query);
    if (digits.length >= 4 && digits.length >= normalizeText(query).replace(/\s/g, '').length - 3) {
      for (const d of data.docs) if (d.phones.some((p) => p.includes(digits))) keep(d.id, p0(d.phones, digits));
    }
    for (const q of expandQuery(query, data.synonyms)) {
      for (const r of fuse.search(q)) keep(r.item.id, r.score ?? 1);
    }
    return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => a.score - b.score);
  };
}

/** 0 for a whole-number match, a little more for a partial one. */
function p0(phones: string[], digits: string): number {
  return phones.includes(digits) ? 0 : 0.05;
}
