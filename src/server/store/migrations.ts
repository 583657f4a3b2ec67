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
  // 2: the staff inbox (issue 15). Existing inquiries are kept: each gets a random staff id, the
  // status 未対応 (new), and its windows and categories as rows, taken from its stored JSON.
  `CREATE TABLE staff (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     login TEXT NOT NULL UNIQUE COLLATE NOCASE,
     name TEXT NOT NULL,
     -- 0 active, 1 disabled, 2 removed (kept so history still names who did what).
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   ALTER TABLE inquiries ADD COLUMN public_id TEXT;
   UPDATE inquiries SET public_id = lower(hex(randomblob(16)));
   CREATE UNIQUE INDEX inquiries_public_id ON inquiries(public_id);
   ALTER TABLE inquiries ADD COLUMN status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'inProgress', 'done', 'unreachable', 'notNeeded'));
   ALTER TABLE inquiries ADD COLUMN assignee_id INTEGER REFERENCES staff(id);
   ALTER TABLE inquiries ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
   -- Optimistic concurrency: every change bumps it; a change made against an older version is refused.
   ALTER TABLE inquiries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

   -- Which windows may see an inquiry. A row per window; hand-offs (issue 16) add rows and end old
   -- ones (ended_at), so access follows the inquiry instead of being a filter. The inbox's list
   -- columns (status, urgent, received_at) are copied here, updated in the same transaction as the
   -- inquiry, so listing and counting a window never reads the large inquiry rows (bench: 400 ms → ms).
   CREATE TABLE inquiry_windows (
     window_id TEXT NOT NULL,
     inquiry_id INTEGER NOT NULL REFERENCES inquiries(id),
     kind TEXT NOT NULL DEFAULT 'routed',
     ended_at TEXT,
     status TEXT NOT NULL DEFAULT 'new',
     urgent INTEGER NOT NULL DEFAULT 0,
     received_at TEXT NOT NULL,
     PRIMARY KEY (window_id, inquiry_id)
   ) WITHOUT ROWID;
   CREATE INDEX inquiry_windows_inquiry ON inquiry_windows(inquiry_id);
   -- Open rows only, with every column the list filters and counts read: those never touch the table.
   CREATE INDEX inquiry_windows_open ON inquiry_windows(window_id, status, inquiry_id, urgent, received_at) WHERE ended_at IS NULL;
   INSERT INTO inquiry_windows (window_id, inquiry_id, received_at) SELECT DISTINCT j.value, i.id, i.received_at FROM inquiries i, json_each(i.routing, '$.windows') j;

   CREATE TABLE inquiry_categories (
     category TEXT NOT NULL,
     inquiry_id INTEGER NOT NULL REFERENCES inquiries(id),
     PRIMARY KEY (category, inquiry_id)
   ) WITHOUT ROWID;
   INSERT INTO inquiry_categories (category, inquiry_id) SELECT DISTINCT j.value, i.id FROM inquiries i, json_each(i.body, '$.categories') j;

   -- Events gain staff changes (status, assignment, notes) and who made them. SQLite cannot widen
   -- a CHECK, so the table is rebuilt with every row kept, and stays append-only.
   CREATE TABLE inquiry_events_v2 (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     inquiry_id INTEGER NOT NULL REFERENCES inquiries(id),
     type TEXT NOT NULL CHECK (type IN ('received', 'routed', 'status', 'assigned', 'note')),
     at TEXT NOT NULL,
     detail TEXT NOT NULL,
     staff_id INTEGER REFERENCES staff(id)
   );
   INSERT INTO inquiry_events_v2 (id, inquiry_id, type, at, detail) SELECT id, inquiry_id, type, at, detail FROM inquiry_events;
   DROP TABLE inquiry_events;
   ALTER TABLE inquiry_events_v2 RENAME TO inquiry_events;
   CREATE INDEX inquiry_events_inquiry ON inquiry_events(inquiry_id);
   CREATE TRIGGER inquiry_events_no_update BEFORE UPDATE ON inquiry_events BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END;
   CREATE TRIGGER inquiry_events_no_delete BEFORE DELETE ON inquiry_events BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END;

   -- Roles are data: one row per role × window ('*' for roles that belong to no window).
   CREATE TABLE staff_memberships (
     staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('staff', 'coordinator', 'admin', 'planner')),
     window_id TEXT NOT NULL,
     PRIMARY KEY (staff_id, role, window_id)
   ) WITHOUT ROWID;
   CREATE INDEX staff_memberships_window ON staff_memberships(window_id);
   CREATE TABLE staff_credentials (
     staff_id INTEGER PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
     password_hash TEXT,
     totp_secret TEXT,
     -- SHA-256 of the one-time enrolment token, and when it stops working.
     enrol_token_hash TEXT UNIQUE,
     enrol_expires_at TEXT
   );
   CREATE TABLE staff_passkeys (
     id TEXT PRIMARY KEY,
     staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     public_key BLOB NOT NULL,
     counter INTEGER NOT NULL,
     transports TEXT NOT NULL DEFAULT '[]',
     created_at TEXT NOT NULL
   );
   CREATE INDEX staff_passkeys_staff ON staff_passkeys(staff_id);
   -- Only the SHA-256 of a session token is kept: a copy of the database signs nobody in.
   CREATE TABLE staff_sessions (
     token_hash TEXT PRIMARY KEY,
     staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     seen_at INTEGER NOT NULL,
     authenticated_at INTEGER NOT NULL
   );
   -- Failed sign-ins per login as typed (existing or not), for slow-down and lock-out.
   CREATE TABLE sign_in_failures (
     login TEXT PRIMARY KEY COLLATE NOCASE,
     count INTEGER NOT NULL,
     last_at INTEGER NOT NULL
   );
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     staff_id INTEGER,
     login TEXT,
     action TEXT NOT NULL,
     target TEXT,
     detail TEXT NOT NULL DEFAULT '{}',
     ip TEXT
   );
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
  // 3: つなぎ (issue 16). A window's row in inquiry_windows now says how it came to see the inquiry
  // (routed, handedTo, joined, escalated) and on what basis it may share it: the person's consent, or a
  // 支援会議 whose members carry a duty of confidentiality. Events gain the hand-off kinds and the window
  // the staff member acted for, so a window that handed over can still see what it itself wrote.
  `ALTER TABLE inquiry_windows ADD COLUMN basis TEXT CHECK (basis IN ('consent', 'supportMeeting'));
   CREATE TABLE inquiry_events_v3 (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     inquiry_id INTEGER NOT NULL REFERENCES inquiries(id),
     type TEXT NOT NULL CHECK (type IN ('received', 'routed', 'status', 'assigned', 'note', 'handedOver', 'joined', 'escalated', 'meeting')),
     at TEXT NOT NULL,
     detail TEXT NOT NULL,
     staff_id INTEGER REFERENCES staff(id),
     window_id TEXT
   );
   INSERT INTO inquiry_events_v3 (id, inquiry_id, type, at, detail, staff_id) SELECT id, inquiry_id, type, at, detail, staff_id FROM inquiry_events;
   DROP TABLE inquiry_events;
   ALTER TABLE inquiry_events_v3 RENAME TO inquiry_events;
   CREATE INDEX inquiry_events_inquiry ON inquiry_events(inquiry_id);
   CREATE TRIGGER inquiry_events_no_update BEFORE UPDATE ON inquiry_events BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END;
   CREATE TRIGGER inquiry_events_no_delete BEFORE DELETE ON inquiry_events BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END;`,
  // 4: personal fields sealed with AES-256-GCM. Nothing changes in the schema; reaching this version
  // is the moment reseal.ts seals the rows an older database kept in plain text.
  `SELECT 1;`,
  // 5: notifications (issue 16). Each e-mail waits here until it is sent: it is written in the same
  // transaction as the arrival or hand-off it tells of, retried with backoff, and never blocks the
  // inquiry. It holds no personal data: the message is made at sending time from the receipt number,
  // the time and the urgent mark. Daily jobs remember the day they last ran.
  `CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL CHECK (kind IN ('arrived', 'handedTo', 'reminder')),
     window_id TEXT NOT NULL,
     inquiry_id INTEGER REFERENCES inquiries(id),
     detail TEXT NOT NULL DEFAULT '{}',
     created_at TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at TEXT NOT NULL,
     sent_at TEXT,
     last_error TEXT
   );
   CREATE INDEX outbox_due ON outbox(next_at) WHERE sent_at IS NULL;
   CREATE TABLE daily_jobs (name TEXT PRIMARY KEY, last_day TEXT NOT NULL);`,
  // 6: retention (issue 16). A completed inquiry is deleted a set time after 完了, leaving only an
  // anonymous row for the planners' counts (month, district, writer type, categories, how many windows,
  // time to first response). Events stay append-only while their inquiry exists; once the inquiry row
  // is gone (a purge, in one transaction), its events may go too.
  `CREATE TABLE anonymous_inquiries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     month TEXT NOT NULL,
     area TEXT NOT NULL,
     writer TEXT NOT NULL,
     categories TEXT NOT NULL,
     window_count INTEGER NOT NULL,
     first_response_minutes INTEGER
   );
   ALTER TABLE inquiries ADD COLUMN done_at TEXT;
   UPDATE inquiries SET done_at = (SELECT max(e.at) FROM inquiry_events e WHERE e.inquiry_id = inquiries.id AND e.type = 'status' AND json_extract(e.detail, '$.to') = 'done') WHERE status = 'done';
   CREATE INDEX inquiries_done_at ON inquiries(done_at) WHERE done_at IS NOT NULL;
   DROP TRIGGER inquiry_events_no_delete;
   CREATE TRIGGER inquiry_events_no_delete BEFORE DELETE ON inquiry_events WHEN EXISTS (SELECT 1 FROM inquiries WHERE id = OLD.inquiry_id) BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END;`,
  // 7: a TOTP code works once (RFC 6238, 5.2). The time step of the last code accepted for the account
  // is kept, and a code of that step or an earlier one is refused, across every process on the database.
  `ALTER TABLE staff_credentials ADD COLUMN totp_last_step INTEGER;`,
  // 8: passkey challenges in the database instead of one process's memory, so any process behind the
  // same database can finish a ceremony another one began. Keyed by the SHA-256 of the browser's
  // pre-sign-in token; each is taken once and lapses at expires_at (epoch ms).
  `CREATE TABLE webauthn_challenges (
     key_hash TEXT PRIMARY KEY,
     purpose TEXT NOT NULL,
     challenge TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );`,
  // 9: operations (issue 26). Rate-limit counters shared by every process on the database (one row per
  // limit and client, keyed by a hash, never the address itself), and the key canary: a value sealed
  // with the key in use, so a start with another key is refused before it seals anything.
  `CREATE TABLE rate_limits (
     bucket TEXT NOT NULL,
     key_hash TEXT NOT NULL,
     window_start INTEGER NOT NULL,
     count INTEGER NOT NULL,
     PRIMARY KEY (bucket, key_hash)
   ) WITHOUT ROWID;
   CREATE TABLE key_canary (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     key_id TEXT NOT NULL,
     sealed TEXT NOT NULL
   );`,
  // 10: sign-in throttling per (login, address) and per address (issue 25), so failures from one address
  // cannot lock the owner out from theirs. A lock lasts until locked_until and is never extended by
  // failures during it; a row's count starts again when its window (from window_start) has passed.
  `CREATE TABLE sign_in_throttle (
     key TEXT PRIMARY KEY,
     count INTEGER NOT NULL,
     window_start INTEGER NOT NULL,
     locked_until INTEGER
   );
   DROP TABLE sign_in_failures;`,
  // 11: facts that stay true (issue 30). The editor role (reviews facts; no window); windows' confirmations
  // and proposed changes and residents' reports, each waiting for an editor's decision with its reason.
  // A resident's report names no one: the row has no staff, no address, only the text.
  `CREATE TABLE staff_memberships_v9 (
     staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     role TEXT NOT NULL CHECK (role IN ('staff', 'coordinator', 'admin', 'planner', 'editor')),
     window_id TEXT NOT NULL,
     PRIMARY KEY (staff_id, role, window_id)
   ) WITHOUT ROWID;
   INSERT INTO staff_memberships_v9 SELECT staff_id, role, window_id FROM staff_memberships;
   DROP TABLE staff_memberships;
   ALTER TABLE staff_memberships_v9 RENAME TO staff_memberships;
   CREATE INDEX staff_memberships_window ON staff_memberships(window_id);
   CREATE TABLE fact_items (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL CHECK (kind IN ('confirmation', 'change', 'report')),
     window_id TEXT NOT NULL,
     field TEXT,
     value TEXT,
     staff_id INTEGER REFERENCES staff(id),
     created_at TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'applied')),
     decided_by INTEGER REFERENCES staff(id),
     decided_at TEXT,
     reason TEXT,
     applied_at TEXT
   );
   CREATE INDEX fact_items_state ON fact_items(state, id);
   CREATE INDEX fact_items_window ON fact_items(window_id, kind, created_at);
   -- Two more kinds of e-mail: a window's facts are due for a check; a watched source changed (to the editor).
   CREATE TABLE outbox_v9 (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL CHECK (kind IN ('arrived', 'handedTo', 'reminder', 'factsCheck', 'sourcesChanged')),
     window_id TEXT NOT NULL,
     inquiry_id INTEGER REFERENCES inquiries(id),
     detail TEXT NOT NULL DEFAULT '{}',
     created_at TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at TEXT NOT NULL,
     sent_at TEXT,
     last_error TEXT
   );
   INSERT INTO outbox_v9 SELECT id, kind, window_id, inquiry_id, detail, created_at, attempts, next_at, sent_at, last_error FROM outbox;
   DROP TABLE outbox;
   ALTER TABLE outbox_v9 RENAME TO outbox;
   CREATE INDEX outbox_due ON outbox(next_at) WHERE sent_at IS NULL;
   -- The last day each window was reminded to check its facts (weekly until it does).
   CREATE TABLE fact_reminders (window_id TEXT PRIMARY KEY, last_day TEXT NOT NULL);`,
  // 12: jobs that claim their work (issue 27), so several processes on one database do each piece once.
  // An outbox row is claimed with a lease (claimed_by, claimed_until, epoch ms) before it is sent and
  // marked sent after; a claim whose process died lapses when its lease ends and the row is sent by
  // another. A daily job (reminders, the retention purge) takes a lease row for its day the same way,
  // and marks it done when it finished.
  `ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
   ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;
   CREATE TABLE job_runs (
     name TEXT NOT NULL,
     day TEXT NOT NULL,
     worker TEXT NOT NULL,
     lease_until INTEGER NOT NULL,
     done_at TEXT,
     PRIMARY KEY (name, day)
   ) WITHOUT ROWID;`,
];

/** The first schema version whose rows are sealed. */
export const SEALED_FROM = 4;
