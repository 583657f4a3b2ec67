// Small-cell suppression for the planners' counts (MHLW 介護DB rule; UK practice): a count from 1 to
// threshold − 1 is not shown, and wherever a row or column (with its total) would then have exactly one
// hidden value, which the total would give away, a second value is hidden too, repeated until none does.

/** 'small': under the threshold (「10未満」); 'hidden': at or over it, hidden so a total cannot give a small one away. */
export type ShownCount = number | 'small' | 'hidden';
export interface SuppressedTable {
  cells: ShownCount[][];
  rowTotals: ShownCount[];
  colTotals: ShownCount[];
  total: ShownCount;
}

export function suppress(matrix: readonly (readonly number[])[], threshold: number): SuppressedTable {
  const R = matrix.length;
  const C = matrix[0]?.length ?? 0;
  // The grid with its margins: row R holds the column totals, column C the row totals.
  const grid = matrix.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  grid.push(Array.from({ length: C + 1 }, (_, c) => grid.reduce((a, row) => a + row[c]!, 0)));
  const hidden: (false | 'small' | 'hidden')[][] = grid.map((row) => row.map((v) => (v > 0 && v < threshold ? 'small' : false)));
  const lines: [number, number][][] = [
    ...Array.from({ length: R + 1 }, (_, r) => Array.from({ length: C + 1 }, (_, c) => [r, c] as [number, number])),
    ...Array.from({ length: C + 1 }, (_, c) => Array.from({ length: R + 1 }, (_, r) => [r, c] as [number, number])),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, c]) => hidden[r]![c]).length !== 1) continue;
      // Hide the smallest shown non-zero value, a body cell before a total.
      const candidates = line.filter(([r, c]) => !hidden[r]![c] && grid[r]![c]! > 0);
      const isMargin = ([r, c]: [number, number]) => r === R || c === C;
      candidates.sort((a, b) => Number(isMargin(a)) - Number(isMargin(b)) || grid[a[0]]![a[1]]! - grid[b[0]]![b[1]]!);
      const pick = candidates[0];
      if (!pick) continue;
      hidden[pick[0]]![pick[1]] = 'hidden';
      changed = true;
    }
  }
  const shown = (r: number, c: number): ShownCount => hidden[r]![c] || grid[r]![c]!;
  return {
    cells: Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => shown(r, c))),
    rowTotals: Array.from({ length: R }, (_, r) => shown(r, C)),
    colTotals: Array.from({ length: C }, (_, c) => shown(R, c)),
    total: shown(R, C),
  };
}

/** Lines (rows and columns with their totals) where exactly one value is hidden: must be none. */
export function revealingLines(t: SuppressedTable): number {
  const rows = t.cells.map((row, r) => [...row, t.rowTotals[r]]);
  rows.push([...t.colTotals, t.total]);
  const cols = rows[0]!.map((_, c) => rows.map((row) => row[c]));
  return [...rows, ...cols].filter((line) => line.filter((v) => typeof v !== 'number').length === 1).length;
}
