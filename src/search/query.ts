import Fuse from 'fuse.js';
import type { SearchDoc, SearchIndexData } from './index-data';
import { SMALL_DIRECTORY, searchKeys } from './index-data';
import { createCandidateIndex } from './candidates';
import { normalizeText, phoneDigits } from './normalize';
import { searchHotlineTopics, type SearchHotlineTopic } from '@/schemas/search-topics';

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
  return [...new Set([q, ...matchingSynonyms(q, synonyms).flatMap((s) => s.keywords)])];
}

/**
 * The hotline topics a resident's words point to (ＤＶ, 殴られる → violence), in the order the
 * topics are declared. The directory shows those verified numbers beside any window it finds.
 */
export function hotlineTopicsFor(query: string, synonyms: SearchIndexData['synonyms']): SearchHotlineTopic[] {
  const q = normalizeText(query);
  if (!q) return [];
  const found = new Set(matchingSynonyms(q, synonyms).flatMap((s) => s.hotlines));
  return searchHotlineTopics.filter((t) => found.has(t));
}

/** Synonyms one of whose terms the normalised query contains (or, from two characters, begins). */
function matchingSynonyms(q: string, synonyms: SearchIndexData['synonyms']): SearchIndexData['synonyms'] {
  return synonyms.filter((s) => s.terms.some((t) => q.includes(t) || (q.length >= 2 && t.startsWith(q))));
}

/** For larger directories, Fuse ranks at most this many candidates per query. */
const CANDIDATES = 60;

const fuseOptions = { keys: searchKeys.map((k) => ({ ...k })), includeScore: true, ignoreLocation: true, threshold: 0.3, minMatchCharLength: 1 };

/**
 * Creates a search function over a prebuilt index. The same code runs in the directory page
 * and in the benchmark, so measured timings are the residents' timings. A municipality's
 * directory is small and Fuse ranks all of it; a national-scale one is first narrowed by a bigram
 * index (src/search/candidates.ts), which also scores exact hits, so Fuse only ranks near-spellings
 * and a keystroke stays within a frame even at 20,000 windows.
 */
export function createSearcher(data: SearchIndexData): (query: string) => SearchHit[] {
  const small = data.docs.length <= SMALL_DIRECTORY;
  const whole = small ? new Fuse(data.docs, fuseOptions, data.fuseIndex ? Fuse.parseIndex<SearchIndexData['docs'][number]>(data.fuseIndex) : undefined) : undefined;
  const index = small ? undefined : createCandidateIndex(data.docs);
  const rank = (q: string): { item: SearchDoc; score?: number }[] => {
    if (whole) return whole.search(q);
    const found = index!.candidates(q, CANDIDATES);
    const subset = found.docs.map((i) => data.docs[i]!);
    // Exact hits are already scored; Fuse (a fresh index per query) is only worth it for near-spellings.
    if (found.exact) return subset.map((item, k) => ({ item, score: found.exact![k] }));
    return subset.length ? new Fuse(subset, fuseOptions).search(q) : [];
  };

  return (query) => {
    const best = new Map<string, number>();
    const keep = (id: string, score: number) => best.set(id, Math.min(best.get(id) ?? Infinity, score));

    // A phone number: match digits anywhere in a window's numbers.
    const digits = phoneDigits(query);
    if (digits.length >= 4 && digits.length >= normalizeText(query).replace(/\s/g, '').length - 3) {
      for (const d of data.docs) if (d.phones.some((p) => p.includes(digits))) keep(d.id, p0(d.phones, digits));
    }
    for (const q of expandQuery(query, data.synonyms)) {
      for (const r of rank(q)) keep(r.item.id, r.score ?? 1);
    }
    return [...best].map(([id, score]) => ({ id, score })).sort((a, b) => a.score - b.score);
  };
}

/** 0 for a whole-number match, a little more for a partial one. */
function p0(phones: string[], digits: string): number {
  return phones.includes(digits) ? 0 : 0.05;
}
