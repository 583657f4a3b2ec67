// The daily jobs: the reminder of inquiries still 未対応, and the purge of inquiries past the retention
// period. Each runs once per municipal day across every process on the database: the worker claims the
// day's lease row first (store.jobs.claimDaily), and marks it done after. A worker that dies mid-job
// leaves its lease to lapse; the next worker to look then runs the job again (both jobs are safe to
// repeat: the reminder queue is itself once per day, the purge deletes only what is still there).
import { purgeExpired } from '@/server/retention';
import type { Store } from '@/server/store/types';

/** The municipality's calendar day (JST). */
export const jstDay = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

export interface DailyJob {
  name: string;
  run(store: Store, now: Date): Promise<void>;
}

export const dailyJobs = (reminderDays: number): DailyJob[] => [
  { name: 'reminder', run: async (store, now) => void (await store.outbox.queueReminders(jstDay(now), new Date(now.getTime() - reminderDays * 86_400_000))) },
  // README, "Retention".
  { name: 'purge', run: async (store, now) => void (await purgeExpired(store, { login: 'system' }, now)) },
];

/**
 * Runs each daily job whose day's lease this worker gets. `finished` remembers the jobs known done for
 * the day, so a process asks the database once per job and day after that.
 */
export async function runDailyJobs(store: Store, jobs: DailyJob[], workerId: string, leaseMs: number, now: Date, finished: Map<string, string>): Promise<void> {
  const day = jstDay(now);
  for (const job of jobs) {
    if (finished.get(job.name) === day) continue;
    if (await store.jobs.claimDaily(job.name, day, workerId, leaseMs, now)) {
      await job.run(store, now);
      await store.jobs.finishDaily(job.name, day, workerId);
      finished.set(job.name, day);
    } else if ((await store.jobs.daily(job.name, day))?.doneAt) finished.set(job.name, day);
  }
}
