// Starts the notification outbox in the server process (once), with the windows' names from content.
// The content module (astro:content) is loaded only here, when the server's store opens, so code that
// merely imports the store (tests, the CLI) does not need Astro.
import type { Store } from '@/server/store/types';
import { log } from '@/server/log';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker';

let starting: Promise<OutboxWorker | undefined> | undefined;

export function startNotifications(store: Store): void {
  starting ??= import('@/server/staff/content')
    .then(({ staffContent }) => staffContent())
    .then((c) => startOutboxWorker(store, c.windowName))
    .catch((e) => {
      log.error('job.startFailed', { job: 'outbox', error: e });
      return undefined;
    });
}

/** Stops the outbox job at a safe point: a round in progress (a send, a purge) finishes first. */
export async function stopNotifications(): Promise<void> {
  const worker = await starting;
  starting = undefined;
  if (worker) await worker.stop();
}
