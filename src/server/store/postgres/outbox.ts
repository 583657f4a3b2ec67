// PostgreSQL implementation of OutboxStore: notification e-mails waiting to be sent, and daily jobs.
// Several servers send from one outbox: a server claims due rows (FOR UPDATE SKIP LOCKED, so two
// servers never take the same row) with a lease, marks each sent after sending, and a row whose server
// died mid-send is taken again once the lease has lapsed.
import type { JobStore, OutboxStore } from '../types';
import type { Db, Query } from './db';
import { toOutboxItem, type OutboxRow } from '../rows';

/** Queues a notification inside the caller's transaction (arrival, hand-off). */
export async function queueNotification(q: Query, kind: 'arrived' | 'handedTo', window: string, inquiryId: number, at: string): Promise<void> {
  await q('INSERT INTO outbox (kind, window_id, inquiry_id, created_at, next_at) VALUES ($1, $2, $3, $4, $4)', [kind, window, inquiryId, at]);
}

/** Queues the day's reminders, once per day across servers; returns how many. */
export async function queueReminders(q: Query, day: string, olderThan: Date): Promise<number> {
  const claimed = await q("INSERT INTO daily_jobs (name, last_day) VALUES ('reminder', $1) ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day WHERE daily_jobs.last_day < excluded.last_day RETURNING name", [day]);
  if (claimed.length === 0) return 0;
  const now = new Date().toISOString();
  const rows = await q(
    `INSERT INTO outbox (kind, window_id, detail, created_at, next_at)
     SELECT 'reminder', iw.window_id, jsonb_build_object('receipts', jsonb_agg(i.receipt ORDER BY i.receipt)), $2, $2
       FROM inquiry_windows iw JOIN inquiries i ON i.id = iw.inquiry_id
      WHERE iw.ended_at IS NULL AND iw.status = 'new' AND iw.received_at < $1
      GROUP BY iw.window_id
     RETURNING id`,
    [olderThan.toISOString(), now],
  );
  return rows.length;
}

/** Daily jobs across servers: a lease row per job and day (job_runs), as the SQLite engine keeps it. */
export function createPostgresJobStore(db: Db): JobStore {
  return {
    claimDaily: async (name, day, workerId, leaseMs, now = new Date()) =>
      (await db.run(
        `INSERT INTO job_runs (name, day, worker, lease_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name, day) DO UPDATE SET worker = excluded.worker, lease_until = excluded.lease_until
          WHERE job_runs.done_at IS NULL AND (job_runs.lease_until <= $5 OR job_runs.worker = excluded.worker)`,
        [name, day, workerId, now.getTime() + leaseMs, now.getTime()],
      )) > 0,
    finishDaily: async (name, day, workerId, at = new Date()) =>
      (await db.run('UPDATE job_runs SET done_at = $1 WHERE name = $2 AND day = $3 AND worker = $4 AND done_at IS NULL', [at.toISOString(), name, day, workerId])) > 0,
    daily: async (name, day) => {
      const [row] = await db.query<{ worker: string; lease_until: string; done_at: string | null }>('SELECT worker, lease_until, done_at FROM job_runs WHERE name = $1 AND day = $2', [name, day]);
      return row ? { worker: row.worker, leaseUntil: Number(row.lease_until), doneAt: row.done_at } : undefined;
    },
  };
}

export function createPostgresOutboxStore(db: Db): OutboxStore {
  type Row = Omit<OutboxRow, 'urgent'> & { urgent: boolean | null };
  const toItem = (r: Row) => toOutboxItem({ ...r, urgent: r.urgent === true });
  return {
    due: async (now, limit) =>
      (
        await db.query<Row>(
          `SELECT o.id, o.kind, o.window_id, o.detail, o.attempts, i.receipt, i.public_id, i.received_at, i.urgent
             FROM outbox o LEFT JOIN inquiries i ON i.id = o.inquiry_id
            WHERE o.sent_at IS NULL AND o.next_at <= $1 ORDER BY o.next_at, o.id LIMIT $2`,
          [now.toISOString(), limit],
        )
      ).map(toItem),
    // FOR UPDATE SKIP LOCKED: never two servers one row.
    claim: async (workerId, leaseMs, limit, now = new Date()) => {
      const at = now.toISOString();
      const rows = await db.query<Row>(
        `WITH claimed AS (
           UPDATE outbox SET claimed_until = $3, claimed_by = $4
            WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                          ORDER BY next_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING id, kind, window_id, detail, attempts, inquiry_id, next_at)
         SELECT c.id, c.kind, c.window_id, c.detail, c.attempts, i.receipt, i.public_id, i.received_at, i.urgent
           FROM claimed c LEFT JOIN inquiries i ON i.id = c.inquiry_id ORDER BY c.next_at, c.id`,
        [at, limit, new Date(now.getTime() + leaseMs).toISOString(), workerId],
      );
      return rows.map(toItem);
    },
    sent: async (id, at) => {
      await db.run('UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL, claimed_until = NULL, claimed_by = NULL WHERE id = $2 AND sent_at IS NULL', [at.toISOString(), id]);
    },
    failed: async (id, error, nextAt) => {
      await db.run('UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_at = $2, claimed_until = NULL, claimed_by = NULL WHERE id = $3 AND sent_at IS NULL', [error.slice(0, 500), nextAt.toISOString(), id]);
    },
    failing: async (windows, minAttempts) => {
      if (windows.length === 0) return 0;
      const [{ n }] = (await db.query<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND attempts >= $1 AND window_id = ANY($2)', [minAttempts, [...windows]])) as [{ n: number }];
      return n;
    },
    claimDaily: async (name, day) =>
      (await db.run('INSERT INTO daily_jobs (name, last_day) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day WHERE daily_jobs.last_day < excluded.last_day', [name, day])) > 0,
    queueReminders: (day, olderThan) => db.tx((q) => queueReminders(q, day, olderThan)),
  };
}
