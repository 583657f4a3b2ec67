// Sends what waits in the outbox. Each item is claimed with a lease before it is sent and marked sent
// after, so several processes on one database send each e-mail once; a failed send is retried later
// with a doubling delay and never touches the inquiry.
import type { Transporter } from 'nodemailer';
import type { Store } from '@/server/store/types';
import type { MailConfig } from '@/server/mail/config';
import { composeMessage } from '@/server/mail/message';

export async function sendClaimed(
  store: Store,
  o: { workerId: string; leaseMs: number; transport: Transporter; config: MailConfig; windowName: (id: string) => string; stopped?: () => boolean },
  now: Date,
): Promise<number> {
  let sent = 0;
  // One item claimed at a time, right before it is sent: a lease then only has to outlast one send, not a
  // batch (a batch sent slower than its lease would be claimed again by another worker and sent twice).
  // Stopping: the send in progress finishes and is recorded; the rest waits for the next start.
  for (let round = 0; round < 50 && !o.stopped?.(); round++) {
    const [item] = await store.outbox.claim(o.workerId, o.leaseMs, 1, round === 0 ? now : new Date(Math.max(Date.now(), now.getTime())));
    if (!item) break;
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
