// The PostgreSQL engine: the same Store as node:sqlite, for a city or a federation that runs several
// servers on one database. Selected by DATABASE_URL (settings.ts). Personal fields are sealed by the
// same code and key handling as on SQLite (src/server/crypto); receipts come from a counter row taken
// inside the transaction that stores the inquiry, so they are unique, in order and without gaps across
// every server.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openInquiry, sealInquiry } from '@/server/crypto/inquiry-fields';
import { loadKey } from '@/server/crypto/key';
import { createSealer, type Sealer } from '@/server/crypto/seal';
import { createGroupCommit } from '../group-commit';
import { arrivesUrgent, receiptFor, receivedDetail } from '../records';
import type { CreateResult, RoutingDecision, Store, StoredBody, StoredInquiry } from '../types';
import { openDb, unavailableAs, type Db, type Query } from './db';
import { createPostgresInboxStore } from './inbox';
import { migratePostgres, postgresMigrations } from './migrations';
import { createPostgresJobStore, createPostgresOutboxStore, queueNotification } from './outbox';
import { createPostgresRetentionStore } from './retention';
import { postgresSettings, type PostgresSettings } from './settings';
import { createPostgresStaffStore } from './staff';
import { createPostgresStatsStore } from './stats';
import { createPostgresLimitStore } from './limits';
import { createPostgresFactsStore } from './facts';
import { canaryOpens, checkKeyCanary, KeyMismatchError, type CanaryRow } from '../key-canary';

type PendingWrite = { inquiry: StoredBody; routing: RoutingDecision; idempotencyKey: string };

/** Writes a batch of new inquiries in the caller's transaction. */
async function writeBatch(q: Query, items: PendingWrite[], sealer: Sealer): Promise<CreateResult[]> {
  const now = new Date();
  const at = now.toISOString();
  // The counter row stays locked until this transaction ends: no other server takes a number before
  // this commit, and a rolled-back batch leaves the counter as it was (no lost numbers).
  const [{ value }] = (await q<{ value: number }>("SELECT value FROM counters WHERE name = 'inquiries' FOR UPDATE")) as [{ value: number }];
  let id = value;
  const results: CreateResult[] = [];
  for (const { inquiry, routing, idempotencyKey } of items) {
    // A key seen before (a retry, or twice in this batch) inserts nothing and gets its first receipt.
    const [seen] = await q<{ receipt: string }>('SELECT receipt FROM inquiries WHERE idempotency_key = $1', [idempotencyKey]);
    if (seen) {
      results.push({ receipt: seen.receipt, created: false });
      continue;
    }
    id += 1;
    const receipt = receiptFor(id, now);
    const urgent = arrivesUrgent(inquiry);
    // The staff URLs use this random id, never the guessable receipt number.
    const publicId = randomBytes(16).toString('hex');
    await q('INSERT INTO inquiries (id, receipt, idempotency_key, received_at, body, routing, public_id, urgent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      id,
      receipt,
      idempotencyKey,
      at,
      sealInquiry(inquiry, sealer),
      JSON.stringify(routing),
      publicId,
      urgent,
    ]);
    await q("INSERT INTO inquiry_events (inquiry_id, type, at, detail) VALUES ($1::bigint, 'received', $2::text, $3::jsonb), ($1, 'routed', $2, $4::jsonb)", [id, at, JSON.stringify(receivedDetail(inquiry)), JSON.stringify(routing)]);
    if (routing.windows.length) {
      await q('INSERT INTO inquiry_windows (window_id, inquiry_id, received_at, urgent) SELECT DISTINCT unnest($1::text[]), $2::bigint, $3::text, $4::boolean ON CONFLICT DO NOTHING', [routing.windows, id, at, urgent]);
    }
    // Each window's notification e-mail waits in the outbox, committed with the inquiry.
    for (const w of routing.windows) await queueNotification(q, 'arrived', w, id, at);
    if (inquiry.categories?.length) await q('INSERT INTO inquiry_categories (category, inquiry_id) SELECT DISTINCT unnest($1::text[]), $2::bigint ON CONFLICT DO NOTHING', [inquiry.categories, id]);
    results.push({ receipt, created: true });
  }
  await q("UPDATE counters SET value = $1 WHERE name = 'inquiries'", [id]);
  return results;
}

/** Wraps every method of `target` (and of its nested stores) so that it first waits for `ready`. */
function afterReady<T extends object>(target: T, ready: () => Promise<void>): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver) as unknown;
      // Closing needs no schema.
      if (key === 'close' && typeof value === 'function') return value.bind(obj);
      if (typeof value === 'function') return async (...args: unknown[]) => (await ready(), (value as (...a: unknown[]) => unknown).apply(obj, args));
      if (value && typeof value === 'object') return afterReady(value, ready);
      return value;
    },
  });
}

/**
 * The key canary (../key-canary.ts) on PostgreSQL: checked once the schema is there, before anything is
 * sealed. Several servers may start at once: the canary is written once (the first wins) and read back,
 * so a server started with another key is refused even when it lost that race.
 */
async function checkPostgresKeyCanary(db: Db, sealer: Sealer, where: string): Promise<void> {
  const canaryRow = async () => (await db.query<CanaryRow>('SELECT key_id, sealed FROM key_canary WHERE id = 1'))[0];
  const latest = (await db.query<{ body: string }>('SELECT body::text AS body FROM inquiries ORDER BY id DESC LIMIT 1'))[0]?.body;
  const created = checkKeyCanary({ canary: await canaryRow(), latestBody: () => latest }, sealer, where);
  if (!created) return;
  await db.run('INSERT INTO key_canary (id, key_id, sealed) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [created.key_id, created.sealed]);
  checkKeyCanary({ canary: await canaryRow(), latestBody: () => latest }, sealer, where);
}

/** Where the data is, for messages: the database and schema, never the password. */
function describe(settings: PostgresSettings): string {
  try {
    const u = new URL(settings.url);
    return `the PostgreSQL database ${u.host}${u.pathname} (schema ${settings.schema})`;
  } catch {
    return `the PostgreSQL database (schema ${settings.schema})`;
  }
}

/**
 * Opens the PostgreSQL store. It answers at once; the first call waits for the schema (migrations, run
 * once by whichever server gets the advisory lock) and the key check. If the database cannot be
 * reached, that call fails and the next one tries again; a key that does not open the data already
 * stored fails every call (KeyMismatchError) and seals nothing.
 */
export function openPostgresStore(settings: PostgresSettings = postgresSettings(), opts: { sealer?: Sealer } = {}): Store {
  const sealer = opts.sealer ?? createSealer(loadKey());
  const db = openDb(settings);
  // Tried again by the next call when it fails: a server started before its database comes up by itself.
  const once = (step: () => Promise<void>) => {
    let done: Promise<void> | undefined;
    return () =>
      (done ??= step().catch((e: unknown) => {
        done = undefined;
        return unavailableAs(e);
      }));
  };
  const migrated = once(async () => void (await migratePostgres(settings)));
  const ready = once(async () => {
    await migrated();
    await checkPostgresKeyCanary(db, sealer, describe(settings));
  });

  type Row = { id: number; receipt: string; received_at: string; body: string; routing: RoutingDecision };
  type EventRow = { inquiry_id: number; type: StoredInquiry['events'][number]['type']; at: string; detail: string };
  const eventsOf = async (rows: Row[]): Promise<Map<number, StoredInquiry['events']>> => {
    const byInquiry = new Map<number, StoredInquiry['events']>(rows.map((r) => [r.id, []]));
    if (rows.length === 0) return byInquiry;
    const events = await db.query<EventRow>('SELECT inquiry_id, type, at, detail::text AS detail FROM inquiry_events WHERE inquiry_id = ANY($1) ORDER BY id', [rows.map((r) => r.id)]);
    for (const { inquiry_id, type, at, detail } of events) byInquiry.get(inquiry_id)?.push({ type, at, detail });
    return byInquiry;
  };
  const toOne = (row: Row, events: Map<number, StoredInquiry['events']>): StoredInquiry => ({
    kind: (JSON.parse(row.body) as { kind?: string }).kind === 'referral' ? 'referral' : 'inquiry',
    receipt: row.receipt,
    receivedAt: row.received_at,
    inquiry: openInquiry(row.body, sealer),
    routing: row.routing,
    events: events.get(row.id) ?? [],
  });
  const toStored = async (rows: Row[]): Promise<StoredInquiry[]> => {
    const events = await eventsOf(rows);
    return rows.map((row) => toOne(row, events));
  };
  const select = 'SELECT id, receipt, received_at, body::text AS body, routing FROM inquiries';

  const commit = createGroupCommit((items: PendingWrite[]) => db.tx((q) => writeBatch(q, items, sealer)));
  const store: Omit<Store, 'health'> = {
    // PostgreSQL's commit is durable (synchronous_commit on, the default) before this resolves.
    create: (inquiry, routing, idempotencyKey) => commit({ inquiry, routing, idempotencyKey }),
    get: async (receipt) => (await toStored(await db.query<Row>(`${select} WHERE receipt = $1`, [receipt])))[0],
    list: async (limit = 100) => toStored(await db.query<Row>(`${select} ORDER BY id DESC LIMIT $1`, [limit])),
    readAll: async () => {
      const rows = await db.query<Row>(`${select} ORDER BY id`);
      const events = await eventsOf(rows);
      const items: StoredInquiry[] = [];
      let unreadable = 0;
      for (const row of rows) {
        try {
          items.push(toOne(row, events));
        } catch {
          unreadable++;
        }
      }
      return { items, unreadable };
    },
    count: async () => ((await db.query<{ n: number }>('SELECT count(*) AS n FROM inquiries'))[0] as { n: number }).n,
    backup: (target) => dumpTo(settings, target),
    close: () => db.close(),
    staff: createPostgresStaffStore(db),
    inbox: createPostgresInboxStore(db, sealer),
    outbox: createPostgresOutboxStore(db),
    jobs: createPostgresJobStore(db),
    retention: createPostgresRetentionStore(db),
    stats: createPostgresStatsStore(db),
    limits: createPostgresLimitStore(db),
    facts: createPostgresFactsStore(db),
  };
  // The checks of /readyz need the schema only: a key that does not open the data is their answer
  // (keyOpens false), not an error.
  const health: Store['health'] = {
    migrations: async () => {
      await migrated();
      const [{ v }] = (await db.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations')) as [{ v: number }];
      return { applied: v, known: postgresMigrations.length };
    },
    keyOpens: async (key) => {
      try {
        await ready();
      } catch (e) {
        if (!(e instanceof KeyMismatchError)) throw e;
      }
      return canaryOpens((await db.query<{ sealed: string }>('SELECT sealed FROM key_canary WHERE id = 1'))[0]?.sealed, key);
    },
    oldestUnsent: async () => {
      await migrated();
      const [row] = await db.query<{ at: string | null }>('SELECT min(created_at) AS at FROM outbox WHERE sent_at IS NULL');
      return row?.at ? Date.parse(row.at) : null;
    },
  };
  return { ...afterReady(store, ready), health } as Store;
}

/** A consistent copy while the servers keep serving: pg_dump's custom format (restore with pg_restore). */
function dumpTo(settings: PostgresSettings, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', `--schema=${settings.schema}`, `--file=${target}`, `--dbname=${settings.url}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => reject(new Error(`pg_dump could not run (${e.message}); install the postgresql-client package`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed: ${err.trim()}`))));
  });
}
