import type { SearchDoc } from './index-data';

/** Character bigrams of a normalised string (a single character is its own gram). */
export function grams(s: string): string[] {
  const t = s.replace(/\s+/g, '');
  if (t.length < 2) return t ? [t] : [];
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return [...out];
}

const fieldsOf = (d: SearchDoc) => [d.name, d.kana, ...d.keywords, d.summary];

/**
 * A bigram inverted index over every searchable field. For a large directory it narrows a query to
 * the documents that can contain it, so the fuzzy ranker (Fuse) only ever sees a small set.
 */
export function createCandidateIndex(docs: readonly SearchDoc[]) {
  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const seen = new Set(fieldsOf(d).flatMap(grams));
    for (const g of seen) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });

  /**
   * Score of an exact substring hit, on Fuse's scale (0 is best): names and keywords first, then the
   * reading, then the summary; a match covering more of a short field first.
   */
  const exactScore = (d: SearchDoc, q: string): number => {
    let best = Infinity;
    const weigh = (text: string, base: number) => {
      const at = text.indexOf(q);
      if (at >= 0) best = Math.min(best, base + 0.1 * (1 - q.length / text.length) + 0.01 * (at / text.length));
    };
    weigh(d.name, 0);
    for (const k of d.keywords) weigh(k, 0);
    weigh(d.kana, 0.05);
    weigh(d.summary, 0.3);
    return best;
  };

  // Shared-bigram counts for the near-spelling path, reused between queries: allocating or hashing
  // 20,000 entries per keystroke is what made the slowest queries slow at national scale.
  const shared = new Uint16Array(docs.length);

  return {
    /**
     * Up to `limit` documents for `q`: those containing it exactly, best first and already scored
     * (`exact`), or, when none do, those sharing the most bigrams with it (for typos and
     * near-spellings), left for the fuzzy ranker to score.
     */
    candidates(q: string, limit: number): { docs: number[]; exact?: number[] } {
      const gs = grams(q);
      if (!gs.length) return { docs: [] };
      const lists = gs.map((g) => postings.get(g) ?? []).sort((a, b) => a.length - b.length);
      if (lists[0]!.length) {
        // Intersect from the smallest list; postings are in ascending order, so the longer lists are
        // probed by binary search instead of being copied into sets.
        const rest = lists.slice(1);
        const hits = lists[0]!.filter((i) => rest.every((l) => contains(l, i)));
        const exact = hits.map((i) => [i, exactScore(docs[i]!, q)] as const).filter(([, s]) => s < Infinity);
        if (exact.length) {
          const best = exact.sort((a, b) => a[1] - b[1]).slice(0, limit);
          return { docs: best.map(([i]) => i), exact: best.map(([, score]) => score) };
        }
      }
      const touched: number[] = [];
      for (const l of lists) {
        for (const i of l) {
          if (shared[i] === 0) touched.push(i);
          shared[i]!++;
        }
      }
      const need = Math.max(1, Math.ceil(gs.length / 2));
      const found = touched.filter((i) => shared[i]! >= need).map((i) => [i, shared[i]!] as const);
      for (const i of touched) shared[i] = 0;
      return { docs: found.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([i]) => i) };
    },
  };
}

/** Whether the ascending list holds `value` (binary search). */
function contains(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
