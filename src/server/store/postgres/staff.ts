// PostgreSQL implementation of StaffStore: accounts, memberships (role × window), credentials,
// passkeys, sessions (token hashes only), sign-in failures and the append-only audit log. Everything
// a sign-in needs is here, so a session started on one server works on every other.
import { ANY_WINDOW, windowRoles } from '@/schemas/staff';
import type { AuditRecord, Membership, Passkey, StaffAccount, StaffStore } from '../types';
import type { Db, Query } from './db';
import { auditValues } from '../rows';

const states = ['active', 'disabled', 'removed'] as const;
type Row = { id: number; login: string; name: string; disabled: number };
type PasskeyRow = { id: string; staff_id: number; public_key: Buffer; counter: number; transports: string[] };

export function createPostgresStaffStore(db: Db): StaffStore {
  const { query, run, tx } = db;
  const toAccounts = async (rows: Row[], q: Query = query): Promise<StaffAccount[]> => {
    if (rows.length === 0) return [];
    const ms = await q<{ staff_id: number; role: Membership['role']; window: string }>(
      'SELECT staff_id, role, window_id AS window FROM staff_memberships WHERE staff_id = ANY($1) ORDER BY role, window_id',
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      login: r.login,
      name: r.name,
      state: states[r.disabled] ?? 'disabled',
      memberships: ms.filter((m) => m.staff_id === r.id).map(({ role, window }) => ({ role, window })),
    }));
  };
  const one = async (sql: string, values: unknown[], q: Query = query) => (await toAccounts(await q<Row>(sql, values), q))[0];
  const toPasskey = (r: PasskeyRow): Passkey => ({ id: r.id, staffId: r.staff_id, publicKey: new Uint8Array(r.public_key), counter: r.counter, transports: r.transports });

  return {
    create: ({ login, name, memberships }) =>
      tx(async (q) => {
        const [{ id }] = (await q<{ id: number }>('INSERT INTO staff (login, name, created_at) VALUES ($1, $2, $3) RETURNING id', [login, name, new Date().toISOString()])) as [{ id: number }];
        for (const m of memberships) {
          await q('INSERT INTO staff_memberships (staff_id, role, window_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, m.role, windowRoles.includes(m.role) ? m.window : ANY_WINDOW]);
        }
        await q('INSERT INTO staff_credentials (staff_id) VALUES ($1)', [id]);
        return (await one('SELECT id, login, name, disabled FROM staff WHERE id = $1', [id], q))!;
      }),
    byId: (id) => one('SELECT id, login, name, disabled FROM staff WHERE id = $1', [id]),
    byLogin: (login) => one('SELECT id, login, name, disabled FROM staff WHERE lower(login) = lower($1)', [login]),
    list: async () => toAccounts(await query<Row>('SELECT id, login, name, disabled FROM staff ORDER BY login')),
    setState: (id, state) =>
      tx(async (q) => {
        await q('UPDATE staff SET disabled = $1 WHERE id = $2', [states.indexOf(state), id]);
        if (state !== 'active') await q('DELETE FROM staff_sessions WHERE staff_id = $1', [id]);
        if (state === 'removed') {
          // The row stays so history keeps naming who did what; everything that signs in goes.
          await q('DELETE FROM staff_memberships WHERE staff_id = $1', [id]);
          await q('UPDATE staff_credentials SET password_hash = NULL, totp_secret = NULL, totp_last_step = NULL, enrol_token_hash = NULL, enrol_expires_at = NULL WHERE staff_id = $1', [id]);
          await q('DELETE FROM staff_passkeys WHERE staff_id = $1', [id]);
        }
      }),
    membersOf: async (window) =>
      toAccounts(
        await query<Row>(
          "SELECT s.id, s.login, s.name, s.disabled FROM staff s WHERE s.disabled = 0 AND EXISTS (SELECT 1 FROM staff_memberships m WHERE m.staff_id = s.id AND m.window_id = $1 AND m.role IN ('staff', 'coordinator')) ORDER BY s.name",
          [window],
        ),
      ),

    credentials: async (id) => {
      const [r] = await query<{ password_hash: string | null; totp_secret: string | null; enrol_token_hash: string | null }>(
        'SELECT password_hash, totp_secret, enrol_token_hash FROM staff_credentials WHERE staff_id = $1',
        [id],
      );
      return { passwordHash: r?.password_hash ?? null, totpSecret: r?.totp_secret ?? null, enrolmentOpen: Boolean(r?.enrol_token_hash) };
    },
    openEnrolment: (id, tokenHash, expiresAt) =>
      tx(async (q) => {
        await q('UPDATE staff_credentials SET password_hash = NULL, totp_secret = NULL, totp_last_step = NULL, enrol_token_hash = $1, enrol_expires_at = $2 WHERE staff_id = $3', [tokenHash, expiresAt.toISOString(), id]);
        await q('DELETE FROM staff_passkeys WHERE staff_id = $1', [id]);
        await q('DELETE FROM staff_sessions WHERE staff_id = $1', [id]);
      }),
    byEnrolmentToken: async (tokenHash, now) => {
      const account = await one(
        'SELECT s.id, s.login, s.name, s.disabled FROM staff s JOIN staff_credentials c ON c.staff_id = s.id WHERE c.enrol_token_hash = $1 AND c.enrol_expires_at > $2',
        [tokenHash, now.toISOString()],
      );
      return account?.state === 'active' ? account : undefined;
    },
    completeEnrolment: async (id, passwordHash, totpSecret) => {
      // A new secret starts its own count of used steps.
      await run('UPDATE staff_credentials SET password_hash = $1, totp_secret = $2, totp_last_step = NULL, enrol_token_hash = NULL, enrol_expires_at = NULL WHERE staff_id = $3', [passwordHash, totpSecret, id]);
    },
    // One conditional UPDATE: of two sign-ins with the same code, on any servers, only one changes the row.
    useTotpStep: async (id, step) =>
      (await run('UPDATE staff_credentials SET totp_last_step = $1 WHERE staff_id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)', [step, id])) === 1,

    addPasskey: async (p) => {
      await run('INSERT INTO staff_passkeys (id, staff_id, public_key, counter, transports, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        p.id,
        p.staffId,
        Buffer.from(p.publicKey),
        p.counter,
        JSON.stringify(p.transports),
        new Date().toISOString(),
      ]);
    },
    passkey: async (id) => {
      const [r] = await query<PasskeyRow>('SELECT id, staff_id, public_key, counter, transports FROM staff_passkeys WHERE id = $1', [id]);
      return r && toPasskey(r);
    },
    passkeysOf: async (staffId) => (await query<PasskeyRow>('SELECT id, staff_id, public_key, counter, transports FROM staff_passkeys WHERE staff_id = $1 ORDER BY created_at, id', [staffId])).map(toPasskey),
    updatePasskeyCounter: async (id, counter) => {
      await run('UPDATE staff_passkeys SET counter = $1 WHERE id = $2', [counter, id]);
    },
    rememberChallenge: (keyHash, { purpose, challenge, expiresAt }, now) =>
      tx(async (q) => {
        await q('DELETE FROM webauthn_challenges WHERE expires_at <= $1', [now]);
        await q(
          'INSERT INTO webauthn_challenges (key_hash, purpose, challenge, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key_hash) DO UPDATE SET purpose = excluded.purpose, challenge = excluded.challenge, expires_at = excluded.expires_at',
          [keyHash, purpose, challenge, expiresAt],
        );
      }),
    takeChallenge: async (keyHash, purpose, now) => {
      // DELETE … RETURNING: of two requests with the same browser key, on any servers, only one gets it.
      const [r] = await query<{ purpose: string; challenge: string; expires_at: number }>('DELETE FROM webauthn_challenges WHERE key_hash = $1 RETURNING purpose, challenge, expires_at', [keyHash]);
      return r && r.purpose === purpose && r.expires_at > now ? r.challenge : undefined;
    },

    createSession: async (tokenHash, s) => {
      await run('INSERT INTO staff_sessions (token_hash, staff_id, csrf_token, created_at, seen_at, authenticated_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        tokenHash,
        s.staffId,
        s.csrfToken,
        s.createdAt,
        s.seenAt,
        s.authenticatedAt,
      ]);
    },
    session: async (tokenHash) => {
      const [r] = await query<{ staff_id: number; csrf_token: string; created_at: number; seen_at: number; authenticated_at: number }>(
        'SELECT staff_id, csrf_token, created_at, seen_at, authenticated_at FROM staff_sessions WHERE token_hash = $1',
        [tokenHash],
      );
      return r && { staffId: r.staff_id, csrfToken: r.csrf_token, createdAt: r.created_at, seenAt: r.seen_at, authenticatedAt: r.authenticated_at };
    },
    touchSession: async (tokenHash, seenAt) => {
      await run('UPDATE staff_sessions SET seen_at = $1 WHERE token_hash = $2', [seenAt, tokenHash]);
    },
    endSession: async (tokenHash) => {
      await run('DELETE FROM staff_sessions WHERE token_hash = $1', [tokenHash]);
    },
    endSessionsOf: async (staffId) => {
      await run('DELETE FROM staff_sessions WHERE staff_id = $1', [staffId]);
    },

    failures: async (login) => {
      const [r] = await query<{ count: number; last_at: number }>('SELECT count, last_at FROM sign_in_failures WHERE login = lower($1)', [login]);
      return r && { count: r.count, lastAt: r.last_at };
    },
    recordFailure: async (login, at) => {
      await run('INSERT INTO sign_in_failures (login, count, last_at) VALUES (lower($1), 1, $2) ON CONFLICT (login) DO UPDATE SET count = sign_in_failures.count + 1, last_at = excluded.last_at', [login, at]);
    },
    clearFailures: async (login) => {
      await run('DELETE FROM sign_in_failures WHERE login = lower($1)', [login]);
    },

    audit: async (e) => {
      await run('INSERT INTO audit_log (at, staff_id, login, action, target, detail, ip) VALUES ($1, $2, $3, $4, $5, $6, $7)', [...auditValues(e)]);
    },
    auditLog: async ({ limit, offset }) => {
      type A = { id: number; at: string; staff_id: number | null; login: string | null; action: string; target: string | null; detail: Record<string, unknown>; ip: string | null };
      const rows = (await query<A>('SELECT id, at, staff_id, login, action, target, detail, ip FROM audit_log ORDER BY id DESC LIMIT $1 OFFSET $2', [limit, offset])).map(
        (r): AuditRecord => ({ id: r.id, at: r.at, staffId: r.staff_id, login: r.login, action: r.action, target: r.target, detail: r.detail, ip: r.ip }),
      );
      const [{ n }] = (await query<{ n: number }>('SELECT count(*) AS n FROM audit_log')) as [{ n: number }];
      return { rows, total: n };
    },
  };
}
