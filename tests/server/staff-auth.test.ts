import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABSOLUTE_MS, hashPassword, hashToken, IDLE_MS, LOCK_AFTER, resumeSession, signInWithPassword, SLOW_AFTER, startSession, totpNow, verifyPassword } from '@/server/staff/auth';
import { can, inboxWindows } from '@/server/staff/permissions';
import { openTestStore } from '../support/store';
import { randomSecret, staffWindows } from '../staff/support';

// Windows of the selected profile (any will do: permissions treat them alike), and its coordinator.
const { mine: MINE, other: OTHER, coordinator: COORD } = staffWindows;

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'staff-auth-')), 'db.sqlite');
const PASSWORD = 'correct horse battery staple';

async function withAccount() {
  const path = freshPath();
  const store = openTestStore(path);
  const secret = randomSecret();
  const account = await store.staff.create({ login: 'sato', name: '佐藤', memberships: [{ role: 'staff', window: MINE }] });
  await store.staff.completeEnrolment(account.id, await hashPassword(PASSWORD), secret);
  return { path, store, secret, account };
}

describe('password hashing', () => {
  it('uses scrypt with OWASP parameters (N=2^17, r=8, p=1) and a salt per hash', async () => {
    const [a, b] = [await hashPassword('same password'), await hashPassword('same password')];
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same passwore', a)).toBe(false);
    expect(await verifyPassword('anything', null)).toBe(false);
  });
});

describe('sign-in with password + TOTP', () => {
  it('needs both: the password alone, or with a wrong code, never signs in', async () => {
    const { store, secret } = await withAccount();
    const ip = '127.0.0.1';
    expect((await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: '', ip })).ok).toBe(false);
    const wrong = String((Number(totpNow(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    expect((await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: wrong, ip })).ok).toBe(false);
    expect((await signInWithPassword(store, { login: 'SATO', password: PASSWORD, code: totpNow(secret), ip })).ok).toBe(true);
    await store.close();
  });

  it('answers an unknown login, a wrong password and a disabled account the same way, and audits each', async () => {
    const { store, secret, account } = await withAccount();
    const results = [
      await signInWithPassword(store, { login: 'nobody', password: PASSWORD, code: totpNow(secret), ip: null }),
      await signInWithPassword(store, { login: 'sato', password: 'wrong password!', code: totpNow(secret), ip: null }),
    ];
    await store.staff.setState(account.id, 'disabled');
    results.push(await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip: null }));
    expect(results).toEqual([{ ok: false }, { ok: false }, { ok: false }]);
    expect((await store.staff.auditLog({ limit: 10, offset: 0 })).rows.map((r) => [r.action, r.login]).reverse()).toEqual([
      ['signIn.failed', 'nobody'],
      ['signIn.failed', 'sato'],
      ['signIn.failed', 'sato'],
    ]);
    await store.close();
  });

  it(`slows down after ${SLOW_AFTER} failures and locks after ${LOCK_AFTER}, even for the right password, then unlocks`, async () => {
    const { store, secret } = await withAccount();
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    const now = Date.now();
    for (let i = 0; i < LOCK_AFTER; i++) await signInWithPassword(store, { login: 'sato', password: 'wrong password!', code: '000000', ip: null }, now, wait);
    expect(waits.length).toBe(LOCK_AFTER - SLOW_AFTER);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    const locked = await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip: null }, now, wait);
    expect(locked.ok).toBe(false);
    expect((await store.staff.auditLog({ limit: 1, offset: 0 })).rows[0]!.action).toBe('signIn.locked');
    // A login that does not exist slows down and locks just the same: nothing tells them apart.
    for (let i = 0; i < LOCK_AFTER; i++) await signInWithPassword(store, { login: 'ghost', password: 'x', code: '000000', ip: null }, now, wait);
    expect((await store.staff.failures('ghost'))!.count).toBe(LOCK_AFTER);
    const later = now + 16 * 60_000;
    expect((await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip: null }, later, wait)).ok).toBe(true);
    await store.close();
  }, 180_000);
});

describe('sessions', () => {
  it('stores only a hash of the token, and ends after 30 minutes idle or 12 hours in all', async () => {
    const { path, store, account } = await withAccount();
    const t0 = Date.now();
    const { token } = await startSession(store, account, t0);
    // Neither the database file nor its WAL holds the token itself.
    expect(readFileSync(path).includes(Buffer.from(token))).toBe(false);
    expect(readFileSync(`${path}-wal`).includes(Buffer.from(token))).toBe(false);
    expect(readFileSync(`${path}-wal`).includes(Buffer.from(hashToken(token)))).toBe(true);
    await store.close();

    const s = openTestStore(path);
    expect((await resumeSession(s, token, t0 + IDLE_MS - 1000))?.account.login).toBe('sato');
    // Kept alive by use every 20 minutes, it still ends at 12 hours.
    let at = t0 + IDLE_MS - 1000;
    while (at + 20 * 60_000 < t0 + ABSOLUTE_MS) expect(await resumeSession(s, token, (at += 20 * 60_000))).toBeDefined();
    expect(await resumeSession(s, token, t0 + ABSOLUTE_MS + 1)).toBeUndefined();
    const other = (await startSession(s, account, t0)).token;
    expect(await resumeSession(s, other, t0 + IDLE_MS + 1)).toBeUndefined();
    // Once ended it stays ended.
    expect(await resumeSession(s, other, t0 + 1000)).toBeUndefined();
    await s.close();
  });
});

describe('permissions come from role × window', () => {
  const staff = { memberships: [{ role: 'staff' as const, window: MINE }] };
  const admin = { memberships: [{ role: 'admin' as const, window: '*' }] };
  const both = { memberships: [...admin.memberships, { role: 'coordinator' as const, window: COORD }] };
  const planner = { memberships: [{ role: 'planner' as const, window: '*' }] };
  it('lets staff read and change only their windows’ inquiries', () => {
    expect(can(staff, 'inquiry.read', { windows: [MINE, COORD] })).toBe(true);
    expect(can(staff, 'inquiry.change', { windows: [OTHER] })).toBe(false);
    expect(can(staff, 'audit.read')).toBe(false);
    expect(inboxWindows(staff)).toEqual([MINE]);
  });
  it('gives an admin accounts and the audit log but no inquiry content unless also a window member', () => {
    expect(can(admin, 'audit.read')).toBe(true);
    expect(can(admin, 'inquiry.read', { windows: [COORD] })).toBe(false);
    expect(inboxWindows(admin)).toEqual([]);
    expect(can(both, 'inquiry.read', { windows: [COORD] })).toBe(true);
  });
  it('gives a planner counts only', () => {
    expect(can(planner, 'counts.read')).toBe(true);
    expect(can(planner, 'inbox.read')).toBe(false);
    expect(can(planner, 'inquiry.read', { windows: [MINE] })).toBe(false);
    expect(can(undefined, 'inbox.read')).toBe(false);
  });
});

describe('the session cookie', () => {
  it('is __Host- prefixed everywhere except plain-http loopback, where Secure cannot work', async () => {
    const { sessionCookieName, isLocalHttp } = await import('@/server/staff/http');
    expect(sessionCookieName(new URL('https://soudan.example.lg.jp/staff/'))).toBe('__Host-staff-session');
    expect(sessionCookieName(new URL('http://soudan.example.lg.jp/staff/'))).toBe('__Host-staff-session');
    expect(sessionCookieName(new URL('http://localhost:4321/staff/'))).toBe('staff-session');
    expect(isLocalHttp(new URL('http://127.0.0.1:4321/'))).toBe(true);
    expect(isLocalHttp(new URL('https://localhost/'))).toBe(false);
  });
});
