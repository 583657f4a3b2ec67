// The planners' counts (地域課題の把握): inquiries and 連絡票s by month and one of district, category or
// writer type, with small cells suppressed (suppress.ts: one mark, complements checked by an interval
// audit), the share that needed more than one window and the median time to the first response. Every
// figure shown or downloaded comes from here, so no view can show more.
import type { StatRecord } from '@/server/store/types';
import { HIDDEN, suppressColumn, type ColumnKnowledge, type ShownCount } from './suppress';

export const countDimensions = ['area', 'category', 'writer'] as const;
export type CountDimension = (typeof countDimensions)[number];

/** The threshold (COUNTS_MIN_CELL, default 10, the MHLW 介護DB rule). */
export const minCell = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.COUNTS_MIN_CELL);
  return Number.isInteger(n) && n >= 2 ? n : 10;
};

export interface CountsView {
  rows: string[];
  /** Months that are over (YYYY-MM, JST): the month under way is not shown until it ends. */
  months: string[];
  /** cells[row][month] */
  cells: ShownCount[][];
  /** Per month: the column's total (for categories, the number of mentions). */
  monthTotals: ShownCount[];
  /** Per row: share (0–1) of inquiries that involved more than one window, null when a part is small. */
  multiWindowShare: (number | null)[];
  /** Per row: median minutes to the first staff action, null when the row is small. */
  medianFirstResponse: (number | null)[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2]! : Math.round((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

const keysOf = (r: StatRecord, by: CountDimension) => (by === 'area' ? [r.area] : by === 'writer' ? [r.writer] : r.categories);
/** The JST month (YYYY-MM) of a moment. */
export const jstMonth = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);

function countBy(records: readonly StatRecord[], by: CountDimension, rows: readonly string[]): number[] {
  const out = rows.map(() => 0);
  for (const rec of records) for (const k of keysOf(rec, by)) out[rows.indexOf(k)]! += 1;
  return out;
}

/**
 * One month's published column for `by`. The district and writer tables share the month's number of
 * inquiries: it is hidden in both when either needs it hidden. The category table's cells are each at most
 * that number and add up to at least it, which the audit counts as known.
 */
export function monthColumn(records: readonly StatRecord[], by: CountDimension, rows: readonly string[], threshold: number) {
  const n = records.length;
  const partitions = (['area', 'writer'] as const).map((d) => {
    const ids = [...new Set(records.flatMap((r) => keysOf(r, d)))];
    return { d, ids, counts: countBy(records, d, ids) };
  });
  let hideN = n > 0 && n < threshold;
  if (!hideN) hideN = partitions.some((p) => suppressColumn(p.counts, threshold).total === HIDDEN);
  if (by !== 'category') return suppressColumn(countBy(records, by, rows), threshold, { hideTotal: hideN });
  const everyOneHasACategory = records.every((r) => r.categories.length > 0);
  const known: ColumnKnowledge = hideN ? {} : { cap: n, ...(everyOneHasACategory ? { atLeast: n } : {}) };
  return suppressColumn(countBy(records, 'category', rows), threshold, { known });
}

export function buildCounts(records: readonly StatRecord[], by: CountDimension, rowIds: readonly string[], threshold: number, now = new Date()): CountsView {
  const current = jstMonth(now);
  const complete = records.filter((r) => r.month < current);
  const months = [...new Set(complete.map((r) => r.month))].sort();
  const rows = [...new Set([...rowIds, ...complete.flatMap((r) => keysOf(r, by))])];
  const columns = months.map((m) => monthColumn(complete.filter((r) => r.month === m), by, rows, threshold));
  const perRow = rows.map((id) => complete.filter((r) => keysOf(r, by).includes(id)));
  return {
    rows,
    months,
    cells: rows.map((_, r) => columns.map((c) => c.cells[r]!)),
    monthTotals: columns.map((c) => c.total),
    multiWindowShare: perRow.map((recs) => {
      const multi = recs.filter((r) => r.windowCount > 1).length;
      // A share would give away a small count of either part, so both must reach the threshold.
      return multi >= threshold && recs.length - multi >= threshold ? multi / recs.length : null;
    }),
    medianFirstResponse: perRow.map((recs) => {
      const times = recs.map((r) => r.firstResponseMinutes).filter((m): m is number => m !== null);
      return times.length >= threshold ? median(times) : null;
    }),
  };
}
