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

  /** Cheap score for exact substring hits: names and keywords first, short fields first. */
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

  return {
    /**
     * Up to `limit` documents for `q`: those containing it exactly (best first), or, when none do,
     * those sharing the most bigrams with it (for typos and near-spellings).
     */
    candidates(q: string, limit: number): number[] {
      const gs = grams(q);
      if (!gs.length) return [];
      const lists = gs.map((g) => postings.get(g) ?? []).sort((a, b) => a.length - b.length);
      if (lists[0]!.length) {
        // Intersect, smallest list first, then keep only real substring hits.
        let hits = lists[0]!;
        for (const l of lists.slice(1)) {
          const set = new Set(l);
          hits = hits.filter((i) => set.has(i));
          if (!hits.length) break;
        }
        const exact = hits.map((i) => [i, exactScore(docs[i]!, q)] as const).filter(([, s]) => s < Infinity);
        if (exact.length) return exact.sort((a, b) => a[1] - b[1]).slice(0, limit).map(([i]) => i);
      }
      const shared = new Map<number, number>();
      for (const l of lists) for (const i of l) shared.set(i, (shared.get(i) ?? 0) + 1);
      const need = Math.max(1, Math.ceil(gs.length / 2));
      return [...shared].filter(([, n]) => n >= need).sort((a, b) => b[1] - a[1]).slice(0, limit).map(([i]) => i);
    },
  };
}
