// The directory as open data (/opendata/madoguchi.csv and .json). Pure: the pages pass in content.
// Columns follow the 自治体標準オープンデータセット「公共施設一覧」 where a column fits (名称, 名称_カナ,
// 住所, 電話番号, FAX番号, 利用可能曜日, 開始時間, 終了時間, URL …); the portal's own facts (分野,
// 対象地域, 確認日, 出典) follow them. A fact no source gives is an empty cell, never a guess.
import type { ConsultationWindow } from '@/schemas/window';
import type { CitedSource } from './collections';

/** The CSV header, in column order: the one field list the CSV, its test and the JSON's `columns` share. */
export const openDataColumns = [
  'ID',
  '地方公共団体名',
  '名称',
  '名称_カナ',
  '郵便番号',
  '住所',
  '電話番号',
  'FAX番号',
  'メールアドレス',
  '利用可能曜日',
  '開始時間',
  '終了時間',
  '利用可能日時特記事項',
  '説明',
  'バリアフリー情報',
  '対応言語',
  'URL',
  '分野',
  '対象地域',
  '確認日',
  '出典',
  '出典URL',
  'ライセンス',
] as const;
export type OpenDataColumn = (typeof openDataColumns)[number];
export type OpenDataRow = Record<OpenDataColumn, string>;

/** Several values in one cell (two phone numbers, two time slots) are separated by this. */
export const cellSeparator = ';';

const weekdayJa: Record<string, string> = { mon: '月', tue: '火', wed: '水', thu: '木', fri: '金', sat: '土', sun: '日' };
const fieldJa: Record<string, string> = { elderly: '高齢', disability: '障害', children: '子ども', poverty: '生活困窮', coordination: '分野を問わない' };

/** 名称_カナ is katakana in the standard; content keeps hiragana readings. */
export const toKatakana = (hiragana: string) => hiragana.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

export interface OpenDataInput {
  windows: ConsultationWindow[];
  /** District id → name, for 対象地域. */
  areaNames: Record<string, string>;
  /** Source id → the source as cited on pages. */
  sources: Record<string, CitedSource>;
  municipality: string;
  /** The public address of the site, e.g. https://soudan.example.lg.jp/ */
  siteUrl: string;
  licence: { name: string; url?: string } | null;
}

/** What the data says when the profile names no licence: plainly, never a guessed one. */
export const licenceNotStated = '利用条件は出典に記載がなく、未定です';
export const licenceText = (licence: OpenDataInput['licence']) => (licence ? (licence.url ? `${licence.name} (${licence.url})` : licence.name) : licenceNotStated);

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const windowUrl = (siteUrl: string, id: string) => new URL(`/madoguchi/${id}/`, siteUrl).href;

/** One row per window, in display order. */
export function openDataRows(input: OpenDataInput): OpenDataRow[] {
  const join = (xs: readonly string[]) => xs.join(cellSeparator);
  return [...input.windows]
    .sort((a, b) => a.order - b.order)
    .map((w) => {
      const numbers = (type: 'phone' | 'fax') => w.channels.flatMap((c) => (c.type === type ? [c.number] : []));
      const emails = w.channels.flatMap((c) => (c.type === 'email' && c.address ? [c.address] : []));
      const cited = w.source.documents.map((id) => input.sources[id]).filter((s): s is CitedSource => !!s);
      return {
        ID: w.id,
        地方公共団体名: input.municipality,
        名称: w.name,
        名称_カナ: toKatakana(w.nameKana),
        郵便番号: w.address?.postalCode ?? '',
        住所: w.address?.text ?? '',
        電話番号: join(numbers('phone')),
        FAX番号: join(numbers('fax')),
        メールアドレス: join(emails),
        利用可能曜日: join(w.hours.weekly.map((s) => s.days.map((d) => weekdayJa[d]).join(''))),
        開始時間: join(w.hours.weekly.map((s) => s.opens)),
        終了時間: join(w.hours.weekly.map((s) => s.closes)),
        利用可能日時特記事項: [w.hours.closed.length ? `休み: ${w.hours.closed.join('、')}` : '', w.hours.note ?? ''].filter(Boolean).join(' '),
        説明: w.summary,
        バリアフリー情報: w.accessibility ?? '',
        対応言語: join(w.languages),
        URL: windowUrl(input.siteUrl, w.id),
        分野: join(w.fields.map((f) => fieldJa[f] ?? f)),
        対象地域: w.serviceArea === 'citywide' ? `${input.municipality}全域` : join(w.serviceArea.map((id) => input.areaNames[id] ?? id)),
        確認日: isoDate(w.source.verified),
        出典: join(cited.map((s) => (s.publisher ? `${s.publisher}「${s.title}」` : s.title))),
        出典URL: join(cited.flatMap((s) => (s.url ? [s.url] : []))),
        ライセンス: licenceText(input.licence),
      };
    });
}

/** RFC 4180 CSV: CRLF lines, every cell quoted, with a UTF-8 BOM so spreadsheet programs keep the Japanese. */
export function toCsv(rows: OpenDataRow[]): string {
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [openDataColumns.map(cell).join(','), ...rows.map((r) => openDataColumns.map((c) => cell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Parses what toCsv writes (quoted cells, CRLF, BOM): the test reads the built file back with it. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && src[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** The JSON: the same rows, with the window's structured facts and where they came from. */
export function openDataJson(input: OpenDataInput) {
  const rows = openDataRows(input);
  return {
    title: `${input.municipality} 相談窓口一覧`,
    municipality: input.municipality,
    licence: input.licence,
    licenceNote: input.licence ? undefined : licenceNotStated,
    columns: openDataColumns,
    windows: [...input.windows]
      .sort((a, b) => a.order - b.order)
      .map((w, i) => ({
        id: w.id,
        row: rows[i],
        fields: w.fields,
        serviceArea: w.serviceArea,
        channels: w.channels.filter((c) => c.type === 'phone' || c.type === 'fax' || (c.type === 'email' && c.address)),
        hours: w.hours,
        verified: isoDate(w.source.verified),
        sources: w.source.documents.map((id) => input.sources[id]).filter(Boolean),
      })),
  };
}
