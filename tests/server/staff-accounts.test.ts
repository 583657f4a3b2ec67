// Accounts in the browser (issue 25): an admin adds, changes, resets and removes accounts at
// /staff/accounts/ with plain forms (no JavaScript), each change confirmed with the admin's password and a
// fresh code, refused across origins, audited; the portal never loses its last admin. The CLI stays, and
// prints every value with control characters escaped.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '@/server/store/sqlite';
import { startServer, type TestServer } from '../support/server';
import { Client, freshTotp, PASSWORD, seedDatabase, staffWindows, type SeededAccount } from '../staff/support';

let server: TestServer;
let dbPath: string;
let admin: SeededAccount;
let c: Client;
const root = new URL('../..', import.meta.url).pathname;

beforeAll(async () => {
  const seeded = await seedDatabase([{ login: 'boss', name: '管理 太郎', role: 'admin', windows: [] }], [staffWindows.mine]);
  dbPath = seeded.dbPath;
  admin = seeded.accounts[0]!;
  server = await startServer({}, dbPath);
  c = new Client(server.origin);
  expect((await c.signIn(admin)).status).toBe(303);
}, 60_000);
afterAll(() => server?.stop());

const confirm = async () => ({ password: PASSWORD, code: await freshTotp(admin.secret) });
const post = async (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries({ csrf: await c.csrf(path), ...fields })) for (const x of [v].flat()) body.append(k, x);
  return fetch(`${server.origin}${path}`, { method: 'POST', redirect: 'manual', headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, body: body.toString() });
};
const auditActions = async () => {
  const store = openSqliteStore(dbPath);
  const { rows } = await store.staff.auditLog({ limit: 100, offset: 0 });
  await store.close();
  return rows;
};

describe('accounts in the browser', () => {
  let newId = 0;

  it('adds an account that is both planner and a window member, and shows its one-time enrolment link once', async () => {
    const res = await post('/staff/accounts/', { do: 'add', login: 'tanaka', name: '田中 花子', roles: ['planner'], memberRole: 'staff', windows: [staffWindows.mine], ...(await confirm()) });
    expect(res.status).toBe(200);
    const html = await res.text();
    const link = /<code class="staff-uri" id="enrolment-link">([^<]+)<\/code>/.exec(html)![1]!;
    expect(link).toMatch(/\/staff\/enrol\/[A-Za-z0-9_-]{43}\/$/);
    expect((await fetch(new URL(new URL(link).pathname, server.origin))).status).toBe(200);
    // Not on the list page afterwards.
    expect(await (await c.request('/staff/accounts/')).text()).not.toContain(link);
    const store = openSqliteStore(dbPath);
    const a = (await store.staff.byLogin('tanaka'))!;
    await store.close();
    newId = a.id;
    expect(a.memberships).toEqual(expect.arrayContaining([{ role: 'planner', window: '*' }, { role: 'staff', window: staffWindows.mine }]));
    expect((await auditActions())[0]).toMatchObject({ action: 'account.add', login: 'boss', target: 'tanaka' });
  }, 120_000);

  it('changes nothing without the admin’s password and a fresh code, or from another origin', async () => {
    const path = `/staff/accounts/${newId}/`;
    const wrong = await post(path, { do: 'remove', id: String(newId), password: PASSWORD, code: '000000' });
    expect(wrong.status).toBe(401);
    const csrf = await c.csrf(path);
    const evil = await c.request(path, { form: { csrf, do: 'remove', id: String(newId), ...(await confirm()) }, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const store = openSqliteStore(dbPath);
    expect((await store.staff.byLogin('tanaka'))!.state).toBe('active');
    await store.close();
  }, 120_000);

  it('never takes away the last admin’s own admin rights', async () => {
    const store = openSqliteStore(dbPath);
    const me = (await store.staff.byLogin('boss'))!;
    await store.close();
    const res = await post(`/staff/accounts/${me.id}/`, { do: 'access', id: String(me.id), roles: ['planner'], memberRole: 'staff', ...(await confirm()) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('管理者がいなくなるため');
    const after = openSqliteStore(dbPath);
    expect((await after.staff.byLogin('boss'))!.memberships).toContainEqual({ role: 'admin', window: '*' });
    await after.close();
    expect((await auditActions())[0]).toMatchObject({ action: 'account.access.refused', login: 'boss' });
  }, 120_000);

  it('resets enrolment (a new link; the old sign-in methods stop) and removes, each audited', async () => {
    const path = `/staff/accounts/${newId}/`;
    const reset = await post(path, { do: 'reset', id: String(newId), ...(await confirm()) });
    expect(reset.status).toBe(200);
    expect(await reset.text()).toMatch(/\/staff\/enrol\/[A-Za-z0-9_-]{43}\//);
    const removed = await post(path, { do: 'remove', id: String(newId), ...(await confirm()) });
    expect(removed.status).toBe(200);
    expect((await c.request(path)).status).toBe(404);
    expect((await auditActions()).slice(0, 2).map((r) => [r.action, r.target])).toEqual([['account.remove', 'tanaka'], ['account.reset', 'tanaka']]);
  }, 120_000);
});

describe('the CLI', () => {
  const cli = (...args: string[]) => execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/staff.ts', ...args], { cwd: root, env: { ...process.env, INQUIRY_DB_PATH: dbPath }, encoding: 'utf8' });

  it('makes an admin who is also a member of a window (--windows with any role is kept)', async () => {
    cli('add', 'suzuki', '--name', '鈴木', '--role', 'admin', '--windows', staffWindows.mine);
    const store = openSqliteStore(dbPath);
    expect((await store.staff.byLogin('suzuki'))!.memberships).toEqual(expect.arrayContaining([{ role: 'admin', window: '*' }, { role: 'staff', window: staffWindows.mine }]));
    await store.close();
  }, 60_000);

  it('escapes control characters in the audit listing, so a sign-in attempt cannot forge a line or drive the terminal', async () => {
    // (The server keeps a login's first 60 characters, lower-cased.)
    const forged = 'x\n2099-01-01\tadmin\taccount.remove\tboss\u001b[2j\u0007';
    // A fresh client per try: under load the server may close a kept-alive socket just as the form is sent.
    for (let attempt = 0; ; attempt++) {
      const signin = new Client(server.origin);
      const csrf = await signin.csrf('/staff/signin/');
      const sent = await signin.request('/staff/signin/', { form: { csrf, login: forged, password: 'wrong password!!', code: '000000' } }).then((r) => r.status, (e: unknown) => (attempt < 2 ? undefined : Promise.reject(e)));
      if (sent !== undefined) {
        expect(sent).toBe(401);
        break;
      }
    }
    const out = cli('audit', '--limit', '5');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const lines = out.trimEnd().split('\n');
    expect(lines.every((l) => l.split('\t').length === 6)).toBe(true);
    expect(lines.some((l) => l.startsWith('2099-'))).toBe(false);
    expect(out).toContain('x\\n2099-01-01\\tadmin');
    expect(out).toContain('\\u{1b}[2j\\u{7}');
  }, 60_000);
});
