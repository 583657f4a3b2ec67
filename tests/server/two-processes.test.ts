import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { familyInquiry, profileWindows } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';
import { decoded, startSmtpSink } from '../support/smtp-sink';
import { openSqliteStore } from '@/server/store/sqlite';

// Two server processes on one SQLite file (issue 27): 300 inquiries spread over both, one killed with
// SIGKILL after the 100th reply and started again. Every acknowledged receipt is stored once, and each
// window's notification of each stored inquiry reaches the mail server exactly once.
const TOTAL = 300;
const KILL_AFTER = 100;
const servers: TestServer[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  await sink?.close();
});

describe('two processes, one SQLite file', () => {
  it('keeps every acknowledged inquiry once and sends each notification once, across a kill -9', async () => {
    sink = await startSmtpSink();
    const dir = mkdtempSync(join(tmpdir(), 'two-processes-'));
    const dbPath = join(dir, 'db.sqlite');
    const config = join(dir, 'notify.json');
    writeFileSync(config, JSON.stringify({ windows: Object.fromEntries(profileWindows.map((w) => [w.id, `${w.id}@city.example`])) }));
    const env = { INQUIRY_RATE_LIMIT: 'off', SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: 'portal@city.example', NOTIFY_CONFIG: config, MAIL_POLL_MS: '100', JOBS_LEASE_MS: '3000' };
    servers.push(await startServer(env, dbPath), await startServer(env, dbPath));
    const acked: string[] = [];
    let failed = 0;
    let killedAt = -1;
    const send = async (i: number) => {
      const s = servers[i % 2]!;
      try {
        const res = await fetch(`${s.origin}/api/inquiries`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: s.origin, 'sec-fetch-site': 'same-origin' },
          body: JSON.stringify({ ...familyInquiry, details: `二つのプロセス ${i}`, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 }),
        });
        if (res.status !== 201) throw new Error(String(res.status));
        acked.push(((await res.json()) as { receipt: string }).receipt);
      } catch {
        failed++;
      }
      if (acked.length === KILL_AFTER && killedAt < 0) {
        killedAt = i;
        const victim = servers[0]!;
        victim.child.kill('SIGKILL');
        await new Promise((r) => victim.child.once('exit', r));
        servers[0] = await startServer(env, dbPath);
      }
    };
    // Ten at a time, as several browsers would.
    for (let i = 0; i < TOTAL; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => send(i + k)));

    const store = openSqliteStore(dbPath);
    try {
      const stored = await store.list(TOTAL + 10);
      const receipts = stored.map((s) => s.receipt);
      expect(new Set(receipts).size).toBe(receipts.length);
      expect(acked.filter((r) => !receipts.includes(r))).toEqual([]);
      expect(new Set(acked).size).toBe(acked.length);
      const expected = new Set(stored.flatMap((s) => s.routing.windows.map((w) => `${s.receipt} → ${w}@city.example`)));
      for (let waited = 0; waited < 60_000 && sink.mails.length < expected.size; waited += 250) await delay(250);
      // Longer than a lease: a second copy of any e-mail would come now.
      await delay(4000);
      const seen = new Map<string, number>();
      for (const m of sink.mails) {
        const key = `${/受付番号: (\S+)/.exec(decoded(m.raw))?.[1]} → ${m.to.join(',')}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      const twice = [...seen].filter(([, n]) => n > 1);
      console.log(`[two processes] sent ${TOTAL}, acknowledged ${acked.length}, failed ${failed} (killed after reply ${KILL_AFTER}, request ${killedAt}); stored ${stored.length}; e-mails expected ${expected.size}, received ${sink.mails.length}, twice ${twice.length}`);
      expect(twice).toEqual([]);
      expect(new Set(seen.keys())).toEqual(expected);
    } finally {
      await store.close();
    }
  }, 300_000);
});
