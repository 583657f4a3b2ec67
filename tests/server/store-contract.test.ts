// The store contract (issue 27): what every engine behind src/server/store/types.ts must do, asserted
// through the interface alone (openTestStore: node:sqlite by default, PostgreSQL under
// tests/tools/postgres.mjs). One describe per area of the Store; then two writers at once, the
// append-only audit log, sealing, and upgrades from every earlier schema this repository carries.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Inquiry } from '@/schemas/inquiry';
import { createSealer } from '@/server/crypto/seal';
import type { Passkey, RoutingDecision, Store } from '@/server/store/types';
import { openTestStore, testsPostgres } from '../support/store';
import { familyInquiry } from '../fixtures/inquiries';
import { staffWindows } from '../staff/support';

const inquiry = familyInquiry as unknown as Inquiry;
const { mine: MINE, other: OTHER, third: THIRD } = staffWindows;
const to = (...windows: string[]): RoutingDecision => ({ windows, coordinator: false });
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'store-contract-')), 'store.sqlite');
const key = () => randomBytes(32);

/** Every store a test opens is closed after it, whatever the outcome. */
const opened: Store[] = [];
const open = (path = freshPath(), sealer = createSealer(KEY)) => {
  const s = openTestStore(path, { sealer });
  opened.push(s);
  return s;
};
const KEY = key();
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
});

/** Stores one inquiry and returns its receipt and the inbox's public id. */
async function addInquiry(store: Store, routing = to(MINE), body: Inquiry = inquiry) {
  const { receipt } = await store.create(body, routing, `k-${randomBytes(8).toString('hex')}`);
  return { receipt, publicId: (await publicIdOf(store, receipt, routing.windows))! };
}
async function publicIdOf(store: Store, receipt: string, windows: readonly string[]) {
  return (await store.inbox.list(windows, {}, 1000)).rows.find((r) => r.receipt === receipt)?.publicId;
}
const seq = (receipt: string) => Number(receipt.slice(-5));

describe('inquiries: create, get, list, count, readAll, backup', () => {
  it('gives each new inquiry a receipt YYYYMMDD-NNNNN of its day, in order, answers a repeated key with the first one', async () => {
    const store = open();
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const a = await store.create(inquiry, to(MINE), 'key-a');
    const again = await store.create(inquiry, to(MINE), 'key-a');
    const b = await store.create(inquiry, to(OTHER), 'key-b');
    expect(a).toEqual({ receipt: expect.stringMatching(new RegExp(`^${day}-\\d{5}$`)), created: true });
    expect(again).toEqual({ receipt: a.receipt, created: false });
    expect(seq(b.receipt)).toBe(seq(a.receipt) + 1);
    expect(await store.count()).toBe(2);
  });

  it('gets a stored inquiry by receipt with its answers, routing and received/routed events; unknown receipts are undefined', async () => {
    const store = open();
    const { receipt } = await store.create(inquiry, to(MINE, OTHER), 'key-get');
    const got = (await store.get(receipt))!;
    expect(got).toMatchObject({ kind: 'inquiry', receipt, routing: to(MINE, OTHER) });
    expect(got.inquiry).toEqual(inquiry);
    expect(Date.parse(got.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(got.events.map((e) => e.type)).toEqual(['received', 'routed']);
    expect(JSON.parse(got.events[1]!.detail)).toEqual(to(MINE, OTHER));
    expect(await store.get('19990101-99999')).toBeUndefined();
  });

  it('lists newest first up to the limit, and readAll gives every record oldest first with none unreadable', async () => {
    const store = open();
    const receipts: string[] = [];
    for (const k of ['l1', 'l2', 'l3']) receipts.push((await store.create(inquiry, to(MINE), k)).receipt);
    expect((await store.list()).map((s) => s.receipt)).toEqual([...receipts].reverse());
    expect((await store.list(2)).map((s) => s.receipt)).toEqual([receipts[2], receipts[1]]);
    const all = await store.readAll();
    expect(all.unreadable).toBe(0);
    expect(all.items.map((s) => s.receipt)).toEqual(receipts);
    expect(all.items[0]!.inquiry).toEqual(inquiry);
  });

  it('backs up to a file while serving, and keeps serving after', async () => {
    const store = open();
    await store.create(inquiry, to(MINE), 'backup-1');
    const target = join(mkdtempSync(join(tmpdir(), 'contract-backup-')), 'copy.bak');
    await store.backup(target);
    expect(existsSync(target) && statSync(target).size).toBeGreaterThan(0);
    await store.create(inquiry, to(MINE), 'backup-2');
    expect(await store.count()).toBe(2);
  });
});

describe('inbox: list, statusCounts, get, getMany, changes, つなぎ, meetings, handedOver', () => {
  it('lists a window its own inquiries only, newest first, with filters, pages and totals', async () => {
    const store = open();
    const a = await addInquiry(store, to(MINE));
    const b = await addInquiry(store, to(MINE, OTHER));
    const c = await addInquiry(store, to(OTHER));
    const mine = await store.inbox.list([MINE], {}, 10);
    expect(mine.total).toBe(2);
    expect(mine.rows.map((r) => r.receipt)).toEqual([b.receipt, a.receipt]);
    expect(mine.rows[0]).toMatchObject({ status: 'new', urgent: false, assignee: null, agency: null, writer: inquiry.writer, categories: inquiry.categories, windows: [MINE, OTHER].sort() });
    // Both windows: each inquiry once.
    const both = await store.inbox.list([MINE, OTHER], {}, 10);
    expect(both.total).toBe(3);
    expect(both.rows.map((r) => r.receipt)).toEqual([c.receipt, b.receipt, a.receipt]);
    expect((await store.inbox.list([MINE, OTHER], { window: OTHER }, 10)).total).toBe(2);
    const page2 = await store.inbox.list([MINE, OTHER], { page: 2 }, 2);
    expect(page2).toMatchObject({ total: 3, rows: [{ receipt: a.receipt }] });
    expect((await store.inbox.list([MINE], { category: inquiry.categories![0] }, 10)).total).toBe(2);
    expect((await store.inbox.list([MINE], { category: 'no-such-category' }, 10)).total).toBe(0);
    expect((await store.inbox.list([THIRD], {}, 10))).toEqual({ rows: [], total: 0 });
    expect((await store.inbox.list([], {}, 10))).toEqual({ rows: [], total: 0 });
  });

  it('changes status and assignment against the version shown, refuses stale and missing, and counts by status', async () => {
    const store = open();
    const { publicId } = await addInquiry(store, to(MINE, OTHER));
    const sato = await store.staff.create({ login: 'sato', name: '佐藤', memberships: [{ role: 'staff', window: MINE }] });
    expect(await store.inbox.assign(publicId, { assigneeId: sato.id, version: 1, staffId: sato.id, window: MINE })).toEqual({ ok: true, version: 2 });
    expect(await store.inbox.changeStatus(publicId, { status: 'inProgress', version: 1, staffId: sato.id })).toEqual({ ok: false, reason: 'stale' });
    expect(await store.inbox.changeStatus(publicId, { status: 'done', outcome: '包括につないだ', version: 2, staffId: sato.id, window: MINE })).toEqual({ ok: true, version: 3 });
    expect(await store.inbox.changeStatus('0'.repeat(32), { status: 'done', version: 1, staffId: sato.id })).toEqual({ ok: false, reason: 'missing' });
    expect(await store.inbox.addNote(publicId, { text: '電話した。', staffId: sato.id, window: MINE })).toEqual({ ok: true, version: 3 });
    expect(await store.inbox.addNote('0'.repeat(32), { text: 'x', staffId: sato.id })).toEqual({ ok: false, reason: 'missing' });

    const got = (await store.inbox.get(publicId))!;
    expect(got).toMatchObject({ status: 'done', assigneeId: sato.id, assignee: '佐藤', version: 3, windows: [MINE, OTHER].sort(), formerWindows: [] });
    expect(got.events.map((e) => [e.type, e.staff, e.window])).toEqual([
      ['received', null, null],
      ['routed', null, null],
      ['assigned', '佐藤', MINE],
      ['status', '佐藤', MINE],
      ['note', '佐藤', MINE],
    ]);
    expect(got.events[3]!.detail).toEqual({ from: 'new', to: 'done', outcome: '包括につないだ' });
    expect(got.events[4]!.detail).toEqual({ text: '電話した。' });
    expect(await store.inbox.statusCounts([MINE, OTHER])).toEqual({ new: 0, inProgress: 0, done: 1, unreachable: 0, notNeeded: 0 });
    expect((await store.inbox.list([OTHER], { status: 'done' }, 10)).total).toBe(1);
    expect(await store.inbox.get('0'.repeat(32))).toBeUndefined();
  });

  it('reads several inquiries in the order asked, leaving out ids that do not exist', async () => {
    const store = open();
    const a = await addInquiry(store);
    const b = await addInquiry(store);
    const many = await store.inbox.getMany([b.publicId, '0'.repeat(32), a.publicId]);
    expect(many.map((x) => x.receipt)).toEqual([b.receipt, a.receipt]);
    expect(many[0]!.inquiry).toEqual(inquiry);
    expect(await store.inbox.getMany([])).toEqual([]);
  });

  it('hands over (the sender stops seeing it, the receiver sees it new), joins, refuses a window that already sees it, and traces hand-overs', async () => {
    const store = open();
    const { publicId, receipt } = await addInquiry(store, to(MINE));
    const s = await store.staff.create({ login: 'tsunagi', name: '職員', memberships: [{ role: 'staff', window: MINE }] });
    await store.inbox.changeStatus(publicId, { status: 'inProgress', version: 1, staffId: s.id });
    const share = { reason: '障害の相談', basis: 'consent' as const, staffId: s.id };
    expect(await store.inbox.share(publicId, { ...share, mode: 'join', from: MINE, to: MINE, version: 2 })).toEqual({ ok: false, reason: 'same' });
    expect(await store.inbox.share(publicId, { ...share, mode: 'handOver', from: MINE, to: OTHER, version: 1 })).toEqual({ ok: false, reason: 'stale' });
    expect(await store.inbox.share(publicId, { ...share, mode: 'handOver', from: MINE, to: OTHER, version: 2 })).toEqual({ ok: true, version: 3 });
    let got = (await store.inbox.get(publicId))!;
    expect(got).toMatchObject({ windows: [OTHER], formerWindows: [MINE], status: 'new', assigneeId: null });
    expect(got.shares).toContainEqual({ window: OTHER, kind: 'handedTo', basis: 'consent', ended: false });
    expect(got.events.at(-1)).toMatchObject({ type: 'handedOver', window: MINE, detail: { from: MINE, to: OTHER, basis: 'consent', reason: '障害の相談', statusBefore: 'inProgress' } });
    expect((await store.inbox.list([MINE], {}, 10)).total).toBe(0);
    expect((await store.inbox.list([OTHER], {}, 10)).rows.map((r) => r.receipt)).toEqual([receipt]);
    expect(await store.inbox.handedOver([MINE], 10)).toEqual([{ publicId, receipt, endedAt: expect.any(String), window: MINE }]);
    expect(await store.inbox.handedOver([OTHER], 10)).toEqual([]);

    expect(await store.inbox.share(publicId, { ...share, mode: 'join', from: OTHER, to: THIRD, version: 3 })).toEqual({ ok: true, version: 4 });
    got = (await store.inbox.get(publicId))!;
    expect(got.windows).toEqual([OTHER, THIRD].sort());
    expect(got.shares).toContainEqual({ window: THIRD, kind: 'joined', basis: 'consent', ended: false });
    expect(await store.inbox.recordMeeting(publicId, { date: '2026-12-01', summary: '支援会議で役割分担', staffId: s.id, window: OTHER })).toEqual({ ok: true, version: 4 });
    expect((await store.inbox.get(publicId))!.events.at(-1)).toMatchObject({ type: 'meeting', window: OTHER, detail: { date: '2026-12-01', summary: '支援会議で役割分担' } });
    expect(await store.inbox.recordMeeting('0'.repeat(32), { date: '2026-12-01', summary: 'x', staffId: s.id, window: OTHER })).toEqual({ ok: false, reason: 'missing' });
  });

  it('counts follow changes made through the store, and changed() keeps them true', async () => {
    const store = open();
    expect((await store.inbox.statusCounts([MINE])).new).toBe(0);
    await addInquiry(store);
    await store.inbox.changed();
    expect((await store.inbox.statusCounts([MINE])).new).toBe(1);
    expect((await store.inbox.list([MINE], {}, 10)).total).toBe(1);
  });
});

describe('staff: accounts, memberships, credentials, passkeys, challenges, sessions, throttles', () => {
  it('creates accounts, finds them by id and login, lists by login, and gives window members', async () => {
    const store = open();
    const b = await store.staff.create({ login: 'bbb', name: '二', memberships: [{ role: 'staff', window: MINE }] });
    const a = await store.staff.create({ login: 'aaa', name: '一', memberships: [{ role: 'coordinator', window: MINE }, { role: 'admin', window: MINE }] });
    expect(b).toEqual({ id: expect.any(Number), login: 'bbb', name: '二', state: 'active', memberships: [{ role: 'staff', window: MINE }] });
    // A role without a window is kept as '*' whatever window it was given with.
    expect(a.memberships).toEqual([{ role: 'admin', window: '*' }, { role: 'coordinator', window: MINE }]);
    expect(await store.staff.byId(a.id)).toEqual(a);
    expect(await store.staff.byLogin('bbb')).toEqual(b);
    expect(await store.staff.byLogin('nobody')).toBeUndefined();
    expect(await store.staff.byId(999_999)).toBeUndefined();
    expect((await store.staff.list()).map((s) => s.login)).toEqual(['aaa', 'bbb']);
    expect((await store.staff.membersOf(MINE)).map((s) => s.login).sort()).toEqual(['aaa', 'bbb']);
    expect(await store.staff.membersOf(OTHER)).toEqual([]);
    await expect(store.staff.create({ login: 'aaa', name: '重複', memberships: [] })).rejects.toThrow();
  });

  it('replaces window memberships, grants and withdraws roles without a window, and disables and removes accounts', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'move', name: '異動', memberships: [{ role: 'staff', window: MINE }, { role: 'planner', window: '*' }] });
    await store.staff.setWindows(s.id, [{ role: 'coordinator', window: OTHER }]);
    expect((await store.staff.byId(s.id))!.memberships).toEqual([{ role: 'coordinator', window: OTHER }, { role: 'planner', window: '*' }]);
    await store.staff.setRole(s.id, 'admin', true);
    await store.staff.setRole(s.id, 'planner', false);
    expect((await store.staff.byId(s.id))!.memberships).toEqual([{ role: 'admin', window: '*' }, { role: 'coordinator', window: OTHER }]);
    await expect(store.staff.setRole(s.id, 'staff', true)).rejects.toThrow(/setWindows/);

    await store.staff.createSession('sess-1', { staffId: s.id, csrfToken: 'c', createdAt: 1, seenAt: 1, authenticatedAt: 1 });
    await store.staff.setState(s.id, 'disabled');
    expect((await store.staff.byId(s.id))!.state).toBe('disabled');
    expect(await store.staff.session('sess-1')).toBeUndefined();
    expect(await store.staff.membersOf(OTHER)).toEqual([]);
    await store.staff.setState(s.id, 'active');
    expect((await store.staff.membersOf(OTHER)).map((x) => x.id)).toEqual([s.id]);
    await store.staff.completeEnrolment(s.id, 'hash', 'secret');
    await store.staff.setState(s.id, 'removed');
    // The row stays (history names who did what); nothing that signs in does.
    expect(await store.staff.byId(s.id)).toMatchObject({ state: 'removed', memberships: [] });
    expect(await store.staff.credentials(s.id)).toEqual({ passwordHash: null, totpSecret: null, enrolmentOpen: false });
  });

  it('opens an enrolment (old credentials stop working) that is spent once, by password or passkey, and not after it expires', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'enrol', name: '登録', memberships: [{ role: 'staff', window: MINE }] });
    expect(await store.staff.credentials(s.id)).toEqual({ passwordHash: null, totpSecret: null, enrolmentOpen: false });
    await store.staff.completeEnrolment(s.id, 'old-hash', 'old-secret');
    await store.staff.addPasskey({ id: 'pk-old', staffId: s.id, publicKey: new Uint8Array([1]), counter: 0, transports: [] });
    const now = new Date('2026-12-07T10:00:00Z');
    const later = new Date('2026-12-08T10:00:00Z');
    await store.staff.openEnrolment(s.id, 'token-1', later);
    expect(await store.staff.credentials(s.id)).toEqual({ passwordHash: null, totpSecret: null, enrolmentOpen: true });
    expect(await store.staff.passkeysOf(s.id)).toEqual([]);
    expect((await store.staff.byEnrolmentToken('token-1', now))!.id).toBe(s.id);
    expect(await store.staff.byEnrolmentToken('token-1', later)).toBeUndefined();
    expect(await store.staff.byEnrolmentToken('token-x', now)).toBeUndefined();
    expect(await store.staff.enrolWithPassword('token-1', later, 'h', 't')).toBe(false);
    expect(await store.staff.enrolWithPassword('token-1', now, 'new-hash', 'new-secret')).toBe(true);
    expect(await store.staff.enrolWithPassword('token-1', now, 'again', 'again')).toBe(false);
    expect(await store.staff.credentials(s.id)).toEqual({ passwordHash: 'new-hash', totpSecret: 'new-secret', enrolmentOpen: false });

    await store.staff.openEnrolment(s.id, 'token-2', later);
    const pk: Passkey = { id: 'pk-new', staffId: s.id, publicKey: new Uint8Array([9, 8, 7]), counter: 3, transports: ['usb'] };
    expect(await store.staff.enrolWithPasskey('token-2', now, pk)).toBe(true);
    expect(await store.staff.enrolWithPasskey('token-2', now, { ...pk, id: 'pk-other' })).toBe(false);
    expect(await store.staff.enrolWithPassword('token-2', now, 'h', 't')).toBe(false);
    expect(await store.staff.passkeysOf(s.id)).toEqual([pk]);
  });

  it('accepts each TOTP time step once, never an earlier one, and starts again with a new secret', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'totp', name: 'TOTP', memberships: [] });
    expect(await store.staff.useTotpStep(s.id, 100)).toBe(true);
    expect(await store.staff.useTotpStep(s.id, 100)).toBe(false);
    expect(await store.staff.useTotpStep(s.id, 99)).toBe(false);
    expect(await store.staff.useTotpStep(s.id, 101)).toBe(true);
    await store.staff.completeEnrolment(s.id, 'h', 'new-secret');
    expect(await store.staff.useTotpStep(s.id, 50)).toBe(true);
  });

  it('keeps passkeys and their counters, and one challenge per browser key, taken once and only before it expires', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'pk', name: 'PK', memberships: [] });
    const pk: Passkey = { id: 'cred-1', staffId: s.id, publicKey: new Uint8Array([1, 2, 3, 255]), counter: 0, transports: ['internal', 'hybrid'] };
    await store.staff.addPasskey(pk);
    expect(await store.staff.passkey('cred-1')).toEqual(pk);
    await store.staff.updatePasskeyCounter('cred-1', 7);
    expect((await store.staff.passkey('cred-1'))!.counter).toBe(7);
    expect(await store.staff.passkey('nope')).toBeUndefined();
    expect(await store.staff.passkeysOf(s.id)).toHaveLength(1);

    const now = 1_000_000;
    await store.staff.rememberChallenge('browser-a', { purpose: 'signIn', challenge: 'c-old', expiresAt: now + 60_000 }, now);
    await store.staff.rememberChallenge('browser-a', { purpose: 'signIn', challenge: 'c-new', expiresAt: now + 60_000 }, now);
    expect(await store.staff.takeChallenge('browser-a', 'signIn', now)).toBe('c-new');
    expect(await store.staff.takeChallenge('browser-a', 'signIn', now)).toBeUndefined();
    await store.staff.rememberChallenge('browser-b', { purpose: 'register', challenge: 'c-b', expiresAt: now + 60_000 }, now);
    expect(await store.staff.takeChallenge('browser-b', 'signIn', now)).toBeUndefined();
    await store.staff.rememberChallenge('browser-c', { purpose: 'signIn', challenge: 'c-c', expiresAt: now + 10 }, now);
    expect(await store.staff.takeChallenge('browser-c', 'signIn', now + 10)).toBeUndefined();
  });

  it('keeps sessions by token hash: touch, fresh authentication, end one, end all of an account', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'sess', name: 'S', memberships: [] });
    const base = { staffId: s.id, csrfToken: 'csrf', createdAt: 1000, seenAt: 1000, authenticatedAt: 1000 };
    await store.staff.createSession('h1', base);
    await store.staff.createSession('h2', { ...base, csrfToken: 'csrf2' });
    await store.staff.createSession('h3', { ...base, csrfToken: 'csrf3' });
    expect(await store.staff.session('h1')).toEqual(base);
    await store.staff.touchSession('h1', 2000);
    await store.staff.markAuthenticated('h1', 3000);
    expect(await store.staff.session('h1')).toEqual({ ...base, seenAt: 2000, authenticatedAt: 3000 });
    await store.staff.endSession('h1');
    expect(await store.staff.session('h1')).toBeUndefined();
    expect(await store.staff.session('h2')).toBeDefined();
    await store.staff.endSessionsOf(s.id);
    expect(await store.staff.session('h2')).toBeUndefined();
    expect(await store.staff.session('h3')).toBeUndefined();
  });

  it('counts sign-in failures per key, locks at the limit without renewing the lock, restarts after the window, and clears by prefix', async () => {
    const store = open();
    const rule = { windowMs: 60_000, lockAfter: 3, lockMs: 300_000 };
    const keys = ['login:sato|1.2.3.4', 'ip:1.2.3.4'];
    const t = 10_000_000;
    await store.staff.recordFailure(keys, t, rule);
    await store.staff.recordFailure(keys, t + 1, rule);
    let rows = await store.staff.throttles([...keys, 'ip:9.9.9.9']);
    expect([...rows.keys()].sort()).toEqual([...keys].sort());
    expect(rows.get(keys[0]!)).toEqual({ count: 2, windowStart: t, lockedUntil: null });
    await store.staff.recordFailure(keys, t + 2, rule);
    expect((await store.staff.throttles(keys)).get(keys[1]!)!.lockedUntil).toBe(t + 2 + rule.lockMs);
    // Failures while locked change nothing: the lock does not renew itself.
    await store.staff.recordFailure(keys, t + 1000, rule);
    expect((await store.staff.throttles(keys)).get(keys[1]!)!.lockedUntil).toBe(t + 2 + rule.lockMs);
    // Another key starts a window, and a failure after the window starts it again at 1.
    await store.staff.recordFailure(['ip:5.5.5.5'], t, rule);
    await store.staff.recordFailure(['ip:5.5.5.5'], t + rule.windowMs + 1, rule);
    expect((await store.staff.throttles(['ip:5.5.5.5'])).get('ip:5.5.5.5')).toEqual({ count: 1, windowStart: t + rule.windowMs + 1, lockedUntil: null });
    expect(await store.staff.clearThrottles('login:sato|')).toBe(1);
    rows = await store.staff.throttles(keys);
    expect([...rows.keys()]).toEqual([keys[1]]);
    expect(await store.staff.clearThrottles('ip:')).toBe(2);
    expect(await store.staff.clearThrottles('ip:')).toBe(0);
  });
});

describe('audit log: append-only, in order', () => {
  it('gives entries back newest first with ids in the order written, pages them, and no store method changes or removes one', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'auditor', name: '監査', memberships: [{ role: 'admin', window: '*' }] });
    for (let i = 0; i < 5; i++) await store.staff.audit({ staffId: s.id, login: 'auditor', action: `act.${i}`, target: `t${i}`, detail: { i }, ip: '192.0.2.1' });
    await store.staff.audit({ action: 'system.start' });
    const first = await store.staff.auditLog({ limit: 100, offset: 0 });
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => r.action)).toEqual(['system.start', 'act.4', 'act.3', 'act.2', 'act.1', 'act.0']);
    const ids = first.rows.map((r) => r.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new Set(ids).size).toBe(6);
    expect(first.rows[1]).toEqual({ id: ids[1], at: expect.any(String), staffId: s.id, login: 'auditor', action: 'act.4', target: 't4', detail: { i: 4 }, ip: '192.0.2.1' });
    expect(first.rows[0]).toMatchObject({ staffId: null, login: null, target: null, detail: {}, ip: null });
    const ats = first.rows.map((r) => Date.parse(r.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect((await store.staff.auditLog({ limit: 2, offset: 2 })).rows.map((r) => r.action)).toEqual(['act.3', 'act.2']);

    // Everything that removes or rewrites other data leaves the audit log as it was.
    const { publicId } = await addInquiry(store);
    await store.inbox.changeStatus(publicId, { status: 'done', version: 1, staffId: s.id });
    await store.retention.purgeCompleted(new Date(Date.now() + 86_400_000));
    await store.staff.setState(s.id, 'removed');
    await store.staff.endSessionsOf(s.id);
    await store.staff.clearThrottles('');
    const after = await store.staff.auditLog({ limit: 100, offset: 0 });
    expect(after).toEqual(first);
    await store.staff.audit({ action: 'later' });
    const last = await store.staff.auditLog({ limit: 100, offset: 0 });
    expect(last.rows.slice(1)).toEqual(first.rows);
    expect(last.rows[0]!.id).toBeGreaterThan(ids[0]!);
  });
});

describe('outbox: due, claim, sent, failed, failing, reminders', () => {
  it('queues an arrival e-mail per routed window with the inquiry, claims each for one worker, and forgets what was sent', async () => {
    const store = open();
    const { receipt, publicId } = await addInquiry(store, to(MINE, OTHER));
    const now = new Date(Date.now() + 1000);
    const due = await store.outbox.due(now, 10);
    expect(due.map((d) => [d.kind, d.window]).sort()).toEqual([['arrived', MINE], ['arrived', OTHER]].sort());
    expect(due[0]).toMatchObject({ receipt, publicId, urgent: false, receipts: [], attempts: 0 });
    expect(await store.outbox.due(new Date(Date.now() - 3_600_000), 10)).toEqual([]);

    const claimedA = await store.outbox.claim('worker-a', 60_000, 10, now);
    expect(claimedA.map((c) => c.id).sort()).toEqual(due.map((d) => d.id).sort());
    expect(await store.outbox.claim('worker-b', 60_000, 10, now)).toEqual([]);
    const [one, two] = claimedA;
    await store.outbox.sent(one!.id, now);
    await store.outbox.sent(one!.id, now);
    await store.outbox.failed(two!.id, 'SMTP 451', new Date(now.getTime() + 600_000));
    expect(await store.outbox.due(now, 10)).toEqual([]);
    const retry = await store.outbox.due(new Date(now.getTime() + 600_000), 10);
    expect(retry).toMatchObject([{ id: two!.id, attempts: 1 }]);
    expect(await store.outbox.failing([two!.window], 1)).toBe(1);
    expect(await store.outbox.failing([one!.window], 1)).toBe(0);
    expect(await store.outbox.failing([two!.window], 2)).toBe(0);
    expect(await store.outbox.failing([], 1)).toBe(0);
  });

  it('gives a claim whose lease ended to another worker (the first one died)', async () => {
    const store = open();
    await addInquiry(store, to(MINE));
    const now = new Date(Date.now() + 1000);
    const [item] = await store.outbox.claim('dies', 30_000, 10, now);
    expect(await store.outbox.claim('lives', 30_000, 10, new Date(now.getTime() + 29_999))).toEqual([]);
    const taken = await store.outbox.claim('lives', 30_000, 10, new Date(now.getTime() + 30_001));
    expect(taken.map((t) => t.id)).toEqual([item!.id]);
    await store.outbox.sent(item!.id, now);
    expect(await store.outbox.claim('third', 30_000, 10, new Date(now.getTime() + 120_000))).toEqual([]);
  });

  it('queues one reminder per window with inquiries still 未対応, once per day', async () => {
    const store = open();
    const a = await addInquiry(store, to(MINE));
    const b = await addInquiry(store, to(MINE, OTHER));
    const c = await addInquiry(store, to(THIRD));
    const s = await store.staff.create({ login: 'rem', name: 'R', memberships: [] });
    await store.inbox.changeStatus(c.publicId, { status: 'inProgress', version: 1, staffId: s.id });
    for (const item of await store.outbox.claim('w', 60_000, 100, new Date(Date.now() + 1000))) await store.outbox.sent(item.id, new Date());
    const later = new Date(Date.now() + 60_000);
    expect(await store.outbox.queueReminders('2026-12-07', later)).toBe(2);
    expect(await store.outbox.queueReminders('2026-12-07', later)).toBe(0);
    const reminders = (await store.outbox.due(later, 10)).filter((d) => d.kind === 'reminder');
    expect(reminders.map((r) => [r.window, r.receipts]).sort()).toEqual([[MINE, [a.receipt, b.receipt].sort()], [OTHER, [b.receipt]]].sort());
    expect(reminders[0]).toMatchObject({ receipt: null, publicId: null });
    expect(await store.outbox.queueReminders('2026-12-08', new Date(0))).toBe(0);
  });

  it('claims a daily job once per day (outbox.claimDaily)', async () => {
    const store = open();
    expect(await store.outbox.claimDaily('digest', '2026-12-07')).toBe(true);
    expect(await store.outbox.claimDaily('digest', '2026-12-07')).toBe(false);
    expect(await store.outbox.claimDaily('other', '2026-12-07')).toBe(true);
    expect(await store.outbox.claimDaily('digest', '2026-12-08')).toBe(true);
    expect(await store.outbox.claimDaily('digest', '2026-12-07')).toBe(false);
  });
});

describe('jobs: claimDaily, finishDaily, daily', () => {
  it('lets one worker hold the day while its lease runs, again after it lapsed, and nobody once done', async () => {
    const store = open();
    const t = new Date('2026-12-07T01:00:00Z');
    const at = (ms: number) => new Date(t.getTime() + ms);
    expect(await store.jobs.daily('purge', '2026-12-07')).toBeUndefined();
    expect(await store.jobs.claimDaily('purge', '2026-12-07', 'a', 60_000, t)).toBe(true);
    expect(await store.jobs.claimDaily('purge', '2026-12-07', 'b', 60_000, at(59_999))).toBe(false);
    expect(await store.jobs.claimDaily('purge', '2026-12-07', 'a', 60_000, at(1000))).toBe(true);
    expect(await store.jobs.daily('purge', '2026-12-07')).toEqual({ worker: 'a', leaseUntil: t.getTime() + 61_000, doneAt: null });
    expect(await store.jobs.finishDaily('purge', '2026-12-07', 'b', at(2000))).toBe(false);
    expect(await store.jobs.finishDaily('purge', '2026-12-07', 'a', at(2000))).toBe(true);
    expect(await store.jobs.daily('purge', '2026-12-07')).toEqual({ worker: 'a', leaseUntil: t.getTime() + 61_000, doneAt: at(2000).toISOString() });
    expect(await store.jobs.finishDaily('purge', '2026-12-07', 'a', at(3000))).toBe(false);
    expect(await store.jobs.claimDaily('purge', '2026-12-07', 'a', 60_000, at(3000))).toBe(false);
    expect(await store.jobs.claimDaily('purge', '2026-12-07', 'b', 60_000, at(3_600_000))).toBe(false);
    // The next day, and another job, are claims of their own.
    expect(await store.jobs.claimDaily('purge', '2026-12-08', 'b', 60_000, at(3000))).toBe(true);
    expect(await store.jobs.claimDaily('remind', '2026-12-07', 'b', 60_000, at(3000))).toBe(true);
    // A lease that lapsed without the job done passes to another worker; the first can no longer finish it.
    expect(await store.jobs.claimDaily('remind', '2026-12-07', 'a', 60_000, at(63_001))).toBe(true);
    expect(await store.jobs.finishDaily('remind', '2026-12-07', 'b', at(64_000))).toBe(false);
    expect((await store.jobs.daily('remind', '2026-12-07'))!.worker).toBe('a');
  });
});

describe('limits: hit', () => {
  it('counts requests per bucket and key in a fixed window, and starts again after it', async () => {
    const store = open();
    const t = 50_000_000;
    expect(await store.limits.hit('form', '198.51.100.7', 60_000, t)).toEqual({ count: 1, resetAt: t + 60_000 });
    expect(await store.limits.hit('form', '198.51.100.7', 60_000, t + 10)).toEqual({ count: 2, resetAt: t + 60_000 });
    expect(await store.limits.hit('form', '198.51.100.8', 60_000, t + 10)).toEqual({ count: 1, resetAt: t + 60_010 });
    expect(await store.limits.hit('report', '198.51.100.7', 60_000, t + 10)).toEqual({ count: 1, resetAt: t + 60_010 });
    expect(await store.limits.hit('form', '198.51.100.7', 60_000, t + 60_000)).toEqual({ count: 1, resetAt: t + 120_000 });
  });
});

describe('health: migrations, keyOpens, oldestUnsent', () => {
  it('reports every known migration applied, whether a key opens the data, and the oldest unsent e-mail', async () => {
    const store = open();
    const { applied, known } = await store.health.migrations();
    expect(known).toBeGreaterThan(0);
    expect(applied).toBe(known);
    expect(await store.health.keyOpens(KEY)).toBe(true);
    expect(await store.health.keyOpens(key())).toBe(false);
    expect(await store.health.oldestUnsent()).toBeNull();
    const before = Date.now();
    await addInquiry(store);
    const oldest = await store.health.oldestUnsent();
    expect(oldest).toBeGreaterThanOrEqual(before - 1000);
    expect(oldest).toBeLessThanOrEqual(Date.now());
    for (const item of await store.outbox.claim('w', 60_000, 10, new Date(Date.now() + 1000))) await store.outbox.sent(item.id, new Date());
    expect(await store.health.oldestUnsent()).toBeNull();
  });
});

describe('retention: purgeCompleted, deleteOne', () => {
  it('deletes inquiries completed before the date and a resident-requested one, keeps anonymous counts, and never reuses a receipt number', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'ret', name: 'R', memberships: [] });
    const done = await addInquiry(store);
    const open1 = await addInquiry(store, to(MINE, OTHER));
    const asked = await addInquiry(store, to(OTHER));
    await store.inbox.changeStatus(done.publicId, { status: 'done', version: 1, staffId: s.id });
    expect(await store.retention.purgeCompleted(new Date(Date.now() - 86_400_000))).toEqual({ deleted: 0 });
    expect(await store.retention.purgeCompleted(new Date(Date.now() + 60_000))).toEqual({ deleted: 1 });
    expect(await store.get(done.receipt)).toBeUndefined();
    expect(await store.inbox.get(done.publicId)).toBeUndefined();
    expect(await store.retention.deleteOne(asked.publicId)).toBe(true);
    expect(await store.retention.deleteOne(asked.publicId)).toBe(false);
    expect(await store.get(asked.receipt)).toBeUndefined();
    expect(await store.count()).toBe(1);
    expect((await store.inbox.list([MINE, OTHER], {}, 10)).rows.map((r) => r.receipt)).toEqual([open1.receipt]);
    expect((await store.outbox.due(new Date(Date.now() + 1000), 10)).map((d) => d.receipt).filter((r) => r !== open1.receipt)).toEqual([]);
    expect(await store.stats.records()).toHaveLength(3);
    const next = await store.create(inquiry, to(MINE), 'after-delete');
    expect(seq(next.receipt)).toBe(seq(asked.receipt) + 1);
  });
});

describe('stats: records', () => {
  it('gives one anonymous record per inquiry (JST month, area, writer, categories, windows, first response), leaving out 対応不要', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'stat', name: 'S', memberships: [] });
    expect(await store.stats.records()).toEqual([]);
    const a = await addInquiry(store, to(MINE, OTHER));
    const b = await addInquiry(store, to(MINE));
    await addInquiry(store, to(OTHER));
    const month = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7);
    await store.inbox.addNote(a.publicId, { text: '初回連絡', staffId: s.id });
    await store.inbox.changeStatus(b.publicId, { status: 'notNeeded', version: 1, staffId: s.id });
    const records = await store.stats.records();
    expect(records).toHaveLength(2);
    for (const r of records) expect(r).toMatchObject({ month, area: inquiry.area, writer: inquiry.writer, categories: inquiry.categories });
    expect(records.map((r) => [r.windowCount, r.firstResponseMinutes]).sort()).toEqual([[1, null], [2, 0]].sort());
    expect(JSON.stringify(records)).not.toContain(a.receipt);
  });
});

describe('facts: report, confirm, propose, list, ofWindow, decide, lastStatement, reminders, applied', () => {
  it('keeps residents’ reports and windows’ statements, decides each once, and marks approved ones applied', async () => {
    const store = open();
    const s = await store.staff.create({ login: 'facts', name: '窓口', memberships: [{ role: 'staff', window: MINE }] });
    const ed = await store.staff.create({ login: 'editor', name: '編集', memberships: [{ role: 'editor', window: '*' }] });
    const t = (m: number) => new Date(Date.UTC(2026, 11, 7, 1, m));
    expect(await store.facts.lastStatement(MINE)).toBeNull();
    const report = await store.facts.report({ window: MINE, text: '電話番号が違うようです', at: t(0) });
    const confirm = await store.facts.confirm({ window: MINE, staffId: s.id, at: t(1) });
    const change = await store.facts.propose({ window: MINE, staffId: s.id, field: 'hours', value: { text: '平日 9時〜17時' }, at: t(2) });
    await store.facts.confirm({ window: OTHER, staffId: s.id, at: t(3) });
    expect(new Set([report, confirm, change]).size).toBe(3);
    expect(await store.facts.lastStatement(MINE)).toBe(t(2).toISOString());

    const pending = await store.facts.list(['pending']);
    expect(pending.map((p) => p.id)).toEqual([report, confirm, change, pending[3]!.id]);
    expect(pending[0]).toMatchObject({ kind: 'report', window: MINE, text: '電話番号が違うようです', field: null, value: null, staffId: null, state: 'pending', createdAt: t(0).toISOString() });
    expect(pending[2]).toMatchObject({ kind: 'change', field: 'hours', value: { text: '平日 9時〜17時' }, text: null, staffId: s.id, staffName: '窓口' });
    expect((await store.facts.list(['pending'], 2)).length).toBe(2);
    // The window's own page: its statements, newest first, never residents' reports.
    expect((await store.facts.ofWindow(MINE)).map((i) => i.id)).toEqual([change, confirm]);

    expect(await store.facts.decide(change, { approve: true, reason: '確認済み', staffId: ed.id, at: t(5) })).toBe(true);
    expect(await store.facts.decide(change, { approve: false, reason: '二度目', staffId: ed.id, at: t(6) })).toBe(false);
    expect(await store.facts.decide(report, { approve: false, reason: '誤報', staffId: ed.id, at: t(6) })).toBe(true);
    expect(await store.facts.decide(999_999, { approve: true, reason: '', staffId: ed.id, at: t(6) })).toBe(false);
    expect((await store.facts.list(['approved']))[0]).toMatchObject({ id: change, state: 'approved', decidedBy: '編集', decidedAt: t(5).toISOString(), reason: '確認済み' });
    await store.facts.markApplied([change, report], t(7));
    expect((await store.facts.list(['applied'])).map((i) => i.id)).toEqual([change]);
    expect((await store.facts.list(['rejected'])).map((i) => i.id)).toEqual([report]);
  });

  it('queues the facts check e-mail at most once a week per window, and the editors’ sources e-mail', async () => {
    const store = open();
    expect(await store.facts.queueReminder(MINE, '2026-12-07', '2026-11-30', '2026-12-31')).toBe(true);
    expect(await store.facts.queueReminder(MINE, '2026-12-08', '2026-12-01', '2026-12-31')).toBe(false);
    expect(await store.facts.queueReminder(OTHER, '2026-12-08', '2026-12-01', '2027-01-15')).toBe(true);
    expect(await store.facts.queueReminder(MINE, '2026-12-14', '2026-12-07', '2027-01-15')).toBe(true);
    await store.facts.queueSourcesChanged(['香取市 相談窓口一覧'], new Date());
    const due = await store.outbox.due(new Date(Date.now() + 1000), 10);
    expect(due.filter((d) => d.kind === 'factsCheck').map((d) => [d.window, d.due]).sort()).toEqual(
      [[MINE, '2026-12-31'], [OTHER, '2027-01-15'], [MINE, '2027-01-15']].sort(),
    );
    expect(due.filter((d) => d.kind === 'sourcesChanged').map((d) => d.sources)).toEqual([['香取市 相談窓口一覧']]);
  });
});

describe('two writers on one database', () => {
  it('gives inquiries created at once through two stores unique receipts, numbered without a gap, every one stored once', async () => {
    const path = freshPath();
    const [one, two] = [open(path), open(path)];
    // Both stores exist (and their schema) before the race.
    await Promise.all([one.count(), two.count()]);
    const keys = Array.from({ length: 40 }, (_, i) => `race-${i}`);
    const results = await Promise.all(keys.map((k, i) => (i % 2 ? one : two).create(inquiry, to(MINE), k)));
    // The same keys again, through the other store: the first receipts, nothing new.
    const retries = await Promise.all(keys.map((k, i) => (i % 2 ? two : one).create(inquiry, to(MINE), k)));
    expect(results.every((r) => r.created)).toBe(true);
    expect(retries).toEqual(results.map((r) => ({ receipt: r.receipt, created: false })));
    const receipts = results.map((r) => r.receipt);
    expect(new Set(receipts).size).toBe(40);
    // Per day: the sequence numbers of each day's receipts follow on without a gap.
    for (const [, ofDay] of Map.groupBy(receipts, (r) => r.slice(0, 8))) {
      const numbers = ofDay.map(seq).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    }
    expect(receipts.map(seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await one.count()).toBe(40);
    expect((await two.inbox.list([MINE], {}, 100)).total).toBe(40);
    expect((await one.readAll()).items.map((s) => s.receipt).sort()).toEqual([...receipts].sort());
  });

  it('lets only one of two stores win a versioned change, a claim, and a daily job', async () => {
    const path = freshPath();
    const [one, two] = [open(path), open(path)];
    const { publicId } = await addInquiry(one, to(MINE));
    const s = await one.staff.create({ login: 'race', name: 'R', memberships: [] });
    const changes = await Promise.all([one, two].map((st, i) => st.inbox.changeStatus(publicId, { status: i ? 'done' : 'inProgress', version: 1, staffId: s.id })));
    expect(changes.filter((c) => c.ok)).toHaveLength(1);
    expect(changes.filter((c) => !c.ok)).toEqual([{ ok: false, reason: 'stale' }]);
    const now = new Date(Date.now() + 1000);
    const claims = await Promise.all([one.outbox.claim('one', 60_000, 10, now), two.outbox.claim('two', 60_000, 10, now)]);
    expect(claims.flat()).toHaveLength(1);
    const daily = await Promise.all([one.jobs.claimDaily('j', '2026-12-07', 'one', 60_000, now), two.jobs.claimDaily('j', '2026-12-07', 'two', 60_000, now)]);
    expect(daily.sort()).toEqual([false, true]);
    const hits = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).limits.hit('form', 'x', 60_000, 1000)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });
});

describe('sealing', () => {
  it('gives sealed fields back with the same key after a reopen, and a store opened with another key cannot read them', async () => {
    const path = freshPath();
    const sealer = createSealer(key());
    const first = open(path, sealer);
    const marker = `封印${randomBytes(4).toString('hex')}`;
    const body = { ...inquiry, name: `${marker}名`, details: `${marker}の相談` };
    const { receipt } = await first.create(body, to(MINE), 'sealed-1');
    const publicId = (await publicIdOf(first, receipt, [MINE]))!;
    const s = await first.staff.create({ login: 'seal', name: 'S', memberships: [] });
    await first.inbox.addNote(publicId, { text: `${marker}メモ`, staffId: s.id });
    await first.close();

    const again = open(path, sealer);
    expect((await again.get(receipt))!.inquiry).toEqual(body);
    expect((await again.inbox.get(publicId))!.events.at(-1)!.detail).toEqual({ text: `${marker}メモ` });
    await again.close();

    // Refused at open, or on the first read: either way nothing sealed comes back.
    let other: Store | Error;
    try {
      other = open(path, createSealer(key()));
    } catch (e) {
      other = e as Error;
    }
    if (other instanceof Error) {
      expect(other.message).toMatch(/key/i);
      return;
    }
    const reader = other;
    const reads = [() => reader.get(receipt), () => reader.inbox.get(publicId), () => reader.inbox.getMany([publicId]), () => reader.list(), () => reader.readAll()];
    for (const read of reads) {
      // One at a time, each awaited: a read that throws leaves none of the others running.
      const outcome = await (async () => read())().then((v) => JSON.stringify(v), (e: Error) => `refused: ${e.message}`);
      expect(outcome).not.toContain(marker);
    }
  });
});

describe('migrations from every earlier version', () => {
  it('opens a store made before and reopens it: nothing is migrated twice and everything is kept', async () => {
    const path = freshPath();
    const first = open(path);
    const { receipt } = await first.create(inquiry, to(MINE), 'reopen-1');
    await first.close();
    const again = open(path);
    const { applied, known } = await again.health.migrations();
    expect(applied).toBe(known);
    expect((await again.get(receipt))!.inquiry).toEqual(inquiry);
  });

  // The earlier schemas this repository carries as files written by the code of their time
  // (tests/staff/fixtures/db-v<N>.sqlite). They are SQLite files; PostgreSQL's earlier versions are
  // tested in tests/postgres/ (migrations across servers).
  const fixtures = testsPostgres() ? [] : [{ version: 1, file: 'db-v1.sqlite', inquiries: 3 }];
  for (const f of fixtures) {
    it(`upgrades a version ${f.version} database: every inquiry readable, in the inbox as 未対応, and the store fully working`, async () => {
      const path = freshPath();
      for (const suffix of ['', '-wal', '-shm']) {
        const source = new URL(`../staff/fixtures/${f.file}${suffix}`, import.meta.url);
        if (existsSync(source)) copyFileSync(source, `${path}${suffix}`);
      }
      // A database from before sealing has no key yet: the store seals it with the key it is given.
      const store = open(path);
      const { applied, known } = await store.health.migrations();
      expect(applied).toBe(known);
      expect(await store.count()).toBe(f.inquiries);
      const { items, unreadable } = await store.readAll();
      expect(unreadable).toBe(0);
      expect(items).toHaveLength(f.inquiries);
      for (const item of items) {
        expect(item.events.map((e) => e.type)).toEqual(['received', 'routed']);
        const row = (await store.inbox.list(item.routing.windows, {}, 100)).rows.find((r) => r.receipt === item.receipt)!;
        expect(row).toMatchObject({ status: 'new', windows: [...new Set(item.routing.windows)].sort() });
        expect((await store.inbox.get(row.publicId))!.inquiry).toEqual(item.inquiry);
      }
      // New writes follow on after the old receipts, and every later table is there.
      const next = await store.create(inquiry, to(MINE), 'after-upgrade');
      expect(seq(next.receipt)).toBe(Math.max(...items.map((i) => seq(i.receipt))) + 1);
      const s = await store.staff.create({ login: 'upgraded', name: 'U', memberships: [{ role: 'staff', window: MINE }] });
      await store.staff.audit({ staffId: s.id, action: 'after.upgrade' });
      expect((await store.staff.auditLog({ limit: 1, offset: 0 })).rows[0]!.action).toBe('after.upgrade');
      expect((await store.limits.hit('form', 'x', 1000, 1)).count).toBe(1);
      expect(await store.jobs.claimDaily('j', '2026-12-07', 'w', 1000)).toBe(true);
      expect(await store.facts.report({ window: MINE, text: 'x', at: new Date() })).toBeGreaterThan(0);
      expect(await store.health.keyOpens(KEY)).toBe(true);
      await store.close();
      // Reopened: sealed now, and still readable with the key.
      const again = open(path);
      expect((await again.readAll()).items.map((i) => i.inquiry)).toEqual([...items.map((i) => i.inquiry), inquiry]);
    });
  }
});
