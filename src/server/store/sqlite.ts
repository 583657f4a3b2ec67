import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, backup as sqliteBackup } from 'node:sqlite';
import type { Inquiry } from '@/schemas/inquiry';
import { migrations } from './migrations';
import type { CreateResult, InquiryStore, RoutingDecision, StoredInquiry } from './types';

/** Default database file; INQUIRY_DB_PATH overrides it. ./data is gitignored. */
export const defaultDbPath = 'data/inquiries.sqlite';

/** A receipt number residents can read out on the phone: date and a sequence, e.g. 20261122-00042. */
function receiptFor(id: number, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${day}-${String(id).padStart(5, '0')}`;
}

/**
 * node:sqlite store. WAL with synchronous=FULL: a commit is on disk before create() returns,
 * so an inquiry that was answered with a receipt survives a crash or kill -9.
 */
export function openSqliteStore(path = process.env.INQUIRY_DB_PATH || defaultDbPath): InquiryStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);

  const byKey = db.prepare('SELECT receipt FROM inquiries WHERE idempotency_key = ?');
  const insert = db.prepare('INSERT INTO inquiries (idempotency_key, received_at, body, routing) VALUES (?, ?, ?, ?)');
  const setReceipt = db.prepare('UPDATE inquiries SET receipt = ? WHERE id = ?');
  const addEvent = db.prepare('INSERT INTO inquiry_events (inquiry_id, type, at, detail) VALUES (?, ?, ?, ?)');
  const selectOne = db.prepare('SELECT id, receipt, received_at, body, routing FROM inquiries WHERE receipt = ?');
  const selectMany = db.prepare('SELECT id, receipt, received_at, body, routing FROM inquiries ORDER BY id DESC LIMIT ?');
  const selectEvents = db.prepare('SELECT type, at, detail FROM inquiry_events WHERE inquiry_id = ? ORDER BY id');

  type Row = { id: number; receipt: string; received_at: string; body: string; routing: string };
  const toStored = (row: Row): StoredInquiry => ({
    receipt: row.receipt,
    receivedAt: row.received_at,
    inquiry: JSON.parse(row.body) as Inquiry,
    routing: JSON.parse(row.routing) as RoutingDecision,
    events: selectEvents.all(row.id) as StoredInquiry['events'],
  });

  return {
    create(inquiry, routing, idempotencyKey): CreateResult {
      const existing = byKey.get(idempotencyKey) as { receipt: string } | undefined;
      if (existing) return { receipt: existing.receipt, created: false };
      const now = new Date();
      db.exec('BEGIN IMMEDIATE');
      try {
        // Checked again inside the write lock: two concurrent retries cannot both insert.
        const again = byKey.get(idempotencyKey) as { receipt: string } | undefined;
        if (again) {
          db.exec('ROLLBACK');
          return { receipt: again.receipt, created: false };
        }
        const id = Number(insert.run(idempotencyKey, now.toISOString(), JSON.stringify(inquiry), JSON.stringify(routing)).lastInsertRowid);
        const receipt = receiptFor(id, now);
        setReceipt.run(receipt, id);
        addEvent.run(id, 'received', now.toISOString(), JSON.stringify({ writer: inquiry.writer, locale: inquiry.locale }));
        addEvent.run(id, 'routed', now.toISOString(), JSON.stringify(routing));
        db.exec('COMMIT');
        return { receipt, created: true };
      } catch (e) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw e;
      }
    },
    get: (receipt) => {
      const row = selectOne.get(receipt) as Row | undefined;
      return row ? toStored(row) : undefined;
    },
    list: (limit = 100) => (selectMany.all(limit) as Row[]).map(toStored),
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM inquiries').get() as { n: number }).n,
    backup: async (target) => {
      mkdirSync(dirname(target), { recursive: true });
      await sqliteBackup(db, target);
    },
    close: () => db.close(),
  };
}

function migrate(db: DatabaseSync): void {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let v = version; v < migrations.length; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  }
}
