// node:sqlite implementation of StaffStore: accounts, memberships (role × window), credentials,
// passkeys, sessions (token hashes only), sign-in failures and the append-only audit log.
import type { DatabaseSync } from 'node:sqlite';
import { ANY_WINDOW, windowRoles } from '@/schemas/staff';
import type { AuditRecord, Membership, Passkey, StaffAccount, StaffStore, Throttle } from './types';
import { writeTransaction } from './transaction';
import { auditValues } from './rows';

const states = ['active', 'disabled', 'removed'] as const;

export function createStaffStore(db: DatabaseSync): StaffStore {
  const q = (sql: string) => db.prepare(sql);
  const selectAccount = q('SELECT id, login, name, disabled FROM staff WHERE id = ?');
  const selectByLogin = q('SELECT id, login, name, disabled FROM staff WHERE login = ?');
  const selectMemberships = q('SELECT role, window_id AS window FROM staff_memberships WHERE staff_id = ? ORDER BY role, window_id');
  type Row = { id: number; login: string; name: string; disabled: number };
  const toAccount = (r: Row | undefined): StaffAccount | undefined =>
    r && { id: r.id, login: r.login, name: r.name, state: states[r.disabled] ?? 'disabled', memberships: selectMemberships.all(r.id) as unknown as Membership[] };

  const tx = <T>(fn: () => T): T => writeTransaction(db, fn);
  type PasskeyRow = { id: string; staff_id: number; public_key: Uint8Array; counter: number; transports: string };
  const toPasskey = (r: PasskeyRow): Passkey => ({ id: r.id, staffId: r.staff_id, publicKey: new Uint8Array(r.public_key), counter: r.counter, transports: JSON.parse(r.transports) });
  type SessionRow = { staff_id: number; csrf_token: string; created_at: number; seen_at: number; authenticated_at: number };

  return {
    create: async ({ login, name, memberships }) =>
      tx(() => {
        const { lastInsertRowid } = q('INSERT INTO staff (login, name, created_at) VALUES (?, ?, ?)').run(login, name, new Date().toISOString());
        const id = Number(lastInsertRowid);
        const add = q('INSERT OR IGNORE INTO staff_memberships (staff_id, role, window_id) VALUES (?, ?, ?)');
        for (const m of memberships) add.run(id, m.role, windowRoles.includes(m.role) ? m.window : ANY_WINDOW);
        q('INSERT INTO staff_credentials (staff_id) VALUES (?)').run(id);
        return toAccount(selectAccount.get(id) as Row)!;
      }),
    byId: async (id) => toAccount(selectAccount.get(id) as Row | undefined),
    byLogin: async (login) => toAccount(selectByLogin.get(login) as Row | undefined),
    list: async () => (q('SELECT id, login, name, disabled FROM staff ORDER BY login').all() as Row[]).map((r) => toAccount(r)!),
    setState: async (id, state) =>
      tx(() => {
        q('UPDATE staff SET disabled = ? WHERE id = ?').run(states.indexOf(state), id);
        if (state !== 'active') q('DELETE FROM staff_sessions WHERE staff_id = ?').run(id);
        if (state === 'removed') {
          // The row stays so history keeps naming who did what; everything that signs in goes.
          q('DELETE FROM staff_memberships WHERE staff_id = ?').run(id);
          q('UPDATE staff_credentials SET password_hash = NULL, totp_secret = NULL, totp_last_step = NULL, enrol_token_hash = NULL, enrol_expires_at = NULL WHERE staff_id = ?').run(id);
          q('DELETE FROM staff_passkeys WHERE staff_id = ?').run(id);
        }
      }),
    membersOf: async (window) =>
      (q("SELECT DISTINCT s.id, s.login, s.name, s.disabled FROM staff s JOIN staff_memberships m ON m.staff_id = s.id WHERE m.window_id = ? AND m.role IN ('staff', 'coordinator') AND s.disabled = 0 ORDER BY s.name").all(window) as Row[]).map(
        (r) => toAccount(r)!,
      ),

    credentials: async (id) => {
      const r = q('SELECT password_hash, totp_secret, enrol_token_hash FROM staff_credentials WHERE staff_id = ?').get(id) as
        | { password_hash: string | null; totp_secret: string | null; enrol_token_hash: string | null }
        | undefined;
      return { passwordHash: r?.password_hash ?? null, totpSecret: r?.totp_secret ?? null, enrolmentOpen: Boolean(r?.enrol_token_hash) };
    },
    openEnrolment: async (id, tokenHash, expiresAt) =>
      tx(() => {
        q('UPDATE staff_credentials SET password_hash = NULL, totp_secret = NULL, totp_last_step = NULL, enrol_token_hash = ?, enrol_expires_at = ? WHERE staff_id = ?').run(tokenHash, expiresAt.toISOString(), id);
        q('DELETE FROM staff_passkeys WHERE staff_id = ?').run(id);
        q('DELETE FROM staff_sessions WHERE staff_id = ?').run(id);
      }),
    byEnrolmentToken: async (tokenHash, now) => {
      const r = q('SELECT staff_id FROM staff_credentials WHERE enrol_token_hash = ? AND enrol_expires_at > ?').get(tokenHash, now.toISOString()) as { staff_id: number } | undefined;
      const account = r ? toAccount(selectAccount.get(r.staff_id) as Row) : undefined;
      return account?.state === 'active' ? account : undefined;
    },
    completeEnrolment: async (id, passwordHash, totpSecret) => {
      // A new secret starts its own count of used steps.
      q('UPDATE staff_credentials SET password_hash = ?, totp_secret = ?, totp_last_step = NULL, enrol_token_hash = NULL, enrol_expires_at = NULL WHERE staff_id = ?').run(passwordHash, totpSecret, id);
    },
    // One conditional UPDATE: of two sign-ins with the same code, in any processes, only one changes the row.
    useTotpStep: async (id, step) =>
      q('UPDATE staff_credentials SET totp_last_step = ? WHERE staff_id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)').run(step, id, step).changes === 1,

    addPasskey: async (p) => {
      q('INSERT INTO staff_passkeys (id, staff_id, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(p.id, p.staffId, p.publicKey, p.counter, JSON.stringify(p.transports), new Date().toISOString());
    },
    passkey: async (id) => {
      const r = q('SELECT id, staff_id, public_key, counter, transports FROM staff_passkeys WHERE id = ?').get(id) as PasskeyRow | undefined;
      return r && toPasskey(r);
    },
    passkeysOf: async (staffId) => (q('SELECT id, staff_id, public_key, counter, transports FROM staff_passkeys WHERE staff_id = ?').all(staffId) as PasskeyRow[]).map(toPasskey),
    updatePasskeyCounter: async (id, counter) => {
      q('UPDATE staff_passkeys SET counter = ? WHERE id = ?').run(counter, id);
    },
    rememberChallenge: async (keyHash, { purpose, challenge, expiresAt }, now) =>
      tx(() => {
        q('DELETE FROM webauthn_challenges WHERE expires_at <= ?').run(now);
        q('INSERT INTO webauthn_challenges (key_hash, purpose, challenge, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (key_hash) DO UPDATE SET purpose = excluded.purpose, challenge = excluded.challenge, expires_at = excluded.expires_at').run(keyHash, purpose, challenge, expiresAt);
      }),
    takeChallenge: async (keyHash, purpose, now) => {
      // DELETE … RETURNING: of two requests with the same browser key, only one gets the challenge.
      const r = q('DELETE FROM webauthn_challenges WHERE key_hash = ? RETURNING purpose, challenge, expires_at').get(keyHash) as { purpose: string; challenge: string; expires_at: number } | undefined;
      return r && r.purpose === purpose && r.expires_at > now ? r.challenge : undefined;
    },

    createSession: async (tokenHash, s) => {
      q('INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, seen_at, authenticated_at) VALUES (?, ?, ?, ?, ?, ?)').run(tokenHash, s.staffId, s.csrfToken, s.createdAt, s.seenAt, s.authenticatedAt);
    },
    session: async (tokenHash) => {
      const r = q('SELECT staff_id, csrf_token, created_at, seen_at, authenticated_at FROM staff_sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
      return r && { staffId: r.staff_id, csrfToken: r.csrf_token, createdAt: r.created_at, seenAt: r.seen_at, authenticatedAt: r.authenticated_at };
    },
    touchSession: async (tokenHash, seenAt) => {
      q('UPDATE staff_sessions SET seen_at = ? WHERE token_hash = ?').run(seenAt, tokenHash);
    },
    endSession: async (tokenHash) => {
      q('DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
    },
    endSessionsOf: async (staffId) => {
      q('DELETE FROM staff_sessions WHERE staff_id = ?').run(staffId);
    },

    throttles: async (keys) => {
      const select = q('SELECT count, window_start, locked_until FROM sign_in_throttle WHERE key = ?');
      const out = new Map<string, Throttle>();
      for (const key of keys) {
        const r = select.get(key) as { count: number; window_start: number; locked_until: number | null } | undefined;
        if (r) out.set(key, { count: r.count, windowStart: r.window_start, lockedUntil: r.locked_until });
      }
      return out;
    },
    recordFailure: async (keys, now, { windowMs, lockAfter, lockMs }) => {
      // Every CASE reads the row as it was: a lock in force keeps the row as it is.
      const upsert = q(
        `INSERT INTO sign_in_throttle (key, count, window_start, locked_until) VALUES (:key, 1, :now, CASE WHEN 1 >= :lockAfter THEN :now + :lockMs END)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN locked_until > :now THEN count WHEN :now - window_start > :windowMs THEN 1 WHEN count + 1 >= :lockAfter THEN 0 ELSE count + 1 END,
           locked_until = CASE WHEN locked_until > :now THEN locked_until WHEN :now - window_start > :windowMs THEN NULL WHEN count + 1 >= :lockAfter THEN :now + :lockMs ELSE NULL END,
           window_start = CASE WHEN locked_until > :now THEN window_start WHEN :now - window_start > :windowMs OR count + 1 >= :lockAfter THEN :now ELSE window_start END`,
      );
      tx(() => {
        for (const key of keys) upsert.run({ key, now, windowMs, lockAfter, lockMs });
      });
    },
    clearThrottles: async (prefix) => q("DELETE FROM sign_in_throttle WHERE substr(key, 1, length(?)) = ?").run(prefix, prefix).changes as number,

    enrolWithPassword: async (tokenHash, now, passwordHash, totpSecret) =>
      q('UPDATE staff_credentials SET password_hash = ?, totp_secret = ?, totp_last_step = NULL, enrol_token_hash = NULL, enrol_expires_at = NULL WHERE enrol_token_hash = ? AND enrol_expires_at > ?').run(passwordHash, totpSecret, tokenHash, now.toISOString())
        .changes === 1,
    enrolWithPasskey: async (tokenHash, now, p) =>
      tx(() => {
        const spent = q('UPDATE staff_credentials SET enrol_token_hash = NULL, enrol_expires_at = NULL WHERE enrol_token_hash = ? AND enrol_expires_at > ? AND staff_id = ?').run(tokenHash, now.toISOString(), p.staffId).changes === 1;
        if (spent) q('INSERT INTO staff_passkeys (id, staff_id, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(p.id, p.staffId, p.publicKey, p.counter, JSON.stringify(p.transports), now.toISOString());
        return spent;
      }),
    markAuthenticated: async (tokenHash, at) => {
      q('UPDATE staff_sessions SET authenticated_at = ? WHERE token_hash = ?').run(at, tokenHash);
    },
    setWindows: async (id, memberships) =>
      tx(() => {
        q(`DELETE FROM staff_memberships WHERE staff_id = ? AND window_id <> '${ANY_WINDOW}'`).run(id);
        const add = q('INSERT OR IGNORE INTO staff_memberships (staff_id, role, window_id) VALUES (?, ?, ?)');
        for (const m of memberships) if (windowRoles.includes(m.role) && m.window !== ANY_WINDOW) add.run(id, m.role, m.window);
      }),
    setRole: async (id, role, granted) => {
      if (windowRoles.includes(role)) throw new Error(`${role} belongs to a window: use setWindows`);
      if (granted) q('INSERT OR IGNORE INTO staff_memberships (staff_id, role, window_id) VALUES (?, ?, ?)').run(id, role, ANY_WINDOW);
      else q('DELETE FROM staff_memberships WHERE staff_id = ? AND role = ? AND window_id = ?').run(id, role, ANY_WINDOW);
    },

    audit: async (e) => {
      q('INSERT INTO audit_log (at, staff_id, login, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...auditValues(e));
    },
    auditLog: async ({ limit, offset }) => {
      type A = { id: number; at: string; staff_id: number | null; login: string | null; action: string; target: string | null; detail: string; ip: string | null };
      const rows = (q('SELECT id, at, staff_id, login, action, target, detail, ip FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as A[]).map(
        (r): AuditRecord => ({ id: r.id, at: r.at, staffId: r.staff_id, login: r.login, action: r.action, target: r.target, detail: JSON.parse(r.detail), ip: r.ip }),
      );
      return { rows, total: (q('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n };
    },
  };
}
