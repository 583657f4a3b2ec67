// Planners' counts (issue 25): no published figure, in any table of any month, lets a reader narrow a
// hidden count to fewer than `threshold` possible values. Random months of records (small cells, rows of
// zero, 連絡票s), every view a planner has (district, writer type, category; their totals; the number of
// inquiries the district and writer tables share), audited as the reader would: from the published
// figures only.
import { describe, expect, it } from 'vitest';
import { buildCounts, countDimensions, type CountDimension } from '@/server/staff/counts';
import { feasibleIntervals, HIDDEN, intervalSize, suppressColumn, type ColumnKnowledge, type PublishedColumn } from '@/server/staff/suppress';
import type { StatRecord } from '@/server/store/types';

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const AREAS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const WRITERS = ['self', 'family', 'neighbour', 'supporter', 'agency'];
const CATEGORIES = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
const ROWS: Record<CountDimension, string[]> = { area: AREAS, writer: WRITERS, category: CATEGORIES };

/** Records of one month: a few large groups, one to three small ones, some groups empty. */
function month(rand: () => number, name: string): StatRecord[] {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const areaSizes = AREAS.map(() => (rand() < 0.25 ? 0 : Math.floor(rand() * 30)));
  const smalls = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < smalls; k++) areaSizes[Math.floor(rand() * AREAS.length)] = 1 + Math.floor(rand() * 9);
  const out: StatRecord[] = [];
  areaSizes.forEach((n, a) => {
    for (let i = 0; i < n; i++) {
      const writer = rand() < 0.15 ? 'agency' : pick(WRITERS.slice(0, rand() < 0.3 ? 2 : 4));
      const cats = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(rand() < 0.5 ? CATEGORIES.slice(0, 3) : CATEGORIES)))];
      out.push({ month: name, area: AREAS[a]!, writer, categories: cats, windowCount: 1 + Math.floor(rand() * 2), firstResponseMinutes: null });
    }
  });
  return out;
}

/** The integer points of a column's constraints, counted by brute force (small columns only). */
function bruteIntervals(col: PublishedColumn, known: ColumnKnowledge, limit: number): ([number, number] | null)[] {
  const hidden = col.cells.flatMap((v, i) => (v === HIDDEN ? [i] : []));
  const shown = col.cells.reduce<number>((s, v) => s + (v === HIDDEN ? 0 : v), 0);
  const lo = hidden.map(() => Infinity);
  const hi = hidden.map(() => -Infinity);
  const x = hidden.map(() => 1);
  const walk = (k: number) => {
    if (k === hidden.length) {
      const sum = x.reduce((a, b) => a + b, 0);
      if (col.total !== HIDDEN && sum !== col.total - shown) return;
      if (known.atLeast !== undefined && sum < known.atLeast - shown) return;
      x.forEach((v, i) => ((lo[i] = Math.min(lo[i]!, v)), (hi[i] = Math.max(hi[i]!, v))));
      return;
    }
    for (let v = 1; v <= Math.min(limit, known.cap ?? limit); v++) ((x[k] = v), walk(k + 1));
  };
  walk(0);
  const out: ([number, number] | null)[] = col.cells.map(() => null);
  hidden.forEach((c, i) => (out[c] = [lo[i]!, hi[i]!]));
  return out;
}

describe('the interval audit (Fourier–Motzkin)', () => {
  it('finds the same intervals as counting every integer solution, on 2,000 small columns', () => {
    const rand = rng(7);
    for (let t = 0; t < 2000; t++) {
      const k = 1 + Math.floor(rand() * 3);
      const counts = Array.from({ length: k + Math.floor(rand() * 3) }, () => (rand() < 0.2 ? 0 : 1 + Math.floor(rand() * 12)));
      const cells = counts.map((v, i) => (i < k && v > 0 ? HIDDEN : v));
      if (!cells.includes(HIDDEN)) continue;
      const total = rand() < 0.8 ? counts.reduce((a, b) => a + b, 0) : HIDDEN;
      const n = Math.max(...counts);
      const known: ColumnKnowledge = rand() < 0.5 ? {} : { cap: n + Math.floor(rand() * 3), ...(rand() < 0.5 ? { atLeast: n } : {}) };
      const limit = 40;
      const brute = bruteIntervals({ cells, total }, known, limit);
      const fm = feasibleIntervals({ cells, total }, known).map((iv) => iv && ([iv[0], Math.min(iv[1], limit)] as [number, number]));
      expect(fm, JSON.stringify({ counts, cells, total, known })).toEqual(brute);
    }
  });
});

describe('the example in issue 25: 1, 10, 14 and 17 inquiries in four districts', () => {
  it('hides the 1 and the 10 under the same mark, and each could be anything from 1 to 10', () => {
    const col = suppressColumn([1, 10, 14, 17], 10);
    expect(col.cells).toEqual([HIDDEN, HIDDEN, 14, 17]);
    expect(col.total).toBe(42);
    expect(feasibleIntervals(col)).toEqual([[1, 10], [1, 10], null, null]);
  });
  it('never narrows a true 3 to a few values, whatever the other districts hold', () => {
    for (let other = 10; other <= 40; other++) {
      const col = suppressColumn([3, other, 14, 17], 10);
      for (const iv of feasibleIntervals(col)) if (iv) expect(intervalSize(iv)).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('every published view of 10,000 generated tables', () => {
  it('leaves every hidden count at least threshold values wide, and shows no count from 1 to threshold − 1', () => {
    const rand = rng(2025);
    let tables = 0;
    let hiddenCells = 0;
    const now = new Date('2026-04-15T00:00:00Z');
    for (let t = 0; tables < 10_000; t++) {
      const threshold = rand() < 0.8 ? 10 : 5 + Math.floor(rand() * 16);
      const months = ['2026-01', '2026-02', '2026-03'].slice(0, 1 + Math.floor(rand() * 3));
      // The month under way is in the records, and must not be shown.
      const records = [...months.flatMap((m) => month(rand, m)), ...month(rand, '2026-04')];
      const views = Object.fromEntries(countDimensions.map((by) => [by, buildCounts(records, by, ROWS[by], threshold, now)]));
      for (const by of countDimensions) expect(views[by]!.months).not.toContain('2026-04');
      for (const [m, name] of views.area!.months.entries()) {
        const n = records.filter((r) => r.month === name).length;
        const column = (by: CountDimension): PublishedColumn => ({ cells: views[by]!.cells.map((row) => row[m]!), total: views[by]!.monthTotals[m]! });
        const [area, writer, category] = [column('area'), column('writer'), column('category')];
        // The district and writer tables show the same number of inquiries, or both hide it.
        expect(area.total).toEqual(writer.total);
        // What the reader knows of the month: that number, if shown, bounds each category and their sum.
        const nShown = area.total === HIDDEN ? undefined : area.total;
        if (nShown !== undefined) expect(nShown).toBe(n);
        const catKnown: ColumnKnowledge = nShown === undefined ? {} : { cap: nShown, atLeast: nShown };
        for (const [col, known] of [[area, {}], [writer, {}], [category, catKnown]] as const) {
          tables++;
          for (const v of [...col.cells, col.total]) if (typeof v === 'number') expect(v === 0 || v >= threshold, JSON.stringify(col)).toBe(true);
          for (const iv of feasibleIntervals(col, known)) {
            if (!iv) continue;
            hiddenCells++;
            expect(intervalSize(iv), JSON.stringify({ threshold, col, known })).toBeGreaterThanOrEqual(threshold);
          }
        }
      }
    }
    expect(tables).toBeGreaterThanOrEqual(10_000);
    expect(hiddenCells).toBeGreaterThan(10_000);
  }, 120_000);
});
