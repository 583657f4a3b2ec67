import { openSqliteStore } from './sqlite';
import type { InquiryStore } from './types';

export type { InquiryStore, StoredInquiry, RoutingDecision, CreateResult } from './types';

let store: InquiryStore | undefined;

/** The process-wide store, opened on first use (INQUIRY_DB_PATH or ./data/inquiries.sqlite). */
export function getStore(): InquiryStore {
  return (store ??= openSqliteStore());
}
