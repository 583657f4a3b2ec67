// CSV for Excel: UTF-8 with a BOM, CRLF, every cell quoted. A cell is made safe for a spreadsheet:
// control characters (other than tab and line breaks) are dropped, and a cell that begins with a
// character a spreadsheet may read as a formula (= + - @, their full-width forms ＝ ＋ － ＠, the minus
// sign −, a tab or a carriage return) gets a leading ' so it stays text (OWASP CSV injection).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\u2212\t\r]/;

export const csvText = (v: unknown): string => {
  const s = (Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? '' : String(v)).replace(CONTROL, '');
  return FORMULA_START.test(s) ? `'${s}` : s;
};

export const csvCell = (v: unknown) => `"${csvText(v).replace(/"/g, '""')}"`;

export const csvDocument = (rows: readonly (readonly unknown[])[]) => `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}
