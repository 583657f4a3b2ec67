import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellSeparator, licenceNotStated, openDataColumns, parseCsv, toCsv } from '@/lib/opendata';
import { contentPath } from '@/lib/profile';
import { openDataRowSchema } from '@/schemas/opendata';
import { siteSchema } from '@/schemas/site';
import { windowSchema } from '@/schemas/window';
import { readYaml, windowFiles } from '../support/content';
import { distClient } from '../support/dist-weight';

/** The selected profile's build (npm test builds first): what a city's IT department downloads. */
const csvPath = join(distClient, 'opendata', 'madoguchi.csv');
const jsonPath = join(distClient, 'opendata', 'madoguchi.json');
const windows = windowFiles().map(({ id, raw }) => ({ id, ...windowSchema.parse(raw) }));
const site = siteSchema.parse(readYaml(contentPath('site.yaml')));

describe('CSV writing and reading', () => {
  it('round-trips quotes, commas, line breaks and Japanese', () => {
    const row = Object.fromEntries(openDataColumns.map((c, i) => [c, i % 3 === 0 ? `"引用", 改行\r\nあり ${i}` : i % 3 === 1 ? '' : `香取市${i}`])) as never;
    const text = toCsv([row, row]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...openDataColumns]);
    expect(rows).toEqual([openDataColumns.map((c) => (row as Record<string, string>)[c]), openDataColumns.map((c) => (row as Record<string, string>)[c])]);
  });
});

describe('/opendata/madoguchi.csv as built', () => {
  const bytes = existsSync(csvPath) ? readFileSync(csvPath) : Buffer.alloc(0);
  const [header, ...rows] = parseCsv(bytes.toString('utf8'));
  const records = rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]])));

  it('starts with the UTF-8 byte order mark, so a spreadsheet keeps the Japanese', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('名称');
  });
  it('has the 公共施設一覧 columns in Japanese, and every row the same number of cells', () => {
    for (const c of ['名称', '名称_カナ', '住所', '電話番号', 'FAX番号', '利用可能曜日', '開始時間', '終了時間', 'URL']) expect(header).toContain(c);
    expect(header).toEqual([...openDataColumns]);
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });
  it('has one row per window, each passing the row schema and giving the facts content holds', () => {
    expect(records).toHaveLength(windows.length);
    for (const w of windows) {
      const r = records.find((x) => x.ID === w.id);
      expect(r, w.id).toBeDefined();
      const row = openDataRowSchema.parse(r);
      expect(row.名称).toBe(w.name);
      expect(row.電話番号.split(cellSeparator).filter(Boolean)).toEqual(w.channels.flatMap((c) => (c.type === 'phone' ? [c.number] : [])));
      expect(row.FAX番号.split(cellSeparator).filter(Boolean)).toEqual(w.channels.flatMap((c) => (c.type === 'fax' ? [c.number] : [])));
      expect(row.住所).toBe(w.address?.text ?? '');
      expect(row.確認日).toBe(w.source.verified.toISOString().slice(0, 10));
      expect(row.開始時間.split(cellSeparator).filter(Boolean)).toEqual(w.hours.weekly.map((s) => s.opens));
      expect(new URL(row.URL).pathname).toBe(`/madoguchi/${w.id}/`);
    }
  });
  it("names the profile's licence, or says plainly that none is stated", () => {
    const expected = site.openDataLicence ? site.openDataLicence.name : licenceNotStated;
    for (const r of records) expect(r.ライセンス).toContain(expected);
  });
});

describe('/opendata/madoguchi.json as built', () => {
  const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as { licence: unknown; licenceNote?: string; windows: { id: string; row: unknown; verified: string }[] };
  it('lists the same windows and rows as the CSV, with the licence', () => {
    expect(json.windows.map((w) => w.id).sort()).toEqual(windows.map((w) => w.id).sort());
    for (const w of json.windows) openDataRowSchema.parse(w.row);
    expect(json.licence).toEqual(site.openDataLicence);
    if (!site.openDataLicence) expect(json.licenceNote).toBe(licenceNotStated);
  });
});
