// node:sqlite implementation of OutboxStore: notification e-mails waiting to be sent, and daily jobs.
import type { DatabaseSync } from 'node:sqlite';
import { writeTransaction } from './transaction';
import type { JobStore, OutboxItem, OutboxStore } from './types';
import { toOutboxItem } from './rows';

/** Queues a notification inside the caller's transaction (arrival, hand-off). */
export function queueNotification(db: DatabaseSync, kind: 'arrived' | 'handedTo', window: string, inquiryId: number, at: string): void {
  db.prepare('INSERT INTO outbox (kind, window_id, inquiry_id, created_at, next_at) VALUES (?, ?, ?, ?, ?)').run(kind, window, inquiryId, at, at);
}

/** What a facts reminder or a sources e-mail carries (issue 30): a day, source titles; nothing personal. */
const factsDetail = (detail: string) => {
  const d = JSON.parse(detail) as { due?: string; sources?: string[] };
  return { ...(d.due ? { due: d.due } : {}), ...(d.sources ? { sources: d.sources } : {}) };
};

export function createOutboxStore(db: DatabaseSync): OutboxStore {
  type Row = { id: number; kind: OutboxItem['kind']; window_id: string; detail: string; attempts: number; receipt: string | null; public_id: string | null; received_at: string | null; urgent: number | null };
  const select = `SELECT o.id, o.kind, o.window_id, o.detail, o.attempts, i.receipt, i.public_id, i.received_at, i.urgent
       FROM outbox o LEFT JOIN inquiries i ON i.id = o.inquiry_id`;
  const due = db.prepare(`${select} WHERE o.sent_at IS NULL AND o.next_at <= ? ORDER BY o.next_at, o.id LIMIT ?`);
  // Due and not held by a live claim (a lease that ended belongs to a process that died or hung).
  const claimable = db.prepare(
    `${select} WHERE o.sent_at IS NULL AND o.next_at <= ? AND (o.claimed_until IS NULL OR o.claimed_until <= ?) ORDER BY o.next_at, o.id LIMIT ?`,
  );
  const takeClaim = db.prepare('UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?');
  const toItem = (r: Row): OutboxItem => ({ ...toOutboxItem({ ...r, urgent: r.urgent === 1, detail: JSON.parse(r.detail) as { receipts?: string[] } }), ...factsDetail(r.detail) });
  return {
    due: async (now, limit) => (due.all(now.toISOString(), limit) as Row[]).map(toItem),
    claim: async (workerId, leaseMs, limit, now = new Date()) =>
      // Read and mark in one write transaction: no other connection claims the same rows in between.
      writeTransaction(db, () => {
        const rows = claimable.all(now.toISOString(), now.getTime(), limit) as Row[];
        for (const r of rows) takeClaim.run(workerId, now.getTime() + leaseMs, r.id);
        return rows.map(toItem);
      }),
    sent: async (id, at) => void db.prepare('UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND sent_at IS NULL').run(at.toISOString(), id),
    failed: async (id, error, nextAt) =>
      void db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_at = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND sent_at IS NULL').run(error.slice(0, 500), nextAt.toISOString(), id),
    failing: async (windows, minAttempts) => {
      if (windows.length === 0) return 0;
      const list = windows.map(() => '?').join(', ');
      return (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL AND attempts >= ? AND window_id IN (${list})`).get(minAttempts, ...windows) as { n: number }).n;
    },
    claimDaily: async (name, day) => {
      const { changes } = db.prepare('INSERT INTO daily_jobs (name, last_day) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day WHERE last_day < excluded.last_day').run(name, day);
      return changes > 0;
    },
    queueReminders: async (day, olderThan) =>
      writeTransaction(db, () => {
        const { changes } = db.prepare("INSERT INTO daily_jobs (name, last_day) VALUES ('reminder', ?) ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day WHERE last_day < excluded.last_day").run(day);
        if (changes === 0) return 0;
        const rows = db
          .prepare(
            `SELECT iw.window_id AS w, json_group_array(i.receipt) AS receipts FROM inquiry_windows iw JOIN inquiries i ON i.id = iw.inquiry_id
              WHERE iw.ended_at IS NULL AND iw.status = 'new' AND iw.received_at < ? GROUP BY iw.window_id`,
          )
          .all(olderThan.toISOString()) as { w: string; receipts: string }[];
        const now = new Date().toISOString();
        const add = db.prepare("INSERT INTO outbox (kind, window_id, detail, created_at, next_at) VALUES ('reminder', ?, ?, ?, ?)");
        for (const r of rows) add.run(r.w, JSON.stringify({ receipts: (JSON.parse(r.receipts) as string[]).sort() }), now, now);
        return rows.length;
      }),
  };
}

/** Daily jobs across processes: a lease row per job and day (job_runs). */
export function createJobStore(db: DatabaseSync): JobStore {
  // Taken when there is no row for the day, or its lease ended without the job being done (the
  // claimer died); refused while another worker's lease runs, and once the job is done.
  const claim = db.prepare(
    `INSERT INTO job_runs (name, day, worker, lease_until) VALUES (?, ?, ?, ?)
     ON CONFLICT (name, day) DO UPDATE SET worker = excluded.worker, lease_until = excluded.lease_until
      WHERE job_runs.done_at IS NULL AND (job_runs.lease_until <= ? OR job_runs.worker = excluded.worker)`,
  );
  const finish = db.prepare('UPDATE job_runs SET done_at = ? WHERE name = ? AND day = ? AND worker = ? AND done_at IS NULL');
  const state = db.prepare('SELECT worker, lease_until, done_at FROM job_runs WHERE name = ? AND day = ?');
  return {
    claimDaily: async (name, day, workerId, leaseMs, now = new Date()) =>
      claim.run(name, day, workerId, now.getTime() + leaseMs, now.getTime()).changes > 0,
    finishDaily: async (name, day, workerId, at = new Date()) => finish.run(at.toISOString(), name, day, workerId).changes > 0,
    daily: async (name, day) => {
      const row = state.get(name, day) as { worker: string; lease_until: number; done_at: string | null } | undefined;
      return row ? { worker: row.worker, leaseUntil: row.lease_until, doneAt: row.done_at } : undefined;
    },
  };
}
