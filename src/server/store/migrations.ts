/**
 * Versioned schema migrations, applied in order inside a transaction. PRAGMA user_version records
 * the last one applied. Never edit a published migration; add a new one.
 */
export const migrations: string[] = [
  // 1: inquiries and their append-only event log.
  `CREATE TABLE inquiries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     receipt TEXT UNIQUE,
     idempotency_key TEXT NOT NULL UNIQUE,
     received_at TEXT NOT NULL,
     body TEXT NOT NULL,
     routing TEXT NOT NULL
   );
   CREATE TABLE inquiry_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     inquiry_id INTEGER NOT NULL REFERENCES inquiries(id),
     type TEXT NOT NULL CHECK (type IN ('received', 'routed')),
     at TEXT NOT NULL,
     detail TEXT NOT NULL
   );
   -- Append-only: events are never changed or removed.
   CREATE TRIGGER inquiry_events_no_update BEFORE UPDATE ON inquiry_events BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END;
   CREATE TRIGGER inquiry_events_no_delete BEFORE DELETE ON inquiry_events BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END;`,
];
