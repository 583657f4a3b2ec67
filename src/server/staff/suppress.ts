// Small-cell suppression for the planners' counts, checked by an interval audit.
//
// What a planner can see of one month: for each grouping (district, writer type, category) one column of
// counts and its total. A month appears only once it is over, and no figure adds months together, so a
// month's figures are a function of that month's records alone: reading the page again next month, or
// another grouping of the same month, gives no equation that the audit below does not already hold.
//
// Rule: a count from 1 to threshold − 1 is hidden (primary). Then complements are chosen, smallest first,
// until an AUDIT of what a reader can work out passes: for every hidden cell, its feasible interval under
// every published figure of that month (the column's total, the month's number of inquiries shared by the
// district and writer tables, each category count ≤ that number, their sum ≥ it, every hidden cell ≥ 1
// because zeros are shown) must hold at least `threshold` values, so a reader cannot even tell whether the
// hidden count is under the threshold. If hiding every cell is not enough, the total is hidden too (the
// month's number of inquiries then in every table). The interval is computed by Fourier–Motzkin elimination
// of the linear constraints (exact here: the constraint matrix is totally unimodular, so the LP bounds are
// integers). Hidden cells carry ONE mark, whether primary or complement.

export const HIDDEN = 'hidden' as const;
export type ShownCount = number | typeof HIDDEN;

/** One published column: counts per row (or HIDDEN) and its total (or HIDDEN). */
export interface PublishedColumn {
  cells: ShownCount[];
  total: ShownCount;
}

/** What else a reader knows about a column (from the other tables of the same month). */
export interface ColumnKnowledge {
  /** Every cell is at most this (a category count ≤ the month's number of inquiries). */
  cap?: number;
  /** The cells add up to at least this (each inquiry has at least one category). */
  atLeast?: number;
}

// ---- The audit: Fourier–Motzkin elimination -----------------------------------------------------
/** Σ a_i·x_i ≤ b, integer coefficients. */
type Inequality = { a: number[]; b: number };

const gcd = (x: number, y: number): number => (y === 0 ? Math.abs(x) : gcd(y, x % y));
function normalise(c: Inequality): Inequality {
  const g = c.a.reduce((acc, v) => gcd(acc, v), 0);
  return g > 1 ? { a: c.a.map((v) => v / g), b: Math.floor(c.b / g) } : c;
}

/** Eliminates variable j: every pair of a positive and a negative coefficient gives one inequality without it. */
function eliminate(cs: Inequality[], j: number): Inequality[] {
  const pos = cs.filter((c) => c.a[j]! > 0);
  const neg = cs.filter((c) => c.a[j]! < 0);
  const out = cs.filter((c) => c.a[j] === 0);
  for (const p of pos)
    for (const n of neg) {
      const [mp, mn] = [-n.a[j]!, p.a[j]!];
      out.push(normalise({ a: p.a.map((v, i) => v * mp + n.a[i]! * mn), b: p.b * mp + n.b * mn }));
    }
  // Keep the tightest bound per coefficient vector; drop what no longer names a variable (checked feasible).
  const best = new Map<string, Inequality>();
  for (const c of out) {
    if (c.a.every((v) => v === 0)) continue;
    const key = c.a.join(',');
    const seen = best.get(key);
    if (!seen || c.b < seen.b) best.set(key, c);
  }
  return [...best.values()];
}

/**
 * The feasible interval [lo, hi] of each hidden cell of a column, as a reader can work it out from what
 * is published (hi may be Infinity). Cells that are shown get null.
 */
export function feasibleIntervals(column: PublishedColumn, known: ColumnKnowledge = {}): ([number, number] | null)[] {
  const hiddenAt = column.cells.flatMap((v, i) => (v === HIDDEN ? [i] : []));
  const n = hiddenAt.length;
  const shownSum = column.cells.reduce<number>((s, v) => s + (v === HIDDEN ? 0 : v), 0);
  const unit = (i: number, sign: number) => Array.from({ length: n }, (_, k) => (k === i ? sign : 0));
  const all = (sign: number) => Array.from({ length: n }, () => sign);
  const cs: Inequality[] = [];
  for (let i = 0; i < n; i++) {
    cs.push({ a: unit(i, -1), b: -1 }); // a hidden count is not 0: zeros are shown
    if (known.cap !== undefined) cs.push({ a: unit(i, 1), b: known.cap });
  }
  if (column.total !== HIDDEN) {
    cs.push({ a: all(1), b: column.total - shownSum }, { a: all(-1), b: -(column.total - shownSum) });
  }
  if (known.atLeast !== undefined) cs.push({ a: all(-1), b: -(known.atLeast - shownSum) });
  const result: ([number, number] | null)[] = column.cells.map(() => null);
  hiddenAt.forEach((cell, i) => {
    let left = cs;
    for (let j = 0; j < n; j++) if (j !== i) left = eliminate(left, j);
    let [lo, hi] = [-Infinity, Infinity];
    for (const c of left) {
      const a = c.a[i]!;
      if (a > 0) hi = Math.min(hi, Math.floor(c.b / a));
      if (a < 0) lo = Math.max(lo, Math.ceil(c.b / a));
    }
    result[cell] = [lo, hi];
  });
  return result;
}

/** How many values an interval holds. */
export const intervalSize = ([lo, hi]: [number, number]) => hi - lo + 1;

/** Whether no hidden cell of the column can be narrowed to fewer than `threshold` values. */
export const protects = (column: PublishedColumn, threshold: number, known: ColumnKnowledge = {}) =>
  feasibleIntervals(column, known).every((iv) => iv === null || intervalSize(iv) >= threshold);

// ---- Choosing what to hide --------------------------------------------------------------------
/**
 * One column (the counts of one month by one grouping) as published: small counts hidden, then
 * complements (the smallest shown non-zero count first) until the audit passes; failing that, the total.
 * `hideTotal` forces the total hidden (when another table of the month had to hide the same number).
 */
export function suppressColumn(counts: readonly number[], threshold: number, opts: { hideTotal?: boolean; known?: ColumnKnowledge } = {}): PublishedColumn & { totalHiddenByAudit: boolean } {
  const total = counts.reduce((a, b) => a + b, 0);
  const hidden = counts.map((v) => v > 0 && v < threshold);
  let hideTotal = Boolean(opts.hideTotal) || (total > 0 && total < threshold);
  const publish = (): PublishedColumn => ({ cells: counts.map((v, i) => (hidden[i] ? HIDDEN : v)), total: hideTotal ? HIDDEN : total });
  for (;;) {
    const column = publish();
    if (protects(column, threshold, opts.known)) return { ...column, totalHiddenByAudit: hideTotal && !opts.hideTotal && !(total < threshold) };
    const next = counts.map((v, i) => [v, i] as const).filter(([v, i]) => v > 0 && !hidden[i]).sort((a, b) => a[0] - b[0])[0];
    if (next) hidden[next[1]] = true;
    else if (!hideTotal) hideTotal = true;
    else return { ...column, totalHiddenByAudit: false }; // cannot happen: with everything hidden no cell is bounded below the threshold
  }
}
