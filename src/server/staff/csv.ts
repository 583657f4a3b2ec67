// CSV for Excel: UTF-8 with a BOM, CRLF, every cell quoted, and a leading = + - @ defused so a
// spreadsheet never runs a cell as a formula.
export const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? '' : String(v);
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

export const csvDocument = (rows: readonly (readonly unknown[])[]) => `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}
