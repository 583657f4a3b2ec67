import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABSOLUTE_MS, ENROL_MS, hashPassword, hashToken, IDLE_MS, LOCK_AFTER, LOCK_MS, lockState, openEnrolment, resumeSession, signInWithPassword, SLOW_AFTER, startSession, totpNow, unlockLogin, verifyPassword } from '@/server/staff/auth';
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

  it(`slows down after ${SLOW_AFTER} failures and locks after ${LOCK_AFTER} from one address, even for the right password, then unlocks`, async () => {
    const { store, secret } = await withAccount();
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    const now = Date.now();
    const ip = '198.51.100.7';
    for (let i = 0; i < LOCK_AFTER; i++) await signInWithPassword(store, { login: 'sato', password: 'wrong password!', code: '000000', ip }, now, wait);
    expect(waits.length).toBe(LOCK_AFTER - SLOW_AFTER);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    const locked = await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip }, now, wait);
    expect(locked.ok).toBe(false);
    expect((await store.staff.auditLog({ limit: 1, offset: 0 })).rows[0]!.action).toBe('signIn.locked');
    // A login that does not exist slows down and locks just the same: nothing tells them apart.
    for (let i = 0; i < LOCK_AFTER; i++) await signInWithPassword(store, { login: 'ghost', password: 'x', code: '000000', ip }, now, wait);
    expect((await lockState(store, 'ghost', ip, now)).locked).toBe(true);
    const later = now + LOCK_MS + 1000;
    expect((await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip }, later, wait)).ok).toBe(true);
    await store.close();
  }, 180_000);
});

describe('lock-out an attacker cannot aim at the owner (issue 25)', () => {
  const noWait = async () => undefined;
  // The stored hash names its own parameters, so these accounts use a cheap one: a hundred tries then take
  // seconds, not minutes. What is tested is the throttle, which is the same whatever the hash costs.
  const cheapHash = (password: string) => {
    const salt = randomBytes(16);
    return ['scrypt', 1024, 8, 1, salt.toString('base64url'), scryptSync(password.normalize('NFC'), salt, 64, { N: 1024, r: 8, p: 1 }).toString('base64url')].join('$');
  };
  async function withCheapAccount() {
    const store = openTestStore(freshPath());
    const secret = randomSecret();
    const account = await store.staff.create({ login: 'sato', name: '佐藤', memberships: [{ role: 'staff', window: MINE }] });
    await store.staff.completeEnrolment(account.id, cheapHash(PASSWORD), secret);
    expect(await verifyPassword(PASSWORD, (await store.staff.credentials(account.id)).passwordHash)).toBe(true);
    return { store, secret };
  }
  const attacker = '203.0.113.66';
  const owner = '192.0.2.10';

  it('after 100 failures from one address, the owner signs in from another; the attacker’s address stays locked even with the right password', async () => {
    const { store, secret } = await withCheapAccount();
    const now = Date.now();
    for (let i = 0; i < 100; i++) await signInWithPassword(store, { login: 'sato', password: `guess ${i}`, code: '123456', ip: attacker }, now + i * 1000, noWait);
    expect((await lockState(store, 'sato', attacker, now + 100_000)).locked).toBe(true);
    expect((await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip: owner }, now + 100_000, noWait)).ok).toBe(true);
    // The attacker's address is locked for every login once it passes the per-address limit.
    expect((await lockState(store, 'someone-else', attacker, now + 100_000)).locked).toBe(true);
    expect((await lockState(store, 'someone-else', owner, now + 100_000)).locked).toBe(false);
    await store.close();
  }, 180_000);

  it('never renews a lock by itself: one try every 14 minutes does not keep the login locked', async () => {
    const { store, secret } = await withCheapAccount();
    const t0 = Date.now();
    for (let i = 0; i < LOCK_AFTER; i++) await signInWithPassword(store, { login: 'sato', password: 'wrong', code: '000000', ip: attacker }, t0, noWait);
    // During the lock, a wrong try every 14 minutes changes nothing: the lock ends when it was set to.
    for (let at = t0 + 14 * 60_000; at < t0 + LOCK_MS; at += 14 * 60_000) await signInWithPassword(store, { login: 'sato', password: 'wrong', code: '000000', ip: attacker }, at, noWait);
    expect((await lockState(store, 'sato', attacker, t0 + LOCK_MS + 1)).locked).toBe(false);
    expect((await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip: attacker }, t0 + LOCK_MS + 1, noWait)).ok).toBe(true);
    await store.close();
  }, 180_000);

  it('is lifted at once by an admin’s unlock, from every address', async () => {
    const { store, secret } = await withCheapAccount();
    const now = Date.now();
    for (const ip of [attacker, owner]) for (let i = 0; i < LOCK_AFTER; i++) await signInWithPassword(store, { login: 'sato', password: 'wrong', code: '000000', ip }, now, noWait);
    expect((await lockState(store, 'sato', owner, now)).locked).toBe(true);
    expect(await unlockLogin(store, 'SATO')).toBe(2);
    expect((await signInWithPassword(store, { login: 'sato', password: PASSWORD, code: totpNow(secret), ip: owner }, now, noWait)).ok).toBe(true);
    await store.close();
  }, 180_000);
});

describe('enrolment links are spent by the first enrolment, whatever the method (issue 25)', () => {
  const passkey = (staffId: number, id = `pk-${Math.random()}`) => ({ id, staffId, publicKey: new Uint8Array([1, 2, 3]), counter: 0, transports: [] });

  it('a passkey spends it: the link opens nothing afterwards, and no password or second passkey can be added through it', async () => {
    const store = openTestStore(freshPath());
    const a = await store.staff.create({ login: 'kato', name: '加藤', memberships: [{ role: 'staff', window: MINE }] });
    const token = await openEnrolment(store, a.id);
    const hash = hashToken(token);
    expect((await store.staff.byEnrolmentToken(hash, new Date()))?.id).toBe(a.id);
    expect(await store.staff.enrolWithPasskey(hash, new Date(), passkey(a.id))).toBe(true);
    expect(await store.staff.byEnrolmentToken(hash, new Date())).toBeUndefined();
    expect(await store.staff.enrolWithPasskey(hash, new Date(), passkey(a.id))).toBe(false);
    expect(await store.staff.enrolWithPassword(hash, new Date(), await hashPassword(PASSWORD), randomSecret())).toBe(false);
    expect(await store.staff.passkeysOf(a.id)).toHaveLength(1);
    expect(await store.staff.credentials(a.id)).toMatchObject({ passwordHash: null, totpSecret: null, enrolmentOpen: false });
    await store.close();
  });

  it('a password + TOTP spends it, and an expired link spends nothing', async () => {
    const store = openTestStore(freshPath());
    const a = await store.staff.create({ login: 'ito', name: '伊藤', memberships: [{ role: 'staff', window: MINE }] });
    const hash = hashToken(await openEnrolment(store, a.id));
    expect(await store.staff.enrolWithPassword(hash, new Date(Date.now() + ENROL_MS + 1), await hashPassword(PASSWORD), randomSecret())).toBe(false);
    expect(await store.staff.enrolWithPassword(hash, new Date(), await hashPassword(PASSWORD), randomSecret())).toBe(true);
    expect(await store.staff.enrolWithPasskey(hash, new Date(), passkey(a.id))).toBe(false);
    expect(await store.staff.passkeysOf(a.id)).toHaveLength(0);
    await store.close();
  });
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
    // An admin who is also a staff member of a window (a small 社協's one person): both sets of rights.
    const adminMember = { memberships: [...admin.memberships, { role: 'staff' as const, window: MINE }] };
    expect(can(adminMember, 'accounts.manage')).toBe(true);
    expect(can(adminMember, 'inquiry.read', { windows: [MINE] })).toBe(true);
    expect(can(adminMember, 'inquiry.read', { windows: [OTHER] })).toBe(false);
    expect(inboxWindows(adminMember)).toEqual([MINE]);
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
