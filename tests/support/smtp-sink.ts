import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the test's SMTP server received it. */
export interface Mail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server in the test process, on a port the system gives (a fixed one could be taken by
 * another run on the machine). `refuse` makes it answer 550 to every recipient.
 */
export async function startSmtpSink(): Promise<{ port: number; mails: Mail[]; refuse: { on: boolean }; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const refuse = { on: false };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, cb) {
      cb(refuse.on ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  // A client killed mid-conversation (a test's kill -9) resets its connection: not the sink's failure.
  smtp.on('error', () => {});
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return { port: (smtp.server.address() as AddressInfo).port, mails, refuse, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** The decoded text of a mail (nodemailer sends UTF-8 as quoted-printable or base64). */
export function decoded(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const subject = /^Subject: (.*(?:\r?\n .*)*)/im.exec(head!)?.[1] ?? '';
  const words = subject.replace(/\r?\n /g, '').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
  const text = /Content-Transfer-Encoding: base64/i.test(head!)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return `${words}\n${text}`;
}
