// The restore drill (issue 26): back up a running portal, lose the machine's data folder, restore the
// backup onto a fresh folder with the key, start, sign in and see the inquiries. Without the key (or
// with another one), restore says plainly that the data cannot be read, and changes nothing.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { familyInquiry } from '../fixtures/inquiries';
import { startServer } from '../support/server';
import { Client, seedDatabase, staffWindows } from '../staff/support';

// The key this "city" keeps in its key backup. Set before the database is made, so the seeded rows are sealed with it.
const KEY = randomBytes(32).toString('base64');
process.env.INQUIRY_KEY = KEY;

/** `npm run inquiries -- …` as an operator runs it. */
function inquiriesCli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/inquiries.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('restore drill', () => {
  it('backup, wipe, restore onto a fresh folder with the key, sign in, see the inquiries', async () => {
    const seeded = await seedDatabase([{ login: 'restore-staff', name: '復元 職員', role: 'staff', windows: [staffWindows.mine] }], [staffWindows.mine, staffWindows.other]);
    const server = await startServer({ INQUIRY_KEY: KEY, INQUIRY_RATE_LIMIT: 'off' }, seeded.dbPath);
    let receipt: string;
    try {
      const res = await fetch(`${server.origin}/api/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.origin }, body: JSON.stringify({ ...familyInquiry, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 }) });
      expect(res.status).toBe(201);
      receipt = ((await res.json()) as { receipt: string }).receipt;
      // The backup is taken while the server runs.
      const backupDir = mkdtempSync(join(tmpdir(), 'backup-'));
      const backup = join(backupDir, 'portal.sqlite');
      const made = inquiriesCli(['backup', backup], { INQUIRY_DB_PATH: seeded.dbPath });
      expect(made.status, made.out).toBe(0);
      await server.stop();

      // The machine's data folder is lost.
      rmSync(dirname(seeded.dbPath), { recursive: true, force: true });
      const fresh = join(mkdtempSync(join(tmpdir(), 'restored-')), 'data', 'inquiries.sqlite');

      // Without the key: said plainly, nothing restored.
      const noKey = inquiriesCli(['restore', backup], { INQUIRY_DB_PATH: fresh, INQUIRY_KEY: '', INQUIRY_KEY_FILE: join(dirname(fresh), 'inquiry.key') });
      expect(noKey.status).toBe(1);
      expect(noKey.out).toContain('cannot be read without the key they were sealed with');
      expect(existsSync(fresh)).toBe(false);
      // With another key: the same, naming the key ids.
      const wrongKey = inquiriesCli(['restore', backup], { INQUIRY_DB_PATH: fresh, INQUIRY_KEY: randomBytes(32).toString('base64') });
      expect(wrongKey.status).toBe(1);
      expect(wrongKey.out).toMatch(/The data in this backup cannot be read with this key/);
      expect(existsSync(fresh)).toBe(false);

      // With the key: a working inbox.
      const restored = inquiriesCli(['restore', backup], { INQUIRY_DB_PATH: fresh, INQUIRY_KEY: KEY });
      expect(restored.status, restored.out).toBe(0);
      expect(restored.out).toMatch(/restored 3 inquiries and 1 staff accounts/);
      // Restoring again over it is refused: nothing is overwritten.
      expect(inquiriesCli(['restore', backup], { INQUIRY_DB_PATH: fresh, INQUIRY_KEY: KEY }).out).toContain('already holds a database');

      const after = await startServer({ INQUIRY_KEY: KEY }, fresh);
      try {
        expect((await fetch(`${after.origin}/readyz`)).status).toBe(200);
        const staff = new Client(after.origin);
        expect((await staff.signIn(seeded.accounts[0]!)).status).toBe(303);
        const inbox = await (await staff.request('/staff/')).text();
        expect(inbox).toContain(seeded.inquiries[staffWindows.mine]!.receipt);
        expect(inbox).not.toContain(seeded.inquiries[staffWindows.other]!.receipt);
        const detail = /href="(\/staff\/i\/[0-9a-f]+\/)"/.exec(inbox)?.[1];
        expect(await (await staff.request(detail!)).text()).toContain(`窓口 ${staffWindows.mine} あての相談`);
      } finally {
        await after.stop();
      }
      expect(receipt).toMatch(/^\d{8}-\d{5}$/);
    } finally {
      await server.stop();
    }
    // Four CLI runs and two server starts: a minute or two on a busy machine.
  }, 180_000);
});
