import { startNotifications } from '@/server/mail';
import { openPostgresStore } from './postgres';
import { selectsPostgres } from './postgres/settings';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

export type { InquiryStore, StoredInquiry, RoutingDecision, CreateResult, Store } from './types';

let store: Store | undefined;

/**
 * The process-wide store, opened on first use: PostgreSQL when DATABASE_URL=postgres://… is set,
 * otherwise node:sqlite (INQUIRY_DB_PATH or ./data/inquiries.sqlite).
 */
export function getStore(): Store {
  if (!store) {
    store = selectsPostgres() ? openPostgresStore() : openSqliteStore();
    // The server's store also sends what waits in its outbox (the CLI opens the store without it).
    startNotifications(store);
  }
  return store;
}
