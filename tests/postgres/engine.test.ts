// What only the PostgreSQL engine must show: several servers (here, several stores with their own
// pools) on one database. The store contract itself runs on both engines in the server tests.
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { openPostgresStore } from '@/server/store/postgres';
import { postgresMigrations } from '@/server/store/postgres/migrations';
import type { Store } from '@/server/store/types';
import { familyInquiry, familyInquiryRoute } from '../fixtures/inquiries';
import { asApplicationRole, freshPostgresSettings } from '../support/postgres';

const inquiry = familyInquiry as unknown as Inquiry;
// Each store claims as its own worker, with a lease of a minute.
const workers = new WeakMap<Store, string>();
const claimOf = (s: Store) => (now: Date, limit: number) => {
  if (!workers.has(s)) workers.set(s, `server-${Math.random().toString(36).slice(2)}`);
  return s.outbox.claim(workers.get(s)!, 60_000, limit, now);
};
const routing = { windows: [...familyInquiryRoute.windows], coordinator: familyInquiryRoute.coordinator };

describe('PostgreSQL engine, several servers on one database', () => {
  it('migrates once when three servers start together, and a fourth finds nothing to do', async () => {
    const settings = freshPostgresSettings();
    const servers = [1, 2, 3].map(() => openPostgresStore(settings));
    expect(await Promise.all(servers.map((s) => s.count()))).toEqual([0, 0, 0]);
    const versions = await asApplicationRole(settings.schema, async (c) => (await c.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version));
    expect(versions).toEqual(postgresMigrations.map((_, i) => i + 1));
    const late = openPostgresStore(settings);
    expect(await late.count()).toBe(0);
    await Promise.all([...servers, late].map((s) => s.close()));
  });

  it('gives 200 inquiries written through two servers at once 200 receipts, in order, without a gap', async () => {
    const settings = freshPostgresSettings();
    const [a, b] = [openPostgresStore(settings), openPostgresStore(settings)];
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).create(inquiry, routing, `two-servers-${i}`)));
    const numbers = results.map((r) => Number(r.receipt.slice(-5))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.receipt)).size).toBe(200);
    // A retry of one of them, through the other server, gets the same receipt and stores nothing.
    expect(await a.create(inquiry, routing, 'two-servers-0')).toEqual({ receipt: results[0]!.receipt, created: false });
    expect(await b.count()).toBe(200);
    // Newest first, numbered in the order they were committed.
    const listed = (await a.list(200)).map((s) => Number(s.receipt.slice(-5)));
    expect(listed).toEqual([...numbers].reverse());
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps personal fields sealed in the database and open through the store', async () => {
    const settings = freshPostgresSettings();
    const store = openPostgresStore(settings);
    const { receipt } = await store.create(inquiry, routing, 'sealed-1');
    const stored = await asApplicationRole(settings.schema, async (c) => (await c.query('SELECT body::text AS body FROM inquiries')).rows[0].body as string);
    for (const value of [inquiry.name, inquiry.phone, inquiry.details].filter((v): v is string => typeof v === 'string' && v.length > 2)) expect(stored).not.toContain(value);
    expect(stored).toContain('"sealed": "enc1.');
    expect((await store.get(receipt))!.inquiry).toMatchObject({ name: inquiry.name, details: inquiry.details });
    await store.close();
  });

  it('keeps the audit log append-only: the application role may not change or remove a row', async () => {
    const settings = freshPostgresSettings();
    const store = openPostgresStore(settings);
    await store.staff.audit({ action: 'test.written', login: 'tester', detail: { n: 1 } });
    await asApplicationRole(settings.schema, async (c) => {
      await expect(c.query("UPDATE audit_log SET action = 'test.changed'")).rejects.toThrow(/permission denied/);
      await expect(c.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
      await expect(c.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied|append-only/);
    });
    expect((await store.staff.auditLog({ limit: 10, offset: 0 })).rows.map((r) => r.action)).toEqual(['test.written']);
    await store.close();
  });

  it('lets two servers claim the outbox at once: each e-mail goes to one of them, and a lapsed claim is taken again', async () => {
    const settings = freshPostgresSettings({ leaseMs: 60_000 });
    const [a, b] = [openPostgresStore(settings), openPostgresStore(settings)];
    await Promise.all(Array.from({ length: 30 }, (_, i) => a.create(inquiry, routing, `outbox-${i}`)));
    const now = new Date(Date.now() + 1000);
    const [fromA, fromB] = await Promise.all([claimOf(a)(now, 1000), claimOf(b)(now, 1000)]);
    const ids = [...fromA, ...fromB].map((x) => x.id);
    expect(ids).toHaveLength(30 * routing.windows.length);
    expect(new Set(ids).size).toBe(ids.length);
    // Server A dies before sending; B finds nothing until A's lease lapses, then takes A's items.
    expect(await claimOf(b)(now, 1000)).toEqual([]);
    for (const x of fromB) await b.outbox.sent(x.id, now);
    const later = new Date(now.getTime() + 61_000);
    expect((await claimOf(b)(later, 1000)).map((x) => x.id).sort((x, y) => x - y)).toEqual(fromA.map((x) => x.id).sort((x, y) => x - y));
    await Promise.all([a.close(), b.close()]);
  });

  it('runs a daily job once across servers', async () => {
    const settings = freshPostgresSettings();
    const servers = [openPostgresStore(settings), openPostgresStore(settings), openPostgresStore(settings)];
    const claims = await Promise.all(servers.map((s) => s.outbox.claimDaily('purge', '2026-12-07')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await servers[0]!.outbox.claimDaily('purge', '2026-12-08')).toBe(true);
    // With a lease (the jobs' way): one server runs the day; after its lease lapses unfinished, another.
    const t = new Date('2026-12-07T01:00:00Z');
    const leased = await Promise.all(servers.map((s, i) => s.jobs.claimDaily('reminder', '2026-12-07', `s${i}`, 60_000, t)));
    expect(leased.filter(Boolean)).toHaveLength(1);
    const holder = leased.indexOf(true);
    const other = (holder + 1) % 3;
    expect(await servers[other]!.jobs.claimDaily('reminder', '2026-12-07', `s${other}`, 60_000, new Date(t.getTime() + 60_000))).toBe(true);
    expect(await servers[holder]!.jobs.finishDaily('reminder', '2026-12-07', `s${holder}`)).toBe(false);
    expect(await servers[other]!.jobs.finishDaily('reminder', '2026-12-07', `s${other}`)).toBe(true);
    expect(await servers[holder]!.jobs.claimDaily('reminder', '2026-12-07', `s${holder}`, 60_000, new Date(t.getTime() + 3_600_000))).toBe(false);
    await Promise.all(servers.map((s) => s.close()));
  });
});

describe('PostgreSQL engine, the key', () => {
  it('re-seals every personal field with a new key (npm run keys -- rotate), and the old key no longer opens them', async () => {
    const { createSealer } = await import('@/server/crypto/seal');
    const { resealPostgres } = await import('@/server/store/postgres/reseal');
    const { randomBytes } = await import('node:crypto');
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const settings = freshPostgresSettings();
    const before = openPostgresStore(settings, { sealer: createSealer(oldKey) });
    const { receipt } = await before.create(inquiry, routing, 'rotate-1');
    const [row] = (await before.inbox.list(routing.windows, {}, 10)).rows;
    const staff = await before.staff.create({ login: 'rotator', name: '回転 太郎', memberships: [{ role: 'staff', window: routing.windows[0]! }] });
    expect(await before.inbox.addNote(row!.publicId, { text: '折り返しは夕方に', staffId: staff.id })).toMatchObject({ ok: true });
    await before.close();

    expect(await resealPostgres(settings, createSealer(oldKey), createSealer(newKey))).toEqual({ inquiries: 1, events: 1 });
    const after = openPostgresStore(settings, { sealer: createSealer(newKey) });
    expect((await after.get(receipt))!.inquiry).toMatchObject({ name: inquiry.name });
    expect((await after.inbox.get(row!.publicId))!.events.find((e) => e.type === 'note')!.detail).toEqual({ text: '折り返しは夕方に' });
    // Still append-only after the rotation.
    await asApplicationRole(settings.schema, async (c) => {
      await expect(c.query("UPDATE inquiry_events SET type = 'note'")).rejects.toThrow(/append-only/);
    });
    const stale = openPostgresStore(settings, { sealer: createSealer(oldKey) });
    await expect(stale.get(receipt)).rejects.toThrow(/key/);
    await Promise.all([after.close(), stale.close()]);
  });
});
