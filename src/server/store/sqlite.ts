import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, backup as sqliteBackup } from 'node:sqlite';
import type { Inquiry } from '@/schemas/inquiry';
import { createGroupCommit } from './group-commit';
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
 * node:sqlite store. WAL with synchronous=FULL: a commit is on disk before create() resolves,
 * so an inquiry that was answered with a receipt survives a crash or kill -9. Inquiries arriving
 * together share one commit (group-commit.ts).
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

  type PendingWrite = { inquiry: Inquiry; routing: RoutingDecision; idempotencyKey: string };
  /** Writes a batch in one durable transaction (see group-commit.ts). */
  const writeBatch = (items: PendingWrite[]): CreateResult[] => {
    const now = new Date();
    const at = now.toISOString();
    db.exec('BEGIN IMMEDIATE');
    try {
      const written = new Map<string, string>();
      const results = items.map(({ inquiry, routing, idempotencyKey }): CreateResult => {
        // Checked inside the write lock: two concurrent retries (or two in this batch) cannot both insert.
        const earlier = written.get(idempotencyKey) ?? (byKey.get(idempotencyKey) as { receipt: string } | undefined)?.receipt;
        if (earlier) return { receipt: earlier, created: false };
        const id = Number(insert.run(idempotencyKey, at, JSON.stringify(inquiry), JSON.stringify(routing)).lastInsertRowid);
        const receipt = receiptFor(id, now);
        setReceipt.run(receipt, id);
        addEvent.run(id, 'received', at, JSON.stringify({ writer: inquiry.writer, locale: inquiry.locale }));
        addEvent.run(id, 'routed', at, JSON.stringify(routing));
        written.set(idempotencyKey, receipt);
        return { receipt, created: true };
      });
      db.exec('COMMIT');
      return results;
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
  };
  const commit = createGroupCommit(writeBatch);

  return {
    create(inquiry, routing, idempotencyKey) {
      // A retry of an inquiry already on disk is answered at once, without a transaction.
      const existing = byKey.get(idempotencyKey) as { receipt: string } | undefined;
      if (existing) return Promise.resolve({ receipt: existing.receipt, created: false });
      return commit({ inquiry, routing, idempotencyKey });
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
