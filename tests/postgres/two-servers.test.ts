// Two servers, one PostgreSQL database, behind no shared memory: what a city running two servers for
// availability needs. Each server is the real built server (npm start's entry) with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyInquiry, familyInquiryRoute } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';
import { openTestStore } from '../support/store';
import { Client, seedDatabase } from '../staff/support';

const send = (origin: string, i: number) =>
  fetch(`${origin}/api/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ ...familyInquiry, startedAt: Date.now() - 60_000, idempotencyKey: `two-servers-${i}-${'x'.repeat(16)}` }),
  });

let seeded: Awaited<ReturnType<typeof seedDatabase>>;
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  seeded = await seedDatabase([{ login: 'first1', name: '受付 職員', role: 'staff', windows: [familyInquiryRoute.windows[0]!] }], []);
  [a, b] = await Promise.all([startServer({ INQUIRY_RATE_LIMIT: 'off' }, seeded.dbPath), startServer({ INQUIRY_RATE_LIMIT: 'off' }, seeded.dbPath)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two servers on one PostgreSQL', () => {
  it('300 inquiries through both, one killed -9 after the 100th reply and restarted: every acknowledged receipt is there once, numbered without a gap', async () => {
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    // Eight senders, each inquiry to the servers in turn; a sender whose server is down sends that one to the other.
    const sender = async () => {
      while (next < 300) {
        const i = next++;
        const first = i % 2 === 0 || killed ? b : a;
        const res = await send(first.origin, i).catch(() => (first === a ? send(b.origin, i) : undefined));
        if (res?.status === 201 || res?.status === 200) acknowledged.push(((await res.json()) as { receipt: string }).receipt);
        if (acknowledged.length >= 100 && !killed) {
          killed = true;
          await a.stop('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    expect(killed).toBe(true);
    a = await startServer({ INQUIRY_RATE_LIMIT: 'off' }, seeded.dbPath);
    // The restarted server answers, and a retry of an acknowledged inquiry gets its receipt back.
    expect((await send(a.origin, 0)).status).toBe(200);

    const store = openTestStore(seeded.dbPath);
    const receipts = (await store.list(Number.MAX_SAFE_INTEGER)).map((s) => s.receipt);
    await store.close();
    expect(new Set(receipts).size).toBe(receipts.length);
    for (const r of acknowledged) expect(receipts).toContain(r);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    // Whatever was stored has a number in one unbroken run: no resident holds a number the city lost.
    const numbers = receipts.map((r) => Number(r.slice(-5))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => k + 1));
    expect(acknowledged.length).toBeGreaterThanOrEqual(290);
  }, 300_000);

  it('keeps a staff session started on one server working on the other, and a sign-out on either ends it on both', async () => {
    const onA = new Client(a.origin);
    expect((await onA.signIn(seeded.accounts[0]!)).status).toBe(303);
    const onB = new Client(b.origin);
    onB.cookies = new Map(onA.cookies);
    expect((await onB.request('/staff/')).status).toBe(200);
    const path = '/staff/signout/';
    const csrf = await onB.csrf('/staff/');
    expect((await onB.request(path, { form: { csrf } })).status).toBe(303);
    expect((await onA.request('/staff/')).status).toBe(303);
  }, 120_000);
});
