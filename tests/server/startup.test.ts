// The server refuses to start on what would otherwise fail later, at a resident's first inquiry, and
// the message names the setting to fix (issue 26). Each case starts `node src/server/main.ts` the way
// `npm run serve` does and reads its exit code and stderr. Permission cases run as an unprivileged user
// when the tests run as root (root is never refused a write).
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/server';

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Starts the server and waits for it to exit (or reports that it kept running). */
function start(env: Record<string, string>, { unprivileged = false } = {}): { status: number | null; stderr: string } {
  const args = ['src/server/main.ts'];
  const command = unprivileged && asRoot ? 'setpriv' : process.execPath;
  const argv = unprivileged && asRoot ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, ...args] : args;
  const result = spawnSync(command, argv, { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, encoding: 'utf8', timeout: 30_000 });
  // The refusal is a JSON log line (event server.refused); its message is what an operator reads.
  const refused = result.stderr.split('\n').flatMap((l) => {
    try {
      const line = JSON.parse(l) as { event?: string; message?: string };
      return line.event === 'server.refused' ? [line.message ?? ''] : [];
    } catch {
      return [];
    }
  });
  return { status: result.status, stderr: refused.join('\n') || result.stderr };
}
const key = () => randomBytes(32).toString('base64');
const folder = () => mkdtempSync(join(tmpdir(), 'startup-test-'));

describe('refusing to start', () => {
  it('a profile that does not exist: names PORTAL_PROFILE', () => {
    const r = start({ PORTAL_PROFILE: 'nosuchtown', INQUIRY_KEY: key(), INQUIRY_DB_PATH: join(folder(), 'db.sqlite') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PORTAL_PROFILE: profile "nosuchtown"/);
  });

  it('a TRUST_PROXY that is not a hop count or a list of addresses', () => {
    const r = start({ TRUST_PROXY: 'my-nginx', INQUIRY_KEY: key(), INQUIRY_DB_PATH: join(folder(), 'db.sqlite') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/TRUST_PROXY: "my-nginx"/);
  });

  it('in production, no key: names INQUIRY_KEY', () => {
    const r = start({ NODE_ENV: 'production', INQUIRY_KEY: '', INQUIRY_KEY_FILE: join(folder(), 'missing.key'), INQUIRY_DB_PATH: join(folder(), 'db.sqlite') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INQUIRY_KEY/);
  });

  it('in production, a data folder that does not exist: names INQUIRY_DB_PATH', () => {
    const r = start({ NODE_ENV: 'production', INQUIRY_KEY: key(), INQUIRY_DB_PATH: join(folder(), 'not-made', 'db.sqlite') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INQUIRY_DB_PATH: the data folder .*not-made does not exist/);
  });

  it('a data folder the service user cannot write', () => {
    const dir = folder();
    chmodSync(dir, 0o755);
    if (!asRoot) chmodSync(dir, 0o555);
    const r = start({ INQUIRY_KEY: key(), INQUIRY_DB_PATH: join(dir, 'db.sqlite') }, { unprivileged: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INQUIRY_DB_PATH: the data folder .* is not writable/);
  });

  it('a database file that can only be read', async () => {
    const dir = folder();
    const inquiryKey = key();
    // A real database first, then handed over read-only.
    const made = await startServer({ INQUIRY_KEY: inquiryKey }, join(dir, 'db.sqlite'));
    await made.stop();
    rmSync(join(dir, 'db.sqlite-wal'), { force: true });
    rmSync(join(dir, 'db.sqlite-shm'), { force: true });
    chmodSync(join(dir, 'db.sqlite'), 0o444);
    if (asRoot) {
      chmodSync(dir, 0o755);
      chownSync(dir, NOBODY, NOBODY);
    }
    const r = start({ INQUIRY_KEY: inquiryKey, INQUIRY_DB_PATH: join(dir, 'db.sqlite') }, { unprivileged: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INQUIRY_DB_PATH: the database file .*db\.sqlite can only be read/);
  });

  it('a key that does not open the data already sealed: refused, nothing sealed with it', async () => {
    const dir = folder();
    const right = key();
    const first = await startServer({ INQUIRY_KEY: right }, join(dir, 'db.sqlite'));
    await first.stop();
    const r = start({ INQUIRY_KEY: key(), INQUIRY_DB_PATH: join(dir, 'db.sqlite') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INQUIRY_KEY \/ INQUIRY_KEY_FILE: the key in use \(key id [0-9a-f]{8}\) does not open the data already in/);
    // With the right key it starts again.
    const again = await startServer({ INQUIRY_KEY: right }, join(dir, 'db.sqlite'));
    expect((await fetch(`${again.origin}/readyz`)).status).toBe(200);
    await again.stop();
  });

  it('the built app run on its own (as Astro\'s docs say) refuses and names `npm run serve`', () => {
    const r = spawnSync(process.execPath, ['dist/server/entry.mjs'], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm run serve');
  });
});

describe('while running', () => {
  it('/readyz answers 503 naming the key when the key file becomes unreadable', async () => {
    const dir = folder();
    const keyFile = join(dir, 'inquiry.key');
    writeFileSync(keyFile, `${key()}\n`, { mode: 0o600 });
    const server = await startServer({ INQUIRY_KEY: '', INQUIRY_KEY_FILE: keyFile, NODE_ENV: 'production' }, join(dir, 'db.sqlite'));
    try {
      expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
      rmSync(keyFile);
      const ready = await fetch(`${server.origin}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'fail', failed: 'key', checks: { store: 'ok', migrations: 'ok', key: 'fail' } });
      // A replaced key (another key at the same path) is as bad as none.
      writeFileSync(keyFile, `${key()}\n`, { mode: 0o600 });
      expect((await (await fetch(`${server.origin}/readyz`)).json()) as object).toMatchObject({ failed: 'key' });
    } finally {
      await server.stop();
    }
  });
});

