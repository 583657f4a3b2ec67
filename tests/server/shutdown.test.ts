// A planned restart (systemd stop, a deploy): SIGTERM while residents are sending. The server stops
// accepting, finishes what it took (at most 10 s), stops its jobs, closes the store and exits 0; every
// inquiry that got a receipt is there after the restart (issue 26).
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { familyInquiry } from '../fixtures/inquiries';
import { startServer } from '../support/server';

const body = () => JSON.stringify({ ...familyInquiry, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 });

describe('graceful stop', () => {
  it('SIGTERM during a burst of inquiries: exits 0 within 10 s, and every acknowledged receipt is present after restart', async () => {
    const first = await startServer({ INQUIRY_RATE_LIMIT: 'off' });
    const acknowledged: string[] = [];
    let refused = 0;
    let stopped = false;
    const sender = async () => {
      while (!stopped) {
        const res = await fetch(`${first.origin}/api/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json', origin: first.origin }, body: body() }).catch(() => undefined);
        if (res?.status === 201) acknowledged.push(((await res.json()) as { receipt: string }).receipt);
        else {
          refused++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const senders = Array.from({ length: 10 }, sender);
    for (let i = 0; i < 200 && acknowledged.length < 50; i++) await new Promise((r) => setTimeout(r, 50));
    const before = acknowledged.length;
    const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
      const t0 = Date.now();
      first.child.once('exit', (code) => resolve({ code, ms: Date.now() - t0 }));
    });
    first.child.kill('SIGTERM');
    const { code, ms } = await exited;
    stopped = true;
    await Promise.all(senders);
    expect(before).toBeGreaterThanOrEqual(50);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(11_000);
    const log = first.output().stdout;
    expect(log).toContain('"event":"server.stopping"');
    expect(log).toContain('"event":"server.stopped"');
    console.log(`SIGTERM drill: ${acknowledged.length} receipts (${before} before the signal), ${refused} refused or cut while stopping, exit ${code} after ${ms} ms`);

    const second = await startServer({ INQUIRY_RATE_LIMIT: 'off' }, first.dbPath);
    try {
      const db = new DatabaseSync(first.dbPath, { readOnly: true });
      const stored = new Set((db.prepare('SELECT receipt FROM inquiries').all() as { receipt: string }[]).map((r) => r.receipt));
      db.close();
      for (const receipt of acknowledged) expect(stored.has(receipt), receipt).toBe(true);
      expect((await fetch(`${second.origin}/readyz`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
