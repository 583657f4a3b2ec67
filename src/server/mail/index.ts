// Starts the notification outbox in the server process (once), with the windows' names from content.
import type { Store } from '@/server/store/types';
import { staffContent } from '@/server/staff/content';
import { startOutboxWorker } from './outbox-worker';

let started = false;

export function startNotifications(store: Store): void {
  if (started) return;
  started = true;
  void staffContent().then((c) => startOutboxWorker(store, c.windowName));
}
