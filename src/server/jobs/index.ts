// The server's daily jobs besides the outbox's own (src/server/mail/outbox-worker.ts runs them once a
// day per process; each claims its work in the database). Content is read when the jobs start.
import type { DailyJob } from '../mail/outbox-worker.ts';
import type { Store } from '../store/types.ts';
import { queueFactsReminders } from './facts-reminders.ts';
import { sourcesWatchEnabled, watchSources } from './sources-watch.ts';

export async function dailyJobs(store: Store): Promise<DailyJob[]> {
  const { loadSite, loadWindows } = await import('@/lib/collections');
  const [site, windows] = [await loadSite(), await loadWindows()];
  const checks = windows.map((w) => ({ id: w.id, verified: w.source.verified }));
  const jobs: DailyJob[] = [(now) => queueFactsReminders(store.facts, checks, site.factsCheckDays, now)];
  if (sourcesWatchEnabled()) jobs.push((now) => watchSources(store, now));
  return jobs;
}
