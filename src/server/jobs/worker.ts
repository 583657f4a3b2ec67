// The jobs' loop in one process: every poll, the daily jobs that are due (daily.ts), then the outbox
// (outbox.ts). Every piece of work is claimed in the store first, so any number of processes can run
// this loop on one database and each piece is done once.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Store } from '@/server/store/types';
import { mailConfig, type MailConfig } from '@/server/mail/config';
import { log } from '@/server/log';
import { dailyJobs, runDailyJobs, type DailyJob } from './daily';
import { sendClaimed } from './outbox';

export interface JobsWorker {
  /** This worker's name in the store's claims (host, process, and a random part). */
  id: string;
  /** One round: the daily jobs if due, then every due item. Resolves when done. */
  tick(now?: Date): Promise<void>;
  /** No new rounds; resolves when the round in progress has finished (a send in progress is recorded). */
  stop(): Promise<void>;
}

/**
 * How long a claim holds (JOBS_LEASE_MS, default 10 minutes): longer than a send or a job takes, since
 * a lease that ends while its worker still works lets another worker do the same work.
 */
export const leaseMs = (env: NodeJS.ProcessEnv = process.env) => {
  // DATABASE_LEASE_MS is the PostgreSQL settings' name for the same lease.
  const v = Number(env.JOBS_LEASE_MS || env.DATABASE_LEASE_MS);
  return Number.isFinite(v) && v > 0 ? v : 10 * 60_000;
};

export function startWorker(store: Store, windowName: (id: string) => string, config: MailConfig = mailConfig(), lease = leaseMs(), more: readonly DailyJob[] = []): JobsWorker {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  const id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const jobs = [...dailyJobs(config.reminderDays), ...more];
  const finished = new Map<string, string>();
  let running: Promise<void> | undefined;
  let stopped = false;
  // One JSON log line per run (counts and time only); a failed run is logged and the next one tries again.
  const round = async (now: Date) => {
    const begun = Date.now();
    try {
      await runDailyJobs(store, jobs, id, lease, now, finished);
      const sent = transport ? await sendClaimed(store, { workerId: id, leaseMs: lease, transport, config, windowName, stopped: () => stopped }, now) : 0;
      log.info('job.run', { job: 'outbox', sent, ms: Date.now() - begun });
    } catch (e) {
      log.error('job.failed', { job: 'outbox', ms: Date.now() - begun, error: e });
    }
  };
  const tick = (now = new Date()) => (stopped ? Promise.resolve() : (running ??= round(now).finally(() => (running = undefined))));
  const timer = setInterval(() => void tick(), config.pollMs);
  timer.unref();
  void tick();
  return {
    id,
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
