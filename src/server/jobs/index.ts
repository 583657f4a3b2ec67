// Background work, outside the request path: the notification outbox, the daily reminders and the
// retention purge, and the daily jobs of issue 30 (facts reminders; the weekly sources check when
// SOURCES_CHECK=weekly). Opening the store starts none of it: the web server's process starts it
// (src/server/main.ts, unless JOBS=off), or `npm run jobs` runs it alone (src/cli/jobs.ts). Each piece
// of work is claimed in the store, so any number of processes may run the jobs on one database.
import { openStore } from '@/server/store';
import type { Store } from '@/server/store/types';
import { queueFactsReminders } from './facts-reminders';
import { sourcesWatchEnabled, watchSources } from './sources-watch';
import { windowChecks } from './window-checks';
import { windowNames } from './window-names';
import type { DailyJob } from './daily';
import { startWorker, type JobsWorker } from './worker';

export type { JobsWorker } from './worker';

/** The daily jobs of issue 30, with the windows' check dates read from the profile's files. */
export function factsJobs(): DailyJob[] {
  const { windows, checkDays } = windowChecks();
  const jobs: DailyJob[] = [{ name: 'factsReminders', run: async (store, now) => void (await queueFactsReminders(store.facts, windows, checkDays, now)) }];
  if (sourcesWatchEnabled()) jobs.push({ name: 'sourcesWatch', run: async (store, now) => void (await watchSources(store, now)) });
  return jobs;
}

/** Starts the jobs on a store of their own (or the one given); stop() ends them. */
export function startJobs(store: Store = openStore()): JobsWorker {
  return startWorker(store, windowNames(), undefined, undefined, factsJobs());
}
