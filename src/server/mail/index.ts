// Starts the notification outbox in the server process (once), with the windows' names from content.
// The content module (astro:content) is loaded only here, when the server's store opens, so code that
// merely imports the store (tests, the CLI) does not need Astro.
import type { Store } from '@/server/store/types';
import { startOutboxWorker } from './outbox-worker';

let started = false;

export function startNotifications(store: Store): void {
  if (started) return;
  started = true;
  void Promise.all([import('@/server/staff/content').then(({ staffContent }) => staffContent()), import('@/server/jobs').then(({ dailyJobs }) => dailyJobs(store))])
    .then(([c, jobs]) => startOutboxWorker(store, c.windowName, undefined, jobs))
    .catch((e) => console.error('[notifications] could not start:', (e as Error).message));
}
