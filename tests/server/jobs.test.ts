import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyInquiry, profileWindows } from '../fixtures/inquiries';
import { decoded, startSmtpSink } from '../support/smtp-sink';
import type { Inquiry } from '@/schemas/inquiry';
import { jstDay } from '@/server/jobs/daily';
import { openSqliteStore } from '@/server/store/sqlite';

// Jobs that claim their work (issue 27): an outbox row is claimed with a lease before it is sent, a
// daily job takes a lease row for its day, and a claim whose worker died lapses with its lease.
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'jobs-')), 'db.sqlite');
const windows = profileWindows.map((w) => w.id);

describe('outbox claims', () => {
  it('gives each due item to one worker; another gets it only when the lease ended without a send', async () => {
    const path = tempDb();
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    try {
      await a.create(familyInquiry as unknown as Inquiry, { windows: windows.slice(0, 2), coordinator: false }, 'k1');
      const now = new Date(Date.now() + 1000);
      const byA = await a.outbox.claim('A', 60_000, 10, now);
      expect(byA).toHaveLength(2);
      // B, on its own connection, finds nothing to take while A's lease runs.
      expect(await b.outbox.claim('B', 60_000, 10, now)).toEqual([]);
      await a.outbox.sent(byA[0]!.id, now);
      // A "dies" holding the second item: after the lease it is B's, once.
      const later = new Date(now.getTime() + 60_001);
      const byB = await b.outbox.claim('B', 60_000, 10, later);
      expect(byB.map((i) => i.id)).toEqual([byA[1]!.id]);
      expect(await a.outbox.claim('A', 60_000, 10, later)).toEqual([]);
      await b.outbox.sent(byB[0]!.id, later);
      // Sent items are never claimed again, and a late "sent" from the first claimer changes nothing.
      await a.outbox.sent(byA[1]!.id, later);
      expect(await b.outbox.claim('B', 60_000, 10, new Date(later.getTime() + 3_600_000))).toEqual([]);
      expect(await a.outbox.due(new Date(later.getTime() + 3_600_000), 10)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a failed send releases the claim; the item comes back at its retry time', async () => {
    const path = tempDb();
    const s = openSqliteStore(path);
    try {
      await s.create(familyInquiry as unknown as Inquiry, { windows: windows.slice(0, 1), coordinator: false }, 'k1');
      const now = new Date(Date.now() + 1000);
      const [item] = await s.outbox.claim('A', 600_000, 10, now);
      await s.outbox.failed(item!.id, 'refused', new Date(now.getTime() + 5_000));
      expect(await s.outbox.claim('B', 600_000, 10, now)).toEqual([]);
      const again = await s.outbox.claim('B', 600_000, 10, new Date(now.getTime() + 5_000));
      expect(again.map((i) => [i.id, i.attempts])).toEqual([[item!.id, 1]]);
    } finally {
      await s.close();
    }
  });
});

describe('daily jobs', () => {
  it('run once per day across workers; a dead claimer’s day is taken over after its lease; the next day is new', async () => {
    const path = tempDb();
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    try {
      const t = new Date('2026-12-07T01:00:00Z');
      expect(await a.jobs.claimDaily('purge', '2026-12-07', 'A', 60_000, t)).toBe(true);
      expect(await b.jobs.claimDaily('purge', '2026-12-07', 'B', 60_000, t)).toBe(false);
      // A died: its lease ends, B takes the day and finishes it.
      const later = new Date(t.getTime() + 60_000);
      expect(await b.jobs.claimDaily('purge', '2026-12-07', 'B', 60_000, later)).toBe(true);
      // A, come back, can no longer finish what is B's now.
      expect(await a.jobs.finishDaily('purge', '2026-12-07', 'A')).toBe(false);
      expect(await b.jobs.finishDaily('purge', '2026-12-07', 'B')).toBe(true);
      expect((await a.jobs.daily('purge', '2026-12-07'))?.doneAt).toBeTruthy();
      // Done is done, whoever asks and however late.
      const muchLater = new Date(t.getTime() + 86_400_000 - 1);
      expect(await a.jobs.claimDaily('purge', '2026-12-07', 'A', 60_000, muchLater)).toBe(false);
      expect(await b.jobs.claimDaily('purge', '2026-12-07', 'B', 60_000, muchLater)).toBe(false);
      // Another job, or another day, is claimed on its own.
      expect(await a.jobs.claimDaily('reminder', '2026-12-07', 'A', 60_000, t)).toBe(true);
      expect(await b.jobs.claimDaily('purge', '2026-12-08', 'B', 60_000, t)).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('share', () => {
  it('refuses a share to a window that sees the inquiry already, even from a form older than the last change', async () => {
    const s = openSqliteStore(tempDb());
    try {
      await s.create(familyInquiry as unknown as Inquiry, { windows: [windows[0]!], coordinator: false }, 'k1');
      const { publicId } = (await s.inbox.list([windows[0]!], {}, 1)).rows[0]!;
      const staff = await s.staff.create({ login: 'sharer', name: '職員', memberships: [{ role: 'staff', window: windows[0]! }] });
      const share = { mode: 'join' as const, from: windows[0]!, to: windows[1]!, reason: '一緒に', basis: 'consent' as const, version: 1, staffId: staff.id };
      const [first, second] = await Promise.all([s.inbox.share(publicId, share), s.inbox.share(publicId, share)]);
      expect([first, second]).toEqual([{ ok: true, version: 2 }, { ok: false, reason: 'same' }]);
      expect((await s.inbox.get(publicId))!.events.filter((e) => e.type === 'joined')).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});

// Two `npm run jobs` processes on one SQLite file: every e-mail reaches the mail server once, and the
// daily purge runs once that day.
describe('npm run jobs, twice on one database', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await sink.close();
  });

  it('sends each notification once and runs the daily purge once', async () => {
    const path = tempDb();
    const store = openSqliteStore(path);
    const count = 60;
    const receipts: string[] = [];
    for (let i = 0; i < count; i++) receipts.push((await store.create({ ...(familyInquiry as unknown as Inquiry), details: `相談 ${i}` }, { windows: [windows[i % 3]!, windows[3]!], coordinator: false }, `k${i}`)).receipt);
    const config = join(mkdtempSync(join(tmpdir(), 'jobs-notify-')), 'notify.json');
    writeFileSync(config, JSON.stringify({ windows: Object.fromEntries(windows.map((w) => [w, `${w}@city.example`])) }));
    const env = { ...process.env, INQUIRY_DB_PATH: path, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'portal@city.example', NOTIFY_CONFIG: config, MAIL_POLL_MS: '100' };
    for (let i = 0; i < 2; i++) children.push(spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/jobs.ts'], { env, stdio: 'ignore' }));
    const expected = count * 2;
    for (let waited = 0; waited < 90_000 && sink.mails.length < expected; waited += 200) await delay(200);
    // A little longer: a second copy of any e-mail would arrive now.
    await delay(1500);
    const perItem = new Map<string, number>();
    for (const m of sink.mails) {
      const receipt = /受付番号: (\S+)/.exec(decoded(m.raw))?.[1];
      const key = `${receipt} → ${m.to.join(',')}`;
      perItem.set(key, (perItem.get(key) ?? 0) + 1);
    }
    expect(sink.mails).toHaveLength(expected);
    expect(perItem.size).toBe(expected);
    expect([...perItem.values()].every((n) => n === 1)).toBe(true);
    expect(new Set([...perItem.keys()].map((k) => k.split(' → ')[0]))).toEqual(new Set(receipts));
    const purges = (await store.staff.auditLog({ limit: 100, offset: 0 })).rows.filter((r) => r.action === 'inquiries.purge');
    expect(purges).toHaveLength(1);
    expect((await store.jobs.daily('purge', jstDay(new Date())))?.doneAt).toBeTruthy();
    await store.close();
  }, 180_000);
});

describe('inbox counts across processes', () => {
  it('a change made through one connection shows in the cached counts of another at once', async () => {
    const path = tempDb();
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    try {
      const w = windows[0]!;
      await a.create(familyInquiry as unknown as Inquiry, { windows: [w], coordinator: false }, 'k1');
      const staff = await a.staff.create({ login: 'counter', name: '職員', memberships: [{ role: 'staff', window: w }] });
      expect((await b.inbox.statusCounts([w])).new).toBe(1);
      const { publicId } = (await a.inbox.list([w], {}, 1)).rows[0]!;
      expect(await a.inbox.changeStatus(publicId, { status: 'inProgress', version: 1, staffId: staff.id, window: w })).toMatchObject({ ok: true });
      expect(await b.inbox.statusCounts([w])).toMatchObject({ new: 0, inProgress: 1 });
      await b.create(familyInquiry as unknown as Inquiry, { windows: [w], coordinator: false }, 'k2');
      expect(await a.inbox.statusCounts([w])).toMatchObject({ new: 1, inProgress: 1 });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
