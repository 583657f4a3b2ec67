import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@/schemas/staff';
import { openSqliteStore } from '@/server/store/sqlite';
import { startServer, type TestServer } from '../support/server';
import { Client, randomLogin, seedDatabase, staffWindows, type SeededAccount } from '../staff/support';

// The access matrix (issue 15): every staff route found in src/pages/staff × every method × every role
// × an inquiry of the member's own window or another's × signed in or out, with the status each must get.
// A new route without a rule here fails the first test.

const pagesDir = new URL('../../src/pages/staff/', import.meta.url).pathname;
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return f.startsWith('_') || !/\.(astro|ts)$/.test(f) ? [] : [relative(pagesDir, p)];
  });
}

/** adminMember: an admin who is also a staff member of a window (roles and memberships are independent). */
type Role = StaffRole | 'adminMember' | 'signedOut';
type Scope = 'own' | 'other';
const roles: Role[] = ['staff', 'coordinator', 'admin', 'adminMember', 'planner', 'editor', 'signedOut'];
const scopes: Scope[] = ['own', 'other'];
const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
type Method = (typeof methods)[number];

/** The windows (the profile's, tests/staff/support.ts): staff work at one, the coordinator at 多機関協働; 'other' is a third. */
const OWN: Record<Exclude<Role, 'signedOut'>, string | undefined> = { staff: staffWindows.mine, coordinator: staffWindows.coordinator, admin: undefined, adminMember: staffWindows.mine, planner: undefined, editor: undefined };
const LOGIN: Record<Exclude<Role, 'signedOut'>, string> = { staff: 'staff1', coordinator: 'coord1', admin: 'admin1', adminMember: 'adminm1', planner: 'planner1', editor: 'editor1' };
const isAdmin = (r: Role) => r === 'admin' || r === 'adminMember';
/** An account the accounts pages show (set once seeded). */
let someAccountId = 0;
const OTHER = staffWindows.other;

interface Cell {
  role: Role;
  scope: Scope;
  method: Method;
}
interface Rule {
  /** The URL for a cell (the inquiry id depends on whose window). */
  path: (c: Cell) => string;
  /** The form a POST sends (with the session's CSRF token when there is one). */
  form?: (c: Cell) => Record<string, string>;
  expect: (c: Cell) => number;
}

const inWindow = (c: Cell) => c.role !== 'signedOut' && (c.role === 'staff' || c.role === 'coordinator' || c.role === 'adminMember') && c.scope === 'own';
let ids: Record<string, string> = {};
const inquiryFor = (c: Cell) => ids[c.scope === 'own' && c.role !== 'signedOut' && OWN[c.role] ? OWN[c.role]! : OTHER]!;

/** One rule per route file. */
const rules: Record<string, Rule> = {
  'index.astro': {
    path: () => '/staff/',
    expect: (c) => (c.method !== 'GET' ? 405 : c.role === 'signedOut' ? 303 : 200),
  },
  'signin.astro': {
    path: () => '/staff/signin/',
    form: () => ({ login: randomLogin(), password: 'wrong password!!', code: '000000' }),
    // Signed in, GET goes to the inbox, so no sign-in form token is issued and a POST is refused;
    // signed out, a POST is a sign-in attempt (here a wrong one).
    expect: (c) => (c.method === 'GET' ? (c.role === 'signedOut' ? 200 : 303) : c.method === 'POST' ? (c.role === 'signedOut' ? 401 : 403) : 405),
  },
  'signout.ts': {
    path: () => '/staff/signout/',
    form: () => ({}),
    expect: (c) => (c.method !== 'POST' ? 405 : 303),
  },
  'audit.astro': {
    path: () => '/staff/audit/',
    expect: (c) => (c.method !== 'GET' ? 405 : c.role === 'signedOut' ? 303 : isAdmin(c.role) ? 200 : 404),
  },
  'accounts/index.astro': {
    // accounts.manage only; a change without the admin's password and a fresh code is 401 and changes nothing.
    path: () => '/staff/accounts/',
    form: () => ({ do: 'add', login: 'matrix-new', name: 'マトリクス', roles: 'planner', password: 'wrong password!!', code: '000000' }),
    expect: (c) => (c.method !== 'GET' && c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 303 : !isAdmin(c.role) ? 404 : c.method === 'GET' ? 200 : 401),
  },
  'accounts/[id].astro': {
    path: () => `/staff/accounts/${someAccountId}/`,
    form: () => ({ do: 'disable', id: String(someAccountId), password: 'wrong password!!', code: '000000' }),
    expect: (c) => (c.method !== 'GET' && c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 303 : !isAdmin(c.role) ? 404 : c.method === 'GET' ? 200 : 401),
  },
  'account/index.astro': {
    // My own sign-in methods: every signed-in role; confirming with a wrong password is 401.
    path: () => '/staff/account/',
    form: () => ({ password: 'wrong password!!', code: '000000' }),
    expect: (c) => (c.method !== 'GET' && c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 303 : c.method === 'GET' ? 200 : 401),
  },
  'account/passkey.ts': {
    // JSON with the session's token in a header only: a form post is refused; signed out there is nothing.
    path: () => '/staff/account/passkey/',
    form: () => ({ step: 'options' }),
    expect: (c) => (c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 404 : 403),
  },
  'i/[id].astro': {
    path: (c) => `/staff/i/${inquiryFor(c)}/`,
    form: () => ({ action: 'note', text: 'マトリクス試験のメモ' }),
    expect: (c) => (c.method !== 'GET' && c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 303 : !inWindow(c) ? 404 : c.method === 'GET' ? 200 : 303),
  },
  'export.astro': {
    // Fresh authentication every time: a wrong password is 401 for window members; nobody else sees it.
    path: () => '/staff/export/',
    form: () => ({ password: 'wrong password!!', code: '000000' }),
    expect: (c) => (c.method !== 'GET' && c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 303 : c.role !== 'staff' && c.role !== 'coordinator' && c.role !== 'adminMember' ? 404 : c.method === 'GET' ? 200 : 401),
  },
  'counts.astro': {
    path: () => '/staff/counts/',
    expect: (c) => (c.method !== 'GET' ? 405 : c.role === 'signedOut' ? 303 : c.role === 'planner' ? 200 : 404),
  },
  // Issue 30: a window's public facts (its members only), and the editors' review (editor or admin).
  'facts/index.astro': {
    path: () => '/staff/facts/',
    expect: (c) => (c.method !== 'GET' ? 405 : c.role === 'signedOut' ? 303 : c.role === 'planner' ? 404 : 200),
  },
  'facts/[window].astro': {
    path: (c) => `/staff/facts/${c.scope === 'own' && c.role !== 'signedOut' && OWN[c.role] ? OWN[c.role] : OTHER}/`,
    // A proposal with nothing filled in: refused with the error summary, so no cell changes anything.
    form: () => ({ action: 'propose' }),
    expect: (c) => (c.method !== 'GET' && c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 303 : !inWindow(c) ? 404 : c.method === 'GET' ? 200 : 400),
  },
  'facts/review.astro': {
    path: () => '/staff/facts/review/',
    // A decision without a reason: refused, so no cell decides anything.
    form: () => ({ item: '999999', decision: 'approve', reason: '' }),
    expect: (c) => (c.method !== 'GET' && c.method !== 'POST' ? 405 : c.role === 'signedOut' ? 303 : !isAdmin(c.role) && c.role !== 'editor' ? 404 : c.method === 'GET' ? 200 : 400),
  },
  'passkey.ts': {
    // JSON only, with the pre-sign-in token in a header: a form post (what the matrix sends) is refused.
    path: () => '/staff/passkey/',
    form: () => ({ step: 'options' }),
    expect: (c) => (c.method === 'POST' ? 403 : 405),
  },
  'enrol/[token]/passkey.ts': {
    path: () => `/staff/enrol/${'A'.repeat(43)}/passkey/`,
    form: () => ({ step: 'options' }),
    expect: (c) => (c.method === 'POST' ? 404 : 405),
  },
  'enrol/[token].astro': {
    // A token that was never issued: the page says the link cannot be used, as 404.
    path: () => `/staff/enrol/${'A'.repeat(43)}/`,
    form: () => ({ password: 'another long password', code: '000000' }),
    expect: (c) => (c.method === 'GET' || c.method === 'POST' ? 404 : 405),
  },
};

let server: TestServer;
let accounts: SeededAccount[];
const clients = new Map<Role, Client>();

beforeAll(async () => {
  const seeded = await seedDatabase(
    [
      { login: 'staff1', name: '窓口 職員', role: 'staff', windows: [OWN.staff!] },
      { login: 'coord1', name: '協働 職員', role: 'coordinator', windows: [OWN.coordinator!] },
      { login: 'admin1', name: '管理者', role: 'admin', windows: [] },
      { login: 'adminm1', name: '管理者 兼 窓口', role: 'admin', windows: [OWN.adminMember!] },
      { login: 'planner1', name: '企画', role: 'planner', windows: [] },
      { login: 'editor1', name: '編集', role: 'editor', windows: [] },
    ],
    [OWN.staff!, OWN.coordinator!, OTHER],
  );
  accounts = seeded.accounts;
  const store = openSqliteStore(seeded.dbPath);
  someAccountId = (await store.staff.byLogin('planner1'))!.id;
  await store.close();
  ids = Object.fromEntries(Object.entries(seeded.inquiries).map(([w, i]) => [w, i.publicId]));
  server = await startServer({}, seeded.dbPath);
}, 60_000);
afterAll(() => server?.stop());

/**
 * A signed-in client of the role, kept for the file: a TOTP code is accepted once, so every extra
 * sign-in of the same account may wait for the next 30 s step (tests/staff/support.ts freshTotp).
 */
async function signedIn(role: Role): Promise<Client> {
  if (!clients.has(role)) clients.set(role, await clientFor(role));
  return clients.get(role)!;
}

async function clientFor(role: Role): Promise<Client> {
  const c = new Client(server.origin);
  if (role !== 'signedOut') {
    const res = await c.signIn(accounts.find((a) => a.login === LOGIN[role])!);
    expect(res.status).toBe(303);
  }
  return c;
}

describe('the staff access matrix', () => {
  it('has a rule for every route in src/pages/staff', () => {
    expect(routeFiles(pagesDir).sort()).toEqual(Object.keys(rules).sort());
  });

  const cells = Object.keys(rules).flatMap((route) => roles.flatMap((role) => scopes.flatMap((scope) => methods.map((method) => ({ route, role, scope, method })))));

  it(`gives every one of the ${cells.length} cells (${Object.keys(rules).length} routes × ${roles.length} roles × ${scopes.length} windows × ${methods.length} methods) its expected status`, async () => {
    for (const role of roles) await signedIn(role);
    const results: string[] = [];
    for (const { route, role, scope, method } of cells) {
      const rule = rules[route]!;
      const cell = { role, scope, method };
      // Signing out ends the session, so that cell gets a session of its own.
      const client = route === 'signout.ts' && method === 'POST' ? await clientFor(role) : clients.get(role)!;
      const path = rule.path(cell);
      let form: Record<string, string> | undefined;
      if (method !== 'GET') {
        const csrf = role === 'signedOut' || route === 'signin.astro' || route.startsWith('enrol/') ? await client.csrf('/staff/signin/').catch(() => '') : await client.csrf('/staff/');
        form = { csrf, ...(rule.form?.(cell) ?? {}) };
      }
      const res = await client.request(path, { method, form });
      const want = rule.expect(cell);
      const extra = res.headers.get('cache-control') === 'no-store' && res.headers.get('x-robots-tag')?.includes('noindex') ? '' : ' (missing no-store/noindex)';
      results.push(`${method} ${route} ${role}/${scope}: ${res.status}${extra}${res.status === want ? '' : ` (want ${want})`}`);
    }
    const wrong = results.filter((r) => r.includes('want') || r.includes('missing'));
    expect(wrong).toEqual([]);
    expect(results).toHaveLength(cells.length);
  }, 300_000);
});

// Every work action of the detail page × role × own or other window. The forms are ones the page refuses
// after the permission check (a stale version, a missing field), so no cell changes what the next one sees.
describe('the work actions on the detail page', () => {
  const actions: Record<string, { form: Record<string, string>; inWindow: (role: Role) => number }> = {
    note: { form: { action: 'note', text: '' }, inWindow: () => 400 },
    status: { form: { action: 'status', status: 'done', version: '1' }, inWindow: () => 400 },
    share: { form: { action: 'share', mode: 'handOver', to: staffWindows.third, reason: '試験', basis: 'consent', version: '999' }, inWindow: () => 409 },
    escalate: { form: { action: 'escalate', summary: '', basis: 'consent', version: '1' }, inWindow: () => 400 },
    meeting: { form: { action: 'meeting', date: 'not a date', summary: '試験' }, inWindow: (role) => (role === 'coordinator' ? 400 : 404) },
    deleteOnRequest: { form: { action: 'deleteOnRequest' }, inWindow: () => 400 },
  };
  const cells = Object.keys(actions).flatMap((action) => roles.flatMap((role) => scopes.map((scope) => ({ action, role, scope }))));

  it(`gives each of the ${cells.length} cells (${Object.keys(actions).length} actions × ${roles.length} roles × ${scopes.length} windows) its expected status`, async () => {
    for (const role of roles) await signedIn(role);
    const results: string[] = [];
    for (const { action, role, scope } of cells) {
      const client = clients.get(role)!;
      const cell = { role, scope, method: 'POST' as Method };
      const csrf = role === 'signedOut' ? '' : await client.csrf('/staff/');
      const res = await client.request(`/staff/i/${inquiryFor(cell)}/`, { form: { csrf, ...actions[action]!.form } });
      const want = role === 'signedOut' ? 303 : !inWindow(cell) ? 404 : actions[action]!.inWindow(role);
      results.push(`${action} ${role}/${scope}: ${res.status}${res.status === want ? '' : ` (want ${want})`}`);
    }
    expect(results.filter((r) => r.includes('want'))).toEqual([]);
  }, 120_000);
});

describe('what the matrix cannot show', () => {
  it('answers another window’s inquiry exactly like one that does not exist', async () => {
    const c = await signedIn('staff');
    const other = await c.request(`/staff/i/${ids[OTHER]}/`);
    const missing = await c.request(`/staff/i/${'0'.repeat(32)}/`);
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(await other.text()).toBe(await missing.text());
  });

  it('refuses a staff form from another origin, or without the token, with 403 and changes nothing', async () => {
    const c = await signedIn('staff');
    const path = `/staff/i/${ids[OWN.staff!]}/`;
    const csrf = await c.csrf(path);
    const before = await (await c.request(path)).text();
    const notes = (html: string) => (html.match(/CSRF試験/g) ?? []).length;
    expect((await c.request(path, { form: { csrf, action: 'note', text: 'CSRF試験' }, origin: 'https://evil.example' })).status).toBe(403);
    expect((await c.request(path, { form: { csrf: 'x'.repeat(csrf.length), action: 'note', text: 'CSRF試験' } })).status).toBe(403);
    expect((await c.request(path, { form: { action: 'note', text: 'CSRF試験' } })).status).toBe(403);
    expect((await c.request(path, { form: { csrf, action: 'note', text: 'CSRF試験' }, origin: null })).status).toBe(403);
    expect(notes(await (await c.request(path)).text())).toBe(notes(before));
  });
});

// After つなぐ (issue 16): the sending window keeps a trace (what it wrote, and the hand-off) and loses the
// content; the receiving window gets everything; nobody else gains anything. Every role × method here.
describe('the access matrix after つなぐ', () => {
  const FROM = staffWindows.mine;
  const TO = staffWindows.other;
  let hs: TestServer;
  let handAccounts: SeededAccount[];
  let inquiryId = '';
  const who = ['sender', 'receiver', 'coordinator', 'admin', 'planner', 'signedOut'] as const;
  type Who = (typeof who)[number];
  const clientsAfter = new Map<Who, Client>();

  beforeAll(async () => {
    const seeded = await seedDatabase(
      [
        { login: 'sender1', name: '窓口 送り手', role: 'staff', windows: [FROM] },
        { login: 'receiver1', name: '子ども 受け手', role: 'staff', windows: [TO] },
        { login: 'coord2', name: '協働 職員', role: 'coordinator', windows: [OWN.coordinator!] },
        { login: 'admin2', name: '管理者', role: 'admin', windows: [] },
        { login: 'planner2', name: '企画', role: 'planner', windows: [] },
      ],
      [FROM],
    );
    handAccounts = seeded.accounts;
    inquiryId = seeded.inquiries[FROM]!.publicId;
    hs = await startServer({}, seeded.dbPath);
    const logins: Record<Who, string | undefined> = { sender: 'sender1', receiver: 'receiver1', coordinator: 'coord2', admin: 'admin2', planner: 'planner2', signedOut: undefined };
    for (const w of who) {
      const c = new Client(hs.origin);
      if (logins[w]) expect((await c.signIn(handAccounts.find((a) => a.login === logins[w])!)).status).toBe(303);
      clientsAfter.set(w, c);
    }
    // The sender writes a note, then hands over through the page, as a person would.
    const sender = clientsAfter.get('sender')!;
    const path = `/staff/i/${inquiryId}/`;
    expect((await sender.request(path, { form: { csrf: await sender.csrf(path), action: 'note', text: '送り手のメモ' } })).status).toBe(303);
    const html = await (await sender.request(path)).text();
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;
    const res = await sender.request(path, { form: { csrf: await sender.csrf(path), action: 'share', mode: 'handOver', to: TO, reason: '子育ての相談のため', basis: 'consent', version } });
    expect(res.status).toBe(303);
  }, 60_000);
  afterAll(() => hs?.stop());

  const expectAfter = (w: Who, method: string, action: 'none' | 'note' | 'share') => {
    if (method !== 'GET' && method !== 'POST') return 405;
    if (w === 'signedOut') return 303;
    if (w === 'receiver') return method === 'GET' ? 200 : 303;
    // The sender may look at its trace, but changes nothing any more.
    if (w === 'sender') return method === 'GET' ? 200 : 404;
    return 404;
  };

  it('gives every role × method × action its expected status on the handed-over inquiry', async () => {
    const results: string[] = [];
    for (const w of who)
      for (const method of methods)
        for (const action of ['none', 'note', 'share'] as const) {
          if ((method === 'GET') !== (action === 'none')) continue;
          const c = clientsAfter.get(w)!;
          const path = `/staff/i/${inquiryId}/`;
          const csrf = w === 'signedOut' ? '' : await c.csrf('/staff/').catch(() => '');
          const form: Record<string, string> | undefined = method === 'GET' ? undefined : action === 'note' ? { csrf, action: 'note', text: '後からのメモ' } : { csrf, action: 'share', mode: 'join', to: staffWindows.third, reason: '試験', basis: 'consent', version: '99' };
          const res = await c.request(path, { method, form });
          const want = expectAfter(w, method, action);
          // A share with an old version is refused as a conflict for the window that has it now.
          const wantNow = w === 'receiver' && action === 'share' && method === 'POST' ? 409 : want;
          results.push(`${method} ${action} ${w}: ${res.status}${res.status === wantNow ? '' : ` (want ${wantNow})`}`);
        }
    expect(results.filter((r) => r.includes('want'))).toEqual([]);
  }, 120_000);

  it('shows the sender only what it wrote and the hand-off; the receiver sees the content, new, in its inbox', async () => {
    const path = `/staff/i/${inquiryId}/`;
    const senderPage = await (await clientsAfter.get('sender')!.request(path)).text();
    expect(senderPage).toContain('送り手のメモ');
    expect(senderPage).toContain('子育ての相談のため');
    expect(senderPage).not.toContain(`窓口 ${FROM} あての相談`);
    expect(senderPage).not.toContain('name="action"');
    // The sender's inbox keeps only the fact: under 「ほかの窓口へつないだ相談」, a link to the trace.
    const senderInbox = await (await clientsAfter.get('sender')!.request('/staff/')).text();
    const handedSection = senderInbox.slice(senderInbox.indexOf('id="handed-heading"'));
    expect(senderInbox.indexOf('id="handed-heading"')).toBeGreaterThan(0);
    expect(senderInbox.split(inquiryId).length - 1).toBe(1);
    expect(handedSection).toContain(`/staff/i/${inquiryId}/`);

    const receiverPage = await (await clientsAfter.get('receiver')!.request(path)).text();
    expect(receiverPage).toContain(`窓口 ${FROM} あての相談`);
    expect(receiverPage).toContain('子育ての相談のため');
    const inbox = await (await clientsAfter.get('receiver')!.request('/staff/?status=new')).text();
    expect(inbox).toContain(inquiryId);
  });
});
