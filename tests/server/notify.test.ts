import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyInquiry, familyInquiryRoute, profileWindows } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';
import { decoded, startSmtpSink, type Mail } from '../support/smtp-sink';
import { Client, seedDatabase } from '../staff/support';
import type { Inquiry } from '@/schemas/inquiry';
import { mailConfig } from '@/server/mail/config';
import { startWorker } from '@/server/jobs/worker';
import { openTestStore } from '../support/store';

// Notifications (issue 16) through a real SMTP server in this test process: what arrives, to whom, and
// that nothing personal is in it; a refusing mail server never fails an inquiry.
let SMTP_PORT = 0;
let mails: Mail[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

const waitFor = async <T>(fn: () => T | undefined, ms = 15_000): Promise<T> => {
  for (let waited = 0; waited < ms; waited += 100) {
    const v = fn();
    if (v) return v;
    await delay(100);
  }
  throw new Error('timed out');
};

let server: TestServer;
let seeded: Awaited<ReturnType<typeof seedDatabase>>;
// familyInquiry goes to the windows the profile's expectations name (expectations/inquiry.yaml);
// `elsewhere` is a window it does not go to, for the hand-over and the reminder.
const [first] = familyInquiryRoute.windows;
const elsewhere = profileWindows.map((w) => w.id).find((id) => !familyInquiryRoute.windows.includes(id))!;
const address = (window: string) => `${window}@city.example`;
const addresses = Object.fromEntries([...familyInquiryRoute.windows, elsewhere].map((w) => [w, address(w)]));

beforeAll(async () => {
  sink = await startSmtpSink();
  ({ port: SMTP_PORT, mails } = sink);
  seeded = await seedDatabase([{ login: 'first1', name: '受付 職員', role: 'staff', windows: [first!] }], []);
  const config = join(mkdtempSync(join(tmpdir(), 'notify-')), 'notify.json');
  writeFileSync(config, JSON.stringify({ windows: addresses }));
  server = await startServer(
    { INQUIRY_RATE_LIMIT: 'off', SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, MAIL_FROM: 'portal@city.example', NOTIFY_CONFIG: config, STAFF_ORIGIN: 'https://soudan.city.example', MAIL_POLL_MS: '200', MAIL_BACKOFF_MS: '200', MAIL_FAILING_AFTER: '2' },
    seeded.dbPath,
  );
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

const send = async () => {
  const res = await fetch(`${server.origin}/api/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin, 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ ...familyInquiry, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 }),
  });
  return { status: res.status, data: (await res.json()) as { receipt: string } };
};

describe('notification e-mail', () => {
  it('tells each window an inquiry arrived: receipt, time and a staff link, and nothing personal', async () => {
    const { status, data } = await send();
    expect(status).toBe(201);
    // One e-mail to each window the inquiry went to.
    const n = familyInquiryRoute.windows.length;
    const got = await waitFor(() => (mails.filter((m) => decoded(m.raw).includes(data.receipt)).length >= n ? mails.filter((m) => decoded(m.raw).includes(data.receipt)) : undefined));
    expect(got.map((m) => m.to[0]).sort()).toEqual(familyInquiryRoute.windows.map(address).sort());
    const text = decoded(got[0]!.raw);
    expect(text).toContain(`受付番号: ${data.receipt}`);
    expect(text).toMatch(/https:\/\/soudan\.city\.example\/staff\/i\/[0-9a-f]{32}\//);
    for (const personal of [familyInquiry.name, familyInquiry.details, familyInquiry.phone, familyInquiry.relationship].filter(Boolean) as string[]) {
      expect(text).not.toContain(personal);
      expect(got[0]!.raw).not.toContain(personal);
    }
  });

  it('tells the receiving window when an inquiry is handed to it', async () => {
    const { data } = await send();
    const c = new Client(server.origin);
    expect((await c.signIn(seeded.accounts[0]!)).status).toBe(303);
    const store = openTestStore(server.dbPath);
    const { publicId } = (await store.inbox.list([first!], {}, 100)).rows.find((r) => r.receipt === data.receipt)!;
    await store.close();
    const path = `/staff/i/${publicId}/`;
    const version = /name="version" value="(\d+)"/.exec(await (await c.request(path)).text())![1]!;
    const res = await c.request(path, { form: { csrf: await c.csrf(path), action: 'share', mode: 'handOver', to: elsewhere, reason: '子育ての相談', basis: 'consent', version } });
    expect(res.status).toBe(303);
    const mail = await waitFor(() => mails.find((m) => m.to[0] === address(elsewhere) && decoded(m.raw).includes(data.receipt)));
    expect(decoded(mail.raw)).toContain('つながれました');
    expect(decoded(mail.raw)).not.toContain('子育ての相談');
  });

  it('keeps the inquiry when the mail server refuses, retries, and shows the failing e-mail in the inbox', async () => {
    sink.refuse.on = true;
    const before = mails.length;
    const { status } = await send();
    expect(status).toBe(201);
    const c = new Client(server.origin);
    expect((await c.signIn(seeded.accounts[0]!)).status).toBe(303);
    let html = '';
    for (let i = 0; i < 100 && !html.includes('送れていない通知メール'); i++) {
      await delay(150);
      html = await (await c.request('/staff/')).text();
    }
    expect(html).toContain('送れていない通知メールが 1 件あります');
    expect(mails.length).toBe(before);
    // Once the mail server takes mail again, the retry delivers it and the notice goes.
    sink.refuse.on = false;
    for (let i = 0; i < 100 && html.includes('送れていない通知メール'); i++) {
      await delay(200);
      html = await (await c.request('/staff/')).text();
    }
    expect(html).not.toContain('送れていない通知メール');
    expect(mails.length).toBeGreaterThan(before);
  }, 60_000);
});

describe('without SMTP', () => {
  it('says so once at start, and the inbox shows notifications are off', async () => {
    const s = await startServer({}, seeded.dbPath);
    try {
      const c = new Client(s.origin);
      expect((await c.signIn(seeded.accounts[0]!)).status).toBe(303);
      expect(await (await c.request('/staff/')).text()).toContain('通知メールは送られていません');
      await c.request('/staff/');
      // Everything the server wrote since its start (tests/support/server.ts reads it as it comes).
      await delay(200);
      expect(s.output().stderr.match(/SMTP_URL is not set/g)).toHaveLength(1);
    } finally {
      await s.stop();
    }
  });
});

describe('the daily reminder', () => {
  it('e-mails each window the receipt numbers still 未対応 after the set days, once that day', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'reminder-')), 'db.sqlite');
    const store = openTestStore(path);
    await store.create({ ...(familyInquiry as unknown as Inquiry), details: '催促の試験' }, { windows: [elsewhere], coordinator: false }, 'r1');
    const receipt = (await store.list(1))[0]!.receipt;
    const config = { ...mailConfig({ SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, MAIL_FROM: 'portal@city.example', STAFF_ORIGIN: 'https://soudan.city.example' }), addresses, pollMs: 60_000 };
    const worker = startWorker(store, (w) => w, config);
    try {
      const inFourDays = new Date(Date.now() + 4 * 86_400_000);
      await worker.tick(inFourDays);
      await worker.tick(inFourDays);
      const reminders = mails.filter((m) => decoded(m.raw).includes('未対応の相談が'));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.to).toEqual([address(elsewhere)]);
      expect(decoded(reminders[0]!.raw)).toContain(`受付番号 ${receipt}`);
      expect(decoded(reminders[0]!.raw)).not.toContain('催促の試験');
    } finally {
      worker.stop();
      await store.close();
    }
  });
});
