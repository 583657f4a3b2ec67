import { openSqliteStore } from './sqlite';
import type { Store } from './types';

export type { InquiryStore, StoredInquiry, RoutingDecision, CreateResult, Store } from './types';

let store: Store | undefined;

/** The process-wide store, opened on first use (INQUIRY_DB_PATH or ./data/inquiries.sqlite). */
export function getStore(): Store {
  return (store ??= openSqliteStore());
}
