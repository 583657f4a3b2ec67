// Background work, outside the request path: the notification outbox, the daily reminders and the
// retention purge (mail/outbox-worker.ts runs all three). Opening the store starts none of it: the web
// server's process starts it explicitly (src/server/main.ts).
import { startOutboxWorker, type OutboxWorker } from '@/server/mail/outbox-worker';
import { openStore } from '@/server/store';
import type { Store } from '@/server/store/types';
import { windowNames } from './window-names';

/** Starts the jobs on a store of their own (or the one given); stop() ends them. */
export function startJobs(store: Store = openStore()): OutboxWorker {
  return startOutboxWorker(store, windowNames());
}
