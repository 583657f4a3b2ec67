// The operations methods (issue 26) on PostgreSQL, as on SQLite: rate-limit counters shared by every
// server, the /readyz checks, the export's readAll, and the key canary that refuses a start with
// another key before anything is sealed with it. SQLite's side is in tests/server/operations.test.ts,
// encryption.test.ts and sqlite-store.test.ts.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { createSealer } from '@/server/crypto/seal';
import { KeyMismatchError } from '@/server/store/key-canary';
import { openPostgresStore } from '@/server/store/postgres';
import { postgresMigrations } from '@/server/store/postgres/migrations';
import { resealPostgres } from '@/server/store/postgres/reseal';
import { familyInquiry, familyInquiryRoute } from '../fixtures/inquiries';
import { asApplicationRole, freshPostgresSettings } from '../support/postgres';

const inquiry = familyInquiry as unknown as Inquiry;
const routing = { windows: [...familyInquiryRoute.windows], coordinator: familyInquiryRoute.coordinator };

describe('PostgreSQL engine: operations', () => {
  it('counts one client once across two servers, restarts the window when it ends, and keeps no address', async () => {
    const settings = freshPostgresSettings();
    const [a, b] = [openPostgresStore(settings), openPostgresStore(settings)];
    const now = 1_800_000_000_000;
    const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).limits.hit('inquiry', '203.0.113.7', 60_000, now)));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(counts.map((c) => c.resetAt))).toEqual(new Set([now + 60_000]));
    // Another client, and the same client under another limit, count from 1.
    expect(await a.limits.hit('inquiry', '203.0.113.8', 60_000, now + 30)).toEqual({ count: 1, resetAt: now + 60_030 });
    expect((await b.limits.hit('signIn', '203.0.113.7', 60_000, now + 30)).count).toBe(1);
    // When the window has ended, the next request starts a new one.
    expect(await b.limits.hit('inquiry', '203.0.113.7', 60_000, now + 60_000)).toEqual({ count: 1, resetAt: now + 120_000 });
    expect(await a.limits.hit('inquiry', '203.0.113.7', 60_000, now + 60_001)).toEqual({ count: 2, resetAt: now + 120_000 });
    const kept = await asApplicationRole(settings.schema, async (c) => JSON.stringify((await c.query('SELECT * FROM rate_limits')).rows));
    expect(kept).not.toContain('203.0.113');
    await Promise.all([a.close(), b.close()]);
  });

  it('answers the /readyz checks: migrations current, which key opens the data, the oldest e-mail not sent', async () => {
    const key = randomBytes(32);
    const store = openPostgresStore(freshPostgresSettings(), { sealer: createSealer(key) });
    expect(await store.health.migrations()).toEqual({ applied: postgresMigrations.length, known: postgresMigrations.length });
    expect(await store.health.keyOpens(key)).toBe(true);
    expect(await store.health.keyOpens(randomBytes(32))).toBe(false);
    expect(await store.health.oldestUnsent()).toBeNull();
    const before = Date.now();
    await store.create(inquiry, routing, 'health-1');
    const oldest = await store.health.oldestUnsent();
    expect(oldest).toBeGreaterThanOrEqual(before - 1000);
    expect(oldest).toBeLessThanOrEqual(Date.now());
    for (const item of await store.outbox.due(new Date(Date.now() + 1000), 100)) await store.outbox.sent(item.id, new Date());
    expect(await store.health.oldestUnsent()).toBeNull();
    await store.close();
  });

  it('reads every record oldest first for the export, counting a row it cannot open instead of failing', async () => {
    const settings = freshPostgresSettings();
    const store = openPostgresStore(settings);
    const receipts: string[] = [];
    for (let i = 0; i < 3; i++) receipts.push((await store.create(inquiry, routing, `read-all-${i}`)).receipt);
    // The middle one's sealed fields were sealed with a key nobody has any more.
    const foreign = createSealer(randomBytes(32)).seal(JSON.stringify({ name: 'x' }));
    await asApplicationRole(settings.schema, (c) => c.query("UPDATE inquiries SET body = jsonb_set(body, '{sealed}', to_jsonb($1::text)) WHERE receipt = $2", [foreign, receipts[1]]));
    const { items, unreadable } = await store.readAll();
    expect(unreadable).toBe(1);
    expect(items.map((s) => s.receipt)).toEqual([receipts[0], receipts[2]]);
    expect(items[0]!.inquiry).toMatchObject({ name: inquiry.name });
    expect(items[0]!.events.map((e) => e.type)).toEqual(['received', 'routed']);
    await store.close();
  });

  it('refuses another key before it seals anything, names both key ids, and lets the right key go on', async () => {
    const settings = freshPostgresSettings();
    const [key, other] = [createSealer(randomBytes(32)), createSealer(randomBytes(32))];
    const first = openPostgresStore(settings, { sealer: key });
    const { receipt } = await first.create(inquiry, routing, 'canary-1');
    await first.close();

    const wrong = openPostgresStore(settings, { sealer: other });
    const refused = await wrong.create(inquiry, routing, 'canary-2').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KeyMismatchError);
    expect((refused as Error).message).toContain(other.keyId);
    expect((refused as Error).message).toContain(key.keyId);
    expect((refused as Error).message).not.toContain('@');
    // /readyz says "key" instead of failing.
    expect(await wrong.health.migrations()).toEqual({ applied: postgresMigrations.length, known: postgresMigrations.length });
    await wrong.close();

    const again = openPostgresStore(settings, { sealer: key });
    expect(await again.count()).toBe(1);
    expect((await again.get(receipt))!.inquiry).toMatchObject({ name: inquiry.name });
    await again.close();
  });

  it('checks a database from before the canary against its latest inquiry, then gives it one', async () => {
    const settings = freshPostgresSettings();
    const [key, other] = [randomBytes(32), randomBytes(32)];
    const first = openPostgresStore(settings, { sealer: createSealer(key) });
    await first.create(inquiry, routing, 'old-1');
    await first.close();
    await asApplicationRole(settings.schema, (c) => c.query('DELETE FROM key_canary'));

    const wrong = openPostgresStore(settings, { sealer: createSealer(other) });
    await expect(wrong.count()).rejects.toBeInstanceOf(KeyMismatchError);
    expect(await wrong.health.keyOpens(other)).toBe(false);
    await wrong.close();
    expect(await asApplicationRole(settings.schema, async (c) => (await c.query('SELECT count(*)::int AS n FROM key_canary')).rows[0].n)).toBe(0);

    const right = openPostgresStore(settings, { sealer: createSealer(key) });
    expect(await right.health.keyOpens(key)).toBe(true);
    await right.close();
  });

  it('moves the canary with the data when the key is rotated', async () => {
    const settings = freshPostgresSettings();
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = openPostgresStore(settings, { sealer: createSealer(oldKey) });
    await before.create(inquiry, routing, 'rotate-canary-1');
    await before.close();
    await resealPostgres(settings, createSealer(oldKey), createSealer(newKey));
    const after = openPostgresStore(settings, { sealer: createSealer(newKey) });
    expect(await after.health.keyOpens(newKey)).toBe(true);
    expect(await after.health.keyOpens(oldKey)).toBe(false);
    expect(await after.count()).toBe(1);
    await after.close();
  });
});
