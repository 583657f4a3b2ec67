// Sends what waits in the outbox, in the server process. A failed send is retried later with a
// doubling delay; it never touches the inquiry. A daily job queues reminders of inquiries still 未対応.
import nodemailer from 'nodemailer';
import type { Store } from '@/server/store/types';
import { mailConfig, type MailConfig } from './config';
import { composeMessage } from './message';
import { purgeExpired } from '@/server/retention';
import { log } from '@/server/log';

/** The municipality's calendar day (JST). */
const jstDay = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

export interface OutboxWorker {
  /** One round: the daily reminder if due, then every due item. Resolves when done. */
  tick(now?: Date): Promise<void>;
  /** No new rounds; resolves when the round in progress has finished. */
  stop(): Promise<void>;
}

/** Other daily work the server does (src/server/jobs/): run once a day per process, each claiming its work. */
export type DailyJob = (now: Date) => Promise<unknown>;

export function startOutboxWorker(store: Store, windowName: (id: string) => string, config: MailConfig = mailConfig(), daily: readonly DailyJob[] = []): OutboxWorker {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  let running: Promise<void> | undefined;
  let lastDay = '';
  let stopped = false;
  const round = async (now: Date): Promise<{ sent: number; failed: number; purged: number }> => {
    let sent = 0;
    let failed = 0;
    let purged = 0;
    // Daily jobs: looked at once per day per process; the database decides (claimDaily) so two
    // processes never both run one.
    const day = jstDay(now);
    if (day !== lastDay) {
      lastDay = day;
      await store.outbox.queueReminders(day, new Date(now.getTime() - config.reminderDays * 86_400_000));
      // The daily purge of inquiries past the retention period (README, "Retention").
      if (await store.outbox.claimDaily('purge', day)) purged = await purgeExpired(store, { login: 'system' }, now);
      for (const job of daily) await job(now).catch((e) => console.error('[jobs]', (e as Error).message));
    }
    if (!transport) return { sent, failed, purged };
    for (const item of await store.outbox.due(now, 50)) {
      const to = config.addresses[item.window];
      const retryAt = new Date(Date.now() + Math.min(config.backoffMs * 2 ** item.attempts, config.maxBackoffMs));
      if (!to) {
        await store.outbox.failed(item.id, `no notification address for window ${item.window} (NOTIFY_CONFIG)`, retryAt);
        failed++;
        continue;
      }
      try {
        await transport.sendMail({ from: config.from, to, ...composeMessage(item, windowName(item.window), config.staffOrigin) });
        await store.outbox.sent(item.id, new Date());
        sent++;
      } catch (e) {
        await store.outbox.failed(item.id, (e as Error).message, retryAt);
        failed++;
      }
      // Stopping: the send in progress finished and is recorded; the rest waits for the next start.
      if (stopped) break;
    }
    return { sent, failed, purged };
  };
  // One JSON log line per run (counts and time only); a failed run is logged and the next one tries again.
  const logged = async (now: Date) => {
    const begun = Date.now();
    try {
      const counts = await round(now);
      log.info('job.run', { job: 'outbox', ...counts, ms: Date.now() - begun });
    } catch (e) {
      log.error('job.failed', { job: 'outbox', ms: Date.now() - begun, error: e });
    }
  };
  const tick = (now = new Date()) => (stopped ? Promise.resolve() : (running ??= logged(now).finally(() => (running = undefined))));
  const timer = setInterval(() => void tick(), config.pollMs);
  timer.unref();
  void tick();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
