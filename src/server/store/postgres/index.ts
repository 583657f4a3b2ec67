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
import { openDb, unavailableAs, type Query } from './db';
import { createPostgresInboxStore } from './inbox';
import { migratePostgres } from './migrations';
import { createPostgresJobStore, createPostgresOutboxStore, queueNotification } from './outbox';
import { createPostgresRetentionStore } from './retention';
import { postgresSettings, type PostgresSettings } from './settings';
import { createPostgresStaffStore } from './staff';
import { createPostgresStatsStore } from './stats';

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
 * Opens the PostgreSQL store. It answers at once; the first call waits for the schema (migrations, run
 * once by whichever server gets the advisory lock). If the database cannot be reached, that call fails
 * and the next one tries again.
 */
export function openPostgresStore(settings: PostgresSettings = postgresSettings(), opts: { sealer?: Sealer } = {}): Store {
  const sealer = opts.sealer ?? createSealer(loadKey());
  const db = openDb(settings);
  let migrated: Promise<void> | undefined;
  const ready = () =>
    (migrated ??= migratePostgres(settings).then(
      () => undefined,
      (e: unknown) => {
        // Tried again by the next call: a server started before its database comes up by itself.
        migrated = undefined;
        return unavailableAs(e);
      },
    ));

  type Row = { id: number; receipt: string; received_at: string; body: string; routing: RoutingDecision };
  const toStored = async (rows: Row[]): Promise<StoredInquiry[]> => {
    if (rows.length === 0) return [];
    const events = await db.query<{ inquiry_id: number; type: StoredInquiry['events'][number]['type']; at: string; detail: string }>(
      'SELECT inquiry_id, type, at, detail::text AS detail FROM inquiry_events WHERE inquiry_id = ANY($1) ORDER BY id',
      [rows.map((r) => r.id)],
    );
    return rows.map((row) => ({
      kind: (JSON.parse(row.body) as { kind?: string }).kind === 'referral' ? 'referral' : 'inquiry',
      receipt: row.receipt,
      receivedAt: row.received_at,
      inquiry: openInquiry(row.body, sealer),
      routing: row.routing,
      events: events.filter((e) => e.inquiry_id === row.id).map(({ type, at, detail }) => ({ type, at, detail })),
    }));
  };
  const select = 'SELECT id, receipt, received_at, body::text AS body, routing FROM inquiries';

  const commit = createGroupCommit((items: PendingWrite[]) => db.tx((q) => writeBatch(q, items, sealer)));
  const store: Store = {
    // PostgreSQL's commit is durable (synchronous_commit on, the default) before this resolves.
    create: (inquiry, routing, idempotencyKey) => commit({ inquiry, routing, idempotencyKey }),
    get: async (receipt) => (await toStored(await db.query<Row>(`${select} WHERE receipt = $1`, [receipt])))[0],
    list: async (limit = 100) => toStored(await db.query<Row>(`${select} ORDER BY id DESC LIMIT $1`, [limit])),
    count: async () => ((await db.query<{ n: number }>('SELECT count(*) AS n FROM inquiries'))[0] as { n: number }).n,
    backup: (target) => dumpTo(settings, target),
    close: () => db.close(),
    staff: createPostgresStaffStore(db),
    inbox: createPostgresInboxStore(db, sealer),
    outbox: createPostgresOutboxStore(db),
    jobs: createPostgresJobStore(db),
    retention: createPostgresRetentionStore(db),
    stats: createPostgresStatsStore(db),
  };
  return afterReady(store, ready);
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
