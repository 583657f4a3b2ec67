// A TOTP code signs in once (RFC 6238, 5.2). Defect: a code could be used again within its 30 s window,
// so a code seen over someone's shoulder, or replayed from a captured request, signed in a second time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, signInWithPassword } from '@/server/staff/auth';
import { openTestStore } from '../support/store';
import { startServer, type TestServer } from '../support/server';
import { Client, PASSWORD, randomSecret, seedDatabase } from '../staff/support';

const step = () => Math.floor(Date.now() / 30_000);
const codeFor = (secret: string, s: number) => generateSync({ secret, epoch: s * 30 });

async function withAccount() {
  const path = join(mkdtempSync(join(tmpdir(), 'totp-replay-')), 'db.sqlite');
  const store = openTestStore(path);
  const secret = randomSecret();
  const account = await store.staff.create({ login: 'tanaka', name: '田中', memberships: [{ role: 'planner', window: '*' }] });
  await store.staff.completeEnrolment(account.id, await hashPassword(PASSWORD), secret);
  return { path, store, secret };
}
const attempt = (store: ReturnType<typeof openTestStore>, code: string) => signInWithPassword(store, { login: 'tanaka', password: PASSWORD, code, ip: null }).then((r) => r.ok);

describe('signInWithPassword', () => {
  it('refuses a code already used for the account, and audits the attempt as a reuse', async () => {
    const { store, secret } = await withAccount();
    const code = codeFor(secret, step());
    expect(await attempt(store, code)).toBe(true);
    expect(await attempt(store, code)).toBe(false);
    expect((await store.staff.auditLog({ limit: 1, offset: 0 })).rows[0]).toMatchObject({ action: 'signIn.failed', login: 'tanaka', detail: { codeReused: true } });
    await store.close();
  });

  it('refuses a code of an earlier step once a later one was used; the next step’s code still works', async () => {
    const { store, secret } = await withAccount();
    const now = step();
    expect(await attempt(store, codeFor(secret, now))).toBe(true);
    expect(await attempt(store, codeFor(secret, now - 1))).toBe(false);
    expect(await attempt(store, codeFor(secret, now + 1))).toBe(true);
    expect(await attempt(store, codeFor(secret, now))).toBe(false);
    await store.close();
  });

  it('holds across connections (processes) on one database, and of two sign-ins at once with one code only one succeeds', async () => {
    const { path, store, secret } = await withAccount();
    const other = openTestStore(path);
    const code = codeFor(secret, step());
    const both = await Promise.all([attempt(store, code), attempt(other, code)]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await attempt(other, code)).toBe(false);
    await other.close();
    await store.close();
  });

  it('a failed attempt (wrong password) does not use the code up', async () => {
    const { store, secret } = await withAccount();
    const code = codeFor(secret, step());
    expect((await signInWithPassword(store, { login: 'tanaka', password: 'wrong password!', code, ip: null })).ok).toBe(false);
    expect(await attempt(store, code)).toBe(true);
    await store.close();
  });
});

describe('the sign-in page', () => {
  let server: TestServer;
  let seeded: Awaited<ReturnType<typeof seedDatabase>>;
  beforeAll(async () => {
    seeded = await seedDatabase([{ login: 'replayed', name: '再送 職員', role: 'planner', windows: [] }], []);
    server = await startServer({}, seeded.dbPath);
  }, 60_000);
  afterAll(() => server?.stop());

  it('signs in with a code once; the same code from another browser is refused with the one sign-in error', async () => {
    const a = seeded.accounts[0]!;
    const code = codeFor(a.secret, step());
    const post = async (c: Client) => c.request('/staff/signin/', { form: { csrf: await c.csrf('/staff/signin/'), login: a.login, password: PASSWORD, code } });
    const first = await post(new Client(server.origin));
    expect(first.status).toBe(303);
    const second = await post(new Client(server.origin));
    expect(second.status).not.toBe(303);
    expect(await second.text()).toContain('ログインID、パスワード、確認コードを確かめてください');
  });
});
