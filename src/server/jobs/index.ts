// Background work, outside the request path: the notification outbox, the daily reminders and the
// retention purge (mail/outbox-worker.ts runs all three), and the daily jobs of issue 30 (facts
// reminders; the weekly sources check when SOURCES_CHECK=weekly). Opening the store starts none of it:
// the web server's process starts it explicitly (src/server/main.ts).
import { startOutboxWorker, type DailyJob, type OutboxWorker } from '@/server/mail/outbox-worker';
import { openStore } from '@/server/store';
import type { Store } from '@/server/store/types';
import { queueFactsReminders } from './facts-reminders';
import { sourcesWatchEnabled, watchSources } from './sources-watch';
import { windowChecks } from './window-checks';
import { windowNames } from './window-names';

/** The daily jobs of issue 30, with the windows' check dates read from the profile's files. */
export function factsJobs(store: Store): DailyJob[] {
  const { windows, checkDays } = windowChecks();
  const jobs: DailyJob[] = [(now) => queueFactsReminders(store.facts, windows, checkDays, now)];
  if (sourcesWatchEnabled()) jobs.push((now) => watchSources(store, now));
  return jobs;
}

/** Starts the jobs on a store of their own (or the one given); stop() ends them. */
export function startJobs(store: Store = openStore()): OutboxWorker {
  return startOutboxWorker(store, windowNames(), undefined, factsJobs(store));
}
