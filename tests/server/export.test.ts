import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../support/store';
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
    expect(entry).toMatchObject({ login: 'exporter', detail: { count: 1, windows: [staffWindows.mine] } });
  });
});
