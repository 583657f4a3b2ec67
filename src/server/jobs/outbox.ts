// Sends what waits in the outbox. Each item is claimed with a lease before it is sent and marked sent
// after, so several processes on one database send each e-mail once; a failed send is retried later
// with a doubling delay and never touches the inquiry.
import type { Transporter } from 'nodemailer';
import type { Store } from '@/server/store/types';
import type { MailConfig } from '@/server/mail/config';
import { composeMessage } from '@/server/mail/message';

export async function sendClaimed(
  store: Store,
  o: { workerId: string; leaseMs: number; transport: Transporter; config: MailConfig; windowName: (id: string) => string },
  now: Date,
): Promise<number> {
  let sent = 0;
  for (const item of await store.outbox.claim(o.workerId, o.leaseMs, 50, now)) {
    const to = o.config.addresses[item.window];
    const retryAt = new Date(Date.now() + Math.min(o.config.backoffMs * 2 ** item.attempts, o.config.maxBackoffMs));
    if (!to) {
      await store.outbox.failed(item.id, `no notification address for window ${item.window} (NOTIFY_CONFIG)`, retryAt);
      continue;
    }
    try {
      await o.transport.sendMail({ from: o.config.from, to, ...composeMessage(item, o.windowName(item.window), o.config.staffOrigin) });
      await store.outbox.sent(item.id, new Date());
      sent++;
    } catch (e) {
      await store.outbox.failed(item.id, (e as Error).message, retryAt);
    }
  }
  return sent;
}
