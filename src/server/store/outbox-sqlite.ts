// node:sqlite implementation of OutboxStore: notification e-mails waiting to be sent, and daily jobs.
import type { DatabaseSync } from 'node:sqlite';
import type { OutboxItem, OutboxStore } from './types';
import { factsDetail, toOutboxItem } from './rows';

/** Queues a notification inside the caller's transaction (arrival, hand-off). */
export function queueNotification(db: DatabaseSync, kind: 'arrived' | 'handedTo', window: string, inquiryId: number, at: string): void {
  db.prepare('INSERT INTO outbox (kind, window_id, inquiry_id, created_at, next_at) VALUES (?, ?, ?, ?, ?)').run(kind, window, inquiryId, at, at);
}


export function createOutboxStore(db: DatabaseSync): OutboxStore {
  type Row = { id: number; kind: OutboxItem['kind']; window_id: string; detail: string; attempts: number; receipt: string | null; public_id: string | null; received_at: string | null; urgent: number | null };
  const due = db.prepare(
    `SELECT o.id, o.kind, o.window_id, o.detail, o.attempts, i.receipt, i.public_id, i.received_at, i.urgent
       FROM outbox o LEFT JOIN inquiries i ON i.id = o.inquiry_id
      WHERE o.sent_at IS NULL AND o.next_at <= ? ORDER BY o.next_at, o.id LIMIT ?`,
  );
  return {
    due: async (now, limit) =>
      (due.all(now.toISOString(), limit) as Row[]).map((r) => ({ ...toOutboxItem({ ...r, urgent: r.urgent === 1, detail: JSON.parse(r.detail) as { receipts?: string[] } }), ...factsDetail(JSON.parse(r.detail) as { due?: string; sources?: string[] }) })),
    sent: async (id, at) => void db.prepare('UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?').run(at.toISOString(), id),
    failed: async (id, error, nextAt) => void db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_at = ? WHERE id = ?').run(error.slice(0, 500), nextAt.toISOString(), id),
    failing: async (windows, minAttempts) => {
      if (windows.length === 0) return 0;
      const list = windows.map(() => '?').join(', ');
      return (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL AND attempts >= ? AND window_id IN (${list})`).get(minAttempts, ...windows) as { n: number }).n;
    },
    claimDaily: async (name, day) => {
      const { changes } = db.prepare('INSERT INTO daily_jobs (name, last_day) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day WHERE last_day < excluded.last_day').run(name, day);
      return changes > 0;
    },
    queueReminders: async (day, olderThan) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const { changes } = db.prepare("INSERT INTO daily_jobs (name, last_day) VALUES ('reminder', ?) ON CONFLICT (name) DO UPDATE SET last_day = excluded.last_day WHERE last_day < excluded.last_day").run(day);
        let queued = 0;
        if (changes > 0) {
          const rows = db
            .prepare(
              `SELECT iw.window_id AS w, json_group_array(i.receipt) AS receipts FROM inquiry_windows iw JOIN inquiries i ON i.id = iw.inquiry_id
                WHERE iw.ended_at IS NULL AND iw.status = 'new' AND iw.received_at < ? GROUP BY iw.window_id`,
            )
            .all(olderThan.toISOString()) as { w: string; receipts: string }[];
          const now = new Date().toISOString();
          const add = db.prepare("INSERT INTO outbox (kind, window_id, detail, created_at, next_at) VALUES ('reminder', ?, ?, ?, ?)");
          for (const r of rows) add.run(r.w, JSON.stringify({ receipts: (JSON.parse(r.receipts) as string[]).sort() }), now, now);
          queued = rows.length;
        }
        db.exec('COMMIT');
        return queued;
      } catch (e) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
  };
}
