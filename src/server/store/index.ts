import { startNotifications, stopNotifications } from '@/server/mail';
import { serverChannel } from '@/server/request-context';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

export type { InquiryStore, StoredInquiry, RoutingDecision, CreateResult, Store } from './types';

let store: Store | undefined;

/** The process-wide store, opened on first use (INQUIRY_DB_PATH or ./data/inquiries.sqlite). */
export function getStore(): Store {
  if (!store) {
    store = openSqliteStore();
    // The server's store also sends what waits in its outbox (the CLI opens the store without it).
    startNotifications(store);
    // The production server's graceful stop: jobs first (at a safe point), then the store.
    const channel = serverChannel() as { stop?: () => Promise<void> } | undefined;
    if (channel) {
      channel.stop = async () => {
        await stopNotifications();
        store?.close();
        store = undefined;
      };
    }
  }
  return store;
}
