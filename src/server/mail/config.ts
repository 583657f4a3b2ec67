// Notification settings. All deployment configuration, never public content:
//   SMTP_URL        e.g. smtp://user:pass@mail.city.example:587 (none: notifications are off)
//   MAIL_FROM       the sender address, e.g. "相談窓口ポータル <noreply@city.example>"
//   NOTIFY_CONFIG   JSON file with each window's notification address (default ./data/notify.json):
//                   { "windows": { "<window id>": "window@city.example", ... }, "editor": "editor@city.example" }
//                   ("editor": where changed sources are reported, issue 30)
//   STAFF_ORIGIN    where staff open the portal, for the link in the e-mail (e.g. https://soudan.city.example)
//   REMINDER_DAYS   a daily reminder lists inquiries still 未対応 after this many days (default 3)
import { existsSync, readFileSync } from 'node:fs';

export const defaultNotifyConfig = 'data/notify.json';

export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  addresses: Record<string, string>;
  staffOrigin: string;
  reminderDays: number;
  /** How often the outbox is looked at, and the first retry delay (doubling up to maxBackoffMs). */
  pollMs: number;
  backoffMs: number;
  maxBackoffMs: number;
  /** After this many failed tries an item is shown in the inbox as failing (it keeps being retried). */
  failingAfter: number;
}

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const file = env.NOTIFY_CONFIG || defaultNotifyConfig;
  let addresses: Record<string, string> = {};
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { windows?: Record<string, string>; editor?: string };
    // The editors' address sits beside the windows' under a key no window id can take ('@editor').
    addresses = { ...parsed.windows, ...(parsed.editor ? { '@editor': parsed.editor } : {}) };
  }
  const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return {
    smtpUrl: env.SMTP_URL || undefined,
    from: env.MAIL_FROM || 'noreply@localhost',
    addresses,
    staffOrigin: (env.STAFF_ORIGIN || `http://localhost:${env.PORT ?? 4321}`).replace(/\/$/, ''),
    reminderDays: num(env.REMINDER_DAYS, 3),
    pollMs: num(env.MAIL_POLL_MS, 15_000),
    backoffMs: num(env.MAIL_BACKOFF_MS, 60_000),
    maxBackoffMs: 6 * 60 * 60_000,
    failingAfter: num(env.MAIL_FAILING_AFTER, 5),
  };
}

/** Whether notifications can be sent at all (the inbox says when they cannot). */
export const notificationsOn = (env: NodeJS.ProcessEnv = process.env) => Boolean(env.SMTP_URL);
