// The planners' counts (地域課題の把握): inquiries by month and one of district, category or writer type,
// with small cells suppressed, the share that needed more than one window and the median time to the
// first response. Every figure shown or downloaded comes from here, so no view can show more.
import type { StatRecord } from '@/server/store/types';
import { suppress, type SuppressedTable } from './suppress';

export const countDimensions = ['area', 'category', 'writer'] as const;
export type CountDimension = (typeof countDimensions)[number];

/** The threshold (COUNTS_MIN_CELL, default 10, the MHLW 介護DB rule). */
export const minCell = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.COUNTS_MIN_CELL);
  return Number.isInteger(n) && n >= 2 ? n : 10;
};

export interface CountsView {
  rows: string[];
  months: string[];
  table: SuppressedTable;
  /** Per row: share (0–1) of inquiries that involved more than one window, null when a part is small. */
  multiWindowShare: (number | null)[];
  /** Per row: median minutes to the first staff action, null when the row is small. */
  medianFirstResponse: (number | null)[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2]! : Math.round((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

export function buildCounts(records: readonly StatRecord[], by: CountDimension, rowIds: readonly string[], threshold: number): CountsView {
  const keysOf = (r: StatRecord) => (by === 'area' ? [r.area] : by === 'writer' ? [r.writer] : r.categories);
  const months = [...new Set(records.map((r) => r.month))].sort();
  const rows = [...new Set([...rowIds, ...records.flatMap(keysOf)])];
  const matrix = rows.map(() => months.map(() => 0));
  const perRow = rows.map(() => [] as StatRecord[]);
  for (const rec of records)
    for (const k of keysOf(rec)) {
      const r = rows.indexOf(k);
      matrix[r]![months.indexOf(rec.month)]! += 1;
      perRow[r]!.push(rec);
    }
  const table = suppress(matrix, threshold);
  return {
    rows,
    months,
    table,
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
