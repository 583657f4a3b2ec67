import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, backup as sqliteBackup } from 'node:sqlite';
import type { Inquiry } from '@/schemas/inquiry';
import { openInquiry, sealInquiry } from '@/server/crypto/inquiry-fields';
import { loadKey } from '@/server/crypto/key';
import { createSealer, type Sealer } from '@/server/crypto/seal';
import { createGroupCommit } from './group-commit';
import { createWalSync } from './wal-sync';
import { migrations, SEALED_FROM } from './migrations';
import { createInboxStore } from './inbox-sqlite';
import { createStaffStore } from './staff-sqlite';
import { reseal } from './reseal';
import { createJobStore, createOutboxStore, queueNotification } from './outbox-sqlite';
import { createRetentionStore } from './retention-sqlite';
import { createStatsStore } from './stats-sqlite';
import { arrivesUrgent, receiptFor, receivedDetail } from './records';
import { createLimitStore } from './limits-sqlite';
import { canaryOpens, checkKeyCanary, newCanary, type CanaryRow } from './key-canary';
import { createFactsStore } from './facts-sqlite';
import type { CreateResult, RoutingDecision, Store, StoredBody, StoredInquiry } from './types';

export { KeyMismatchError } from './key-canary';

/** Default database file; INQUIRY_DB_PATH overrides it. ./data is gitignored. */
export const defaultDbPath = 'data/inquiries.sqlite';

/**
 * node:sqlite store. A commit is on disk before create() resolves, so an inquiry that was answered
 * with a receipt survives a crash, kill -9 or power loss: WAL with synchronous=NORMAL, then an fsync
 * of the WAL file off the event loop (wal-sync.ts), the same guarantee as synchronous=FULL.
 * Inquiries arriving together share one commit (group-commit.ts) and one fsync.
 */
export function openSqliteStore(path = process.env.INQUIRY_DB_PATH || defaultDbPath, opts: { sealer?: Sealer } = {}): Store {
  // Personal fields are sealed with AES-256-GCM (src/server/crypto); no key, no store.
  const sealer = opts.sealer ?? createSealer(loadKey());
  mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // secure_delete: pages freed or rewritten are zeroed, so text from before sealing does not linger.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;');
  let before: number;
  try {
    before = migrate(db);
  } catch (e) {
    db.close();
    if (/readonly|read-only/i.test((e as Error).message)) throw new Error(`INQUIRY_DB_PATH: the database ${path} can only be read, not written (${(e as Error).message}). Give the service user write access to it and to its folder.`);
    throw e;
  }
  // A database from before encryption (schema < SEALED_FROM): its plain rows are sealed now, once.
  if (before < SEALED_FROM) reseal(db, sealer, sealer, true);
  try {
    checkSqliteKeyCanary(db, sealer, path);
  } catch (e) {
    db.close();
    throw e;
  }

  const byKey = db.prepare('SELECT receipt FROM inquiries WHERE idempotency_key = ?');
  // AUTOINCREMENT's counter: ids (and so receipt numbers) are never reused, even after a delete.
  const lastId = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'inquiries'");
  // The id is assigned here rather than by SQLite so the receipt goes in with the row: a key check
  // and one insert per inquiry, no update. (The key is checked before the insert, not left to ON
  // CONFLICT DO NOTHING: an insert that does nothing still moves AUTOINCREMENT's counter, which would
  // skip a receipt number after every retry.)
  const insert = db.prepare('INSERT INTO inquiries (id, receipt, idempotency_key, received_at, body, routing, public_id, urgent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // Who may see it (the routed windows) and its categories, as rows the staff inbox filters on.
  const addWindow = db.prepare('INSERT OR IGNORE INTO inquiry_windows (window_id, inquiry_id, received_at, urgent) VALUES (?, ?, ?, ?)');
  const addCategory = db.prepare('INSERT OR IGNORE INTO inquiry_categories (category, inquiry_id) VALUES (?, ?)');
  const addEvents = db.prepare("INSERT INTO inquiry_events (inquiry_id, type, at, detail) VALUES (?, 'received', ?, ?), (?, 'routed', ?, ?)");
  const selectOne = db.prepare('SELECT id, receipt, received_at, body, routing FROM inquiries WHERE receipt = ?');
  const selectMany = db.prepare('SELECT id, receipt, received_at, body, routing FROM inquiries ORDER BY id DESC LIMIT ?');
  const selectEvents = db.prepare('SELECT type, at, detail FROM inquiry_events WHERE inquiry_id = ? ORDER BY id');

  type Row = { id: number; receipt: string; received_at: string; body: string; routing: string };
  const toStored = (row: Row): StoredInquiry => {
    const body = JSON.parse(row.body) as Inquiry & { kind?: string };
    return {
    kind: body.kind === 'referral' ? 'referral' : 'inquiry',
    receipt: row.receipt,
    receivedAt: row.received_at,
    inquiry: openInquiry(row.body, sealer),
    routing: JSON.parse(row.routing) as RoutingDecision,
    events: selectEvents.all(row.id) as StoredInquiry['events'],
    };
  };

  type PendingWrite = { inquiry: StoredBody; routing: RoutingDecision; idempotencyKey: string };
  /** Writes a batch in one durable transaction (see group-commit.ts). */
  const writeBatch = (items: PendingWrite[]): CreateResult[] => {
    const now = new Date();
    const at = now.toISOString();
    db.exec('BEGIN IMMEDIATE');
    try {
      // Read inside the write lock: no other connection can take an id before this commit.
      let id = Number((lastId.get() as { seq: number } | undefined)?.seq ?? 0);
      const results = items.map(({ inquiry, routing, idempotencyKey }): CreateResult => {
        // A key seen before (a retry, or twice in this batch) inserts nothing and gets its first receipt.
        const seen = byKey.get(idempotencyKey) as { receipt: string } | undefined;
        if (seen) return { receipt: seen.receipt, created: false };
        const receipt = receiptFor(id + 1, now);
        // The staff URLs use this random id, never the guessable receipt number.
        const publicId = randomBytes(16).toString('hex');
        const urgent = arrivesUrgent(inquiry) ? 1 : 0;
        insert.run(id + 1, receipt, idempotencyKey, at, sealInquiry(inquiry, sealer), JSON.stringify(routing), publicId, urgent);
        id += 1;
        addEvents.run(id, at, JSON.stringify(receivedDetail(inquiry)), id, at, JSON.stringify(routing));
        for (const w of routing.windows) {
          addWindow.run(w, id, at, urgent);
          // The window's notification e-mail waits in the outbox, committed with the inquiry.
          queueNotification(db, 'arrived', w, id, at);
        }
        for (const c of inquiry.categories ?? []) addCategory.run(c, id);
        return { receipt, created: true };
      });
      db.exec('COMMIT');
      return results;
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
  };
  const inbox = createInboxStore(db, sealer);
  const commit = createGroupCommit((items: PendingWrite[]) => {
    const results = writeBatch(items);
    void inbox.changed();
    return results;
  });
  const durable = createWalSync(`${path}-wal`);

  return {
    create: async (inquiry, routing, idempotencyKey) => {
      const result = await commit({ inquiry, routing, idempotencyKey });
      await durable();
      return result;
    },
    get: async (receipt) => {
      const row = selectOne.get(receipt) as Row | undefined;
      return row ? toStored(row) : undefined;
    },
    list: async (limit = 100) => (selectMany.all(limit) as Row[]).map(toStored),
    readAll: async () => {
      const items: StoredInquiry[] = [];
      let unreadable = 0;
      for (const row of (selectMany.all(Number.MAX_SAFE_INTEGER) as Row[]).reverse()) {
        try {
          items.push(toStored(row));
        } catch {
          unreadable++;
        }
      }
      return { items, unreadable };
    },
    count: async () => (db.prepare('SELECT COUNT(*) AS n FROM inquiries').get() as { n: number }).n,
    backup: async (target) => {
      mkdirSync(dirname(target), { recursive: true });
      await sqliteBackup(db, target);
    },
    close: async () => db.close(),
    staff: createStaffStore(db),
    inbox,
    outbox: createOutboxStore(db),
    jobs: createJobStore(db),
    retention: createRetentionStore(db, () => void inbox.changed()),
    stats: createStatsStore(db),
    limits: createLimitStore(db),
    health: {
      migrations: async () => ({ applied: (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version, known: migrations.length }),
      keyOpens: async (key) => canaryOpens((db.prepare('SELECT sealed FROM key_canary WHERE id = 1').get() as { sealed: string } | undefined)?.sealed, key),
      oldestUnsent: async () => {
        const row = db.prepare('SELECT min(created_at) AS at FROM outbox WHERE sent_at IS NULL').get() as { at: string | null };
        return row.at ? Date.parse(row.at) : null;
      },
    },
    facts: createFactsStore(db),
  };
}

/**
 * The key canary (key-canary.ts): a start with another key is refused here, before it seals anything
 * with the wrong key. A database from before the canary is checked against its latest inquiry, then given one.
 */
function checkSqliteKeyCanary(db: DatabaseSync, sealer: Sealer, path: string): void {
  const canary = db.prepare('SELECT key_id, sealed FROM key_canary WHERE id = 1').get() as CanaryRow | undefined;
  const latestBody = () => (db.prepare('SELECT body FROM inquiries ORDER BY id DESC LIMIT 1').get() as { body: string } | undefined)?.body;
  const created = checkKeyCanary({ canary, latestBody }, sealer, path);
  if (created) db.prepare('INSERT OR IGNORE INTO key_canary (id, key_id, sealed) VALUES (1, ?, ?)').run(created.key_id, created.sealed);
}

/** Returns the schema version the database had before. */
function migrate(db: DatabaseSync): number {
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
  return version;
}

/**
 * Key rotation: every sealed value is opened with `from` and sealed again with `to`, in one
 * transaction, then the WAL is checkpointed so no page sealed with the old key stays in it.
 */
export function resealDatabase(path: string, from: Sealer, to: Sealer): { inquiries: number; events: number } {
  openSqliteStore(path, { sealer: from }).close();
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;');
    const counts = reseal(db, from, to, false);
    // The canary follows the data to the new key.
    const canary = newCanary(to);
    db.prepare('UPDATE key_canary SET key_id = ?, sealed = ? WHERE id = 1').run(canary.key_id, canary.sealed);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    db.close();
  }
}
