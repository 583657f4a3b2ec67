import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvText } from '@/server/staff/csv';
import { openTestStore } from '../support/store';
import type { StoredBody } from '@/server/store/types';
import { referral } from '../fixtures/referrals';

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  const body = text.replace(/^\uFEFF/, '');
  const re = /"((?:[^"]|"")*)"(,|\r\n|$)/g;
  for (let m = re.exec(body); m && m[0] !== ''; m = re.exec(body)) {
    rows.at(-1)!.push(m[1]!.replace(/""/g, '"'));
    if (m[2] === '\r\n') rows.push([]);
  }
  return rows.filter((r) => r.length);
}
import { startServer, type TestServer } from '../support/server';
import { Client, freshTotp, PASSWORD, seedDatabase, staffWindows, type SeededAccount } from '../staff/support';

// Export (issue 16): my windows only, UTF-8 with BOM, fresh authentication, a warning, and an audit entry.
let server: TestServer;
let dbPath: string;
let account: SeededAccount;
let c: Client;

beforeAll(async () => {
  const seeded = await seedDatabase([{ login: 'exporter', name: '書き出し 職員', role: 'staff', windows: [staffWindows.mine] }], [staffWindows.mine, staffWindows.other]);
  dbPath = seeded.dbPath;
  account = seeded.accounts[0]!;
  // A 連絡票 to my window whose agency name begins like a formula (full-width) and whose text holds a NUL.
  const store = openTestStore(dbPath);
  await store.create({ kind: 'referral', ...referral, agencyName: '＝HYPERLINK("http://evil.example")', situation: `重なる課題\u0000があり、書き出しで確かめる` } as unknown as StoredBody, { windows: [staffWindows.mine], coordinator: false }, 'export-referral');
  store.close();
  server = await startServer({}, dbPath);
  c = new Client(server.origin);
  expect((await c.signIn(account)).status).toBe(303);
  // A hand-off reason in the history, to compare the page and the file.
  const path = `/staff/i/${seeded.inquiries[staffWindows.mine]!.publicId}/`;
  const version = /name="version" value="(\d+)"/.exec(await (await c.request(path)).text())![1]!;
  await c.request(path, { form: { csrf: await c.csrf(path), action: 'share', mode: 'join', to: staffWindows.third, reason: '家族に障害のある方がいるため', basis: 'supportMeeting', version } });
}, 60_000);
afterAll(() => server?.stop());

describe('export', () => {
  it('warns that the file holds 要配慮個人情報 and asks for the password and code again', async () => {
    const html = await (await c.request('/staff/export/')).text();
    expect(html).toContain('要配慮個人情報');
    expect(html).toContain('name="password"');
    const csrf = await c.csrf('/staff/export/');
    const res = await c.request('/staff/export/', { form: { csrf, password: PASSWORD, code: '000000' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('gives a UTF-8 CSV with BOM of my windows only, with the history as the page shows it, and audits it', async () => {
    const csrf = await c.csrf('/staff/export/');
    const res = await c.request('/staff/export/', { form: { csrf, password: PASSWORD, code: await freshTotp(account.secret) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="inquiries-\d{8}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(`窓口 ${staffWindows.mine} あての相談`);
    expect(csv).not.toContain(`窓口 ${staffWindows.other} あての相談`);
    expect(csv).toContain('家族に障害のある方がいるため');
    expect(csv).toContain('支援会議で検討する (構成員は守秘義務を負う)');
    const store = openTestStore(dbPath);
    const entry = (await store.staff.auditLog({ limit: 20, offset: 0 })).rows.find((r) => r.action === 'inquiries.export');
    await store.close();
    expect(entry).toMatchObject({ login: 'exporter', detail: { count: 2, windows: [staffWindows.mine] } });
    // The 連絡票's row carries its own fields: the agency, the person, the situation, under their labels.
    const lines = parseCsv(csv);
    const head = lines[0]!;
    for (const label of ['機関名', 'ご本人の氏名またはイニシャル', 'ケースの状況とこれまでの対応']) expect(head, label).toContain(label);
    const row = lines.find((l) => l[1] === '連絡票')!;
    expect(row).toBeDefined();
    const col = (label: string) => row[head.indexOf(label)];
    expect(col('ご本人の氏名またはイニシャル')).toBe(referral.personName);
    expect(col('機関名')).toBe(`'＝HYPERLINK("http://evil.example")`);
    expect(col('ケースの状況とこれまでの対応')).toBe('重なる課題があり、書き出しで確かめる');
    expect(csv).not.toContain('\u0000');
  });
});

describe('a CSV cell', () => {
  it('is defused when it begins like a formula, half- or full-width, or with a tab or CR, and loses control characters', () => {
    for (const start of ['=', '+', '-', '@', '＝', '＋', '－', '＠', '\t', '\r']) expect(csvText(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvText('a\u0000b\u001bc\u007fd')).toBe('abcd');
    expect(csvText('\u0000=1')).toBe("'=1");
    expect(csvText('一行目\n二行目')).toBe('一行目\n二行目');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
