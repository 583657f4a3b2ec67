// Background work, outside the request path: the notification outbox, the daily reminders and the
// retention purge. Opening the store starts none of it: the web server's process starts it
// (src/server/main.ts, unless JOBS=off), or `npm run jobs` runs it alone (src/cli/jobs.ts). Each piece
// of work is claimed in the store, so any number of processes may run the jobs on one database.
import { openStore } from '@/server/store';
import type { Store } from '@/server/store/types';
import { windowNames } from './window-names';
import { startWorker, type JobsWorker } from './worker';

export type { JobsWorker } from './worker';

/** Starts the jobs on a store of their own (or the one given); stop() ends them. */
export function startJobs(store: Store = openStore()): JobsWorker {
  return startWorker(store, windowNames());
}
