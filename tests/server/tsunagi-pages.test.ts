import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../support/store';
import { startServer, type TestServer } from '../support/server';
import { Client, seedDatabase, staffWindows } from '../staff/support';

// Staff actions of issue 16 through the detail page: 本人からの削除依頼 (confirmed, audited, gone at once)
// and the coordinator's 支援会議.
let server: TestServer;
let seeded: Awaited<ReturnType<typeof seedDatabase>>;
let c: Client;

beforeAll(async () => {
  seeded = await seedDatabase([{ login: 'deleter', name: '削除 職員', role: 'staff', windows: [staffWindows.mine] }], [staffWindows.mine]);
  server = await startServer({}, seeded.dbPath);
  c = new Client(server.origin);
  expect((await c.signIn(seeded.accounts[0]!)).status).toBe(303);
}, 60_000);
afterAll(() => server?.stop());

describe('本人からの削除依頼', () => {
  it('asks for the confirmation first, then deletes at once and audits it with the receipt number', async () => {
    const { publicId, receipt } = seeded.inquiries[staffWindows.mine]!;
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

    const store = openTestStore(seeded.dbPath);
    const entry = (await store.staff.auditLog({ limit: 20, offset: 0 })).rows.find((r) => r.action === 'inquiry.deleteOnRequest');
    expect(await store.get(receipt)).toBeUndefined();
    await store.close();
    expect(entry).toMatchObject({ login: 'deleter', target: receipt });
  });
});

describe('支援会議 through the page', () => {
  it('lets the coordinator record one, kept apart as 支援会議 confidentiality; window staff cannot', async () => {
    const s = await seedDatabase(
      [
        { login: 'coord7', name: '協働 職員', role: 'coordinator', windows: [staffWindows.coordinator] },
        { login: 'staff7', name: '窓口 職員', role: 'staff', windows: [staffWindows.coordinator] },
      ],
      [staffWindows.coordinator],
    );
    const srv = await startServer({}, s.dbPath);
    try {
      const path = `/staff/i/${s.inquiries[staffWindows.coordinator]!.publicId}/`;
      const coord = new Client(srv.origin);
      expect((await coord.signIn(s.accounts[0]!)).status).toBe(303);
      expect(await (await coord.request(path)).text()).toContain('支援会議を記録する');
      const res = await coord.request(path, { form: { csrf: await coord.csrf(path), action: 'meeting', date: '2026-12-10', summary: '見守りの方針を確認した' } });
      expect(res.status).toBe(303);
      const page = await (await coord.request(path)).text();
      expect(page).toContain('支援会議で検討しました (2026-12-10)');
      expect(page).toContain('見守りの方針を確認した');
      const staff = new Client(srv.origin);
      expect((await staff.signIn(s.accounts[1]!)).status).toBe(303);
      expect(await (await staff.request(path)).text()).not.toContain('支援会議を記録する');
      expect((await staff.request(path, { form: { csrf: await staff.csrf(path), action: 'meeting', date: '2026-12-10', summary: 'x' } })).status).toBe(404);
    } finally {
      await srv.stop();
    }
  }, 60_000);
});
