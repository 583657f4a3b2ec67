// The one way into storage for the server, the jobs and the CLI. The engine is chosen here: PostgreSQL
// when DATABASE_URL=postgres://… is set, otherwise node:sqlite under ./data; nothing outside
// src/server/store/ opens a database or runs SQL.
import type { Sealer } from '@/server/crypto/seal';
import { openPostgresStore } from './postgres';
import { resealPostgres } from './postgres/reseal';
import { postgresSettings, selectsPostgres } from './postgres/settings';
import { defaultDbPath, openSqliteStore, resealDatabase } from './sqlite';
import type { Store } from './types';

export type { InquiryStore, StoredInquiry, RoutingDecision, CreateResult, Store } from './types';

/**
 * Opens a store of its own (the CLI, tests): PostgreSQL by DATABASE_URL, else INQUIRY_DB_PATH or
 * ./data/inquiries.sqlite. The caller closes it.
 */
export function openStore(): Store {
  return selectsPostgres() ? openPostgresStore() : openSqliteStore();
}

let store: Store | undefined;

/**
 * The process-wide store, opened on first use. Opening starts nothing else: background work (the
 * outbox, reminders, the retention purge) is started by whoever runs it (src/server/main.ts).
 */
export function getStore(): Store {
  return (store ??= openStore());
}

/**
 * Key rotation: every sealed value is opened with `from` and sealed again with `to`, and nothing sealed
 * with the old key is left behind in the engine's files. Run with the server stopped.
 */
export async function resealStore(from: Sealer, to: Sealer): Promise<{ inquiries: number; events: number }> {
  if (selectsPostgres()) return resealPostgres(postgresSettings(), from, to);
  return resealDatabase(process.env.INQUIRY_DB_PATH || defaultDbPath, from, to);
}
