// Staff sign-in: password hashing (scrypt, OWASP parameters), TOTP (otplib), slow-down and lock-out
// after failures, and server-side sessions of which only the token's SHA-256 is stored.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { generateSecret, generateSync, verifySync } from 'otplib';
import type { StaffAccount, StaffSession, Store } from '@/server/store/types';

// ---- Passwords ------------------------------------------------------------------------------
/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 (128 MiB; maxmem raised to allow it). */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 64 } as const;
/**
 * How many scrypt runs at once (SCRYPT_CONCURRENCY, default 1). Each takes 128 MiB and one of libuv's
 * four threads for ~370 ms; those threads also do the inquiries' fsync and the static files' reads, so a
 * sign-in flood must wait in this queue instead of taking them all: it slows sign-in, never residents.
 */
const scryptSlots = createSlots(Math.max(1, Number(process.env.SCRYPT_CONCURRENCY) || 1));
const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  scryptSlots.run(() => new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)))));

/** At most `size` tasks at once; the rest wait their turn in order. */
export function createSlots(size: number) {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (busy >= size) await new Promise<void>((resolve) => waiting.push(resolve));
      else busy++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else busy--;
      }
    },
    get waiting() {
      return waiting.length;
    },
  };
}
const scryptOptions = (N: number, r: number, p: number) => ({ N, r, p, maxmem: 256 * N * r + 1024 * 1024 });

/** Stored as `scrypt$N$r$p$salt$hash` (base64url), so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, SCRYPT.keyLength, scryptOptions(SCRYPT.N, SCRYPT.r, SCRYPT.p));
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // With no stored hash (unknown login, or not enrolled) the same work is done, so timing tells nothing.
  const [kind, n, r, p, salt, hash] = (stored ?? DUMMY_HASH).split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, scryptOptions(Number(n), Number(r), Number(p)));
  return timingSafeEqual(key, expected) && stored !== null;
}
const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(64).toString('base64url')}`;

export const MIN_PASSWORD_LENGTH = 12;

// ---- TOTP -----------------------------------------------------------------------------------
export const newTotpSecret = () => generateSecret();
/**
 * The time step (30 s) a code belongs to, or null when it is wrong. Accepts the current code and the
 * one either side of it (30 s of clock drift).
 */
export function totpStep(secret: string | null, code: string): number | null {
  if (!secret || !/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({ secret, token: code, epochTolerance: 30 });
    // otplib's result type covers HOTP too; a TOTP result always carries its time step.
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null; // a malformed stored secret signs nobody in
  }
}
/** Whether a code is right for a secret (enrolment checks the app before storing the secret). */
export const verifyTotp = (secret: string | null, code: string): boolean => totpStep(secret, code) !== null;
/** The current code (the CLI and tests compute it the way an authenticator app does). */
export const totpNow = (secret: string) => generateSync({ secret });

// ---- Failures: slow down, then lock, per (login, address) and per address ----------------------
// Failures from one address lock that address (for one login, or for all at a higher count), never the
// login everywhere: an attacker elsewhere cannot lock the owner out of their own address, and passkeys
// are not throttled by password failures. A lock lasts LOCK_MS from when it began; failures during it do
// not extend it. An admin can lift a login's locks at once (audited).
/** After this many failures in a row from one address for one login each answer waits longer. */
export const SLOW_AFTER = 3;
/** Failures for one login from one address within WINDOW_MS that lock that pair. */
export const LOCK_AFTER = 10;
/** Failures from one address, whatever the logins, within WINDOW_MS that lock the address. */
export const ADDRESS_LOCK_AFTER = 50;
export const LOCK_MS = 15 * 60_000;
export const WINDOW_MS = 15 * 60_000;

const loginPrefix = (login: string) => `login:${login.trim().toLowerCase()}|`;
/** The throttle keys of an attempt; keyed by the login as typed, whether or not it exists. */
export const throttleKeys = (login: string, ip: string | null) => ({ pair: `${loginPrefix(login)}${ip ?? 'unknown'}`, address: `address:${ip ?? 'unknown'}` });

export async function lockState(store: Store, login: string, ip: string | null, now: number): Promise<{ locked: boolean; waitMs: number }> {
  const keys = throttleKeys(login, ip);
  const rows = await store.staff.throttles([keys.pair, keys.address]);
  const locked = [...rows.values()].some((r) => r.lockedUntil !== null && r.lockedUntil > now);
  const pair = rows.get(keys.pair);
  const count = pair && now - pair.windowStart <= WINDOW_MS ? pair.count : 0;
  return { locked, waitMs: count >= SLOW_AFTER ? Math.min(250 * 2 ** (count - SLOW_AFTER), 4000) : 0 };
}

async function recordFailure(store: Store, login: string, ip: string | null, now: number) {
  const keys = throttleKeys(login, ip);
  await store.staff.recordFailure([keys.pair], now, { windowMs: WINDOW_MS, lockAfter: LOCK_AFTER, lockMs: LOCK_MS });
  await store.staff.recordFailure([keys.address], now, { windowMs: WINDOW_MS, lockAfter: ADDRESS_LOCK_AFTER, lockMs: LOCK_MS });
}

/** An admin's unlock: every address's lock on this login goes. Returns how many were lifted. */
export const unlockLogin = (store: Store, login: string) => store.staff.clearThrottles(loginPrefix(login));

export type SignInResult = { ok: true; account: StaffAccount } | { ok: false };

/**
 * Password + TOTP. Never the password alone. Every outcome is audited; the caller shows one message
 * for every failure (wrong login, password, code, disabled, locked).
 */
export async function signInWithPassword(
  store: Store,
  input: { login: string; password: string; code: string; ip: string | null },
  now = Date.now(),
  wait: (ms: number) => Promise<unknown> = delay,
): Promise<SignInResult> {
  const login = input.login.trim().toLowerCase().slice(0, 60);
  const { locked, waitMs } = await lockState(store, login, input.ip, now);
  if (waitMs) await wait(waitMs);
  const account = await store.staff.byLogin(login);
  const creds = account ? await store.staff.credentials(account.id) : undefined;
  const passwordOk = await verifyPassword(input.password, creds?.passwordHash ?? null);
  const step = totpStep(creds?.totpSecret ?? null, input.code.trim());
  const right = !locked && account?.state === 'active' && passwordOk && step !== null;
  // A right code is used up only here, when everything else is right too; a code seen before is a replay.
  const reused = right && !(await store.staff.useTotpStep(account.id, step));
  const ok = right && !reused;
  if (!ok) {
    // Counted even while locked (the address's count keeps growing); a lock in force is never extended.
    await recordFailure(store, login, input.ip, now);
    await store.staff.audit({ action: locked ? 'signIn.locked' : 'signIn.failed', login, staffId: account?.id, ip: input.ip, detail: { method: 'password+totp', ...(reused ? { codeReused: true } : {}) } });
    return { ok: false };
  }
  await store.staff.clearThrottles(throttleKeys(login, input.ip).pair);
  return { ok: true, account: account! };
}

// ---- Sessions -------------------------------------------------------------------------------
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
/** Export asks for a sign-in this recent. */
export const FRESH_MS = 5 * 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export async function startSession(store: Store, account: StaffAccount, now = Date.now()): Promise<{ token: string; session: StaffSession }> {
  const token = newToken();
  const session: StaffSession = { staffId: account.id, csrfToken: newToken(), createdAt: now, seenAt: now, authenticatedAt: now };
  await store.staff.createSession(hashToken(token), session);
  return { token, session };
}

/** The session for a cookie value, if still valid (idle and absolute limits); touching it keeps it alive. */
export async function resumeSession(store: Store, token: string | undefined, now = Date.now()): Promise<{ session: StaffSession; account: StaffAccount } | undefined> {
  if (!token) return undefined;
  const hash = hashToken(token);
  const session = await store.staff.session(hash);
  if (!session) return undefined;
  const account = await store.staff.byId(session.staffId);
  if (now - session.seenAt > IDLE_MS || now - session.createdAt > ABSOLUTE_MS || account?.state !== 'active') {
    await store.staff.endSession(hash);
    return undefined;
  }
  // Write at most once a minute: the idle limit does not need more, and reads stay reads.
  if (now - session.seenAt > 60_000) await store.staff.touchSession(hash, now);
  return { session, account };
}

// ---- Enrolment ------------------------------------------------------------------------------
export const ENROL_MS = 24 * 60 * 60_000;

/** Opens a one-time enrolment for the account and returns the token for its link. */
export async function openEnrolment(store: Store, accountId: number, now = Date.now()): Promise<string> {
  const token = newToken();
  await store.staff.openEnrolment(accountId, hashToken(token), new Date(now + ENROL_MS));
  return token;
}
