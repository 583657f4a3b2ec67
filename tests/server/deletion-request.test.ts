import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@/server/store/sqlite';
import { startServer, type TestServer } from '../support/server';
import { Client, seedDatabase } from '../staff/support';

// 本人からの削除依頼 (issue 16): a staff action on the detail page, confirmed, audited; the inquiry is gone.
let server: TestServer;
let seeded: Awaited<ReturnType<typeof seedDatabase>>;
let c: Client;

beforeAll(async () => {
  seeded = await seedDatabase([{ login: 'deleter', name: '削除 職員', role: 'staff', windows: ['sawara-houkatsu'] }], ['sawara-houkatsu']);
  server = await startServer({}, seeded.dbPath);
  c = new Client(server.origin);
  expect((await c.signIn(seeded.accounts[0]!)).status).toBe(303);
}, 60_000);
afterAll(() => server?.stop());

describe('本人からの削除依頼', () => {
  it('asks for the confirmation first, then deletes at once and audits it with the receipt number', async () => {
    const { publicId, receipt } = seeded.inquiries['sawara-houkatsu']!;
    const path = `/staff/i/${publicId}/`;
    const unconfirmed = await c.request(path, { form: { csrf: await c.csrf(path), action: 'deleteOnRequest' } });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain('本人からの依頼であることを確かめて');
    expect((await c.request(path)).status).toBe(200);

    const res = await c.request(path, { form: { csrf: await c.csrf(path), action: 'deleteOnRequest', confirm: 'yes' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/?deleted=1');
    expect(await (await c.request('/staff/?deleted=1')).text()).toContain('相談を削除しました。');
    expect((await c.request(path)).status).toBe(404);

    const store = openSqliteStore(seeded.dbPath);
    const entry = store.staff.auditLog({ limit: 20, offset: 0 }).rows.find((r) => r.action === 'inquiry.deleteOnRequest');
    expect(store.get(receipt)).toBeUndefined();
    store.close();
    expect(entry).toMatchObject({ login: 'deleter', target: receipt });
  });
});
