// Facts that stay true, the whole journey on the real server without JavaScript (issue 30): a resident
// reports a wrong fact (it reaches the editor and no one else); a window member confirms the window and
// proposes hours and a new FAX number; the editor approves with reasons (audited); `npm run content --
// apply` writes them into a copy of the profile with the source `window-declared`, comments and order kept.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileDir } from '@/lib/profile';
import { sourceSchema } from '@/schemas/source';
import { windowSchema } from '@/schemas/window';
import { openSqliteStore } from '@/server/store/sqlite';
import { startServer, type TestServer } from '../support/server';
import { Client, seedDatabase, staffWindows, type SeededAccount } from '../staff/support';

const W = staffWindows.mine;
const OTHER = staffWindows.other;
const REPORT = `電話番号が古いようです ${Date.now()}`;
const NEW_FAX = '0478-99-0000';
let server: TestServer;
let dbPath: string;
let accounts: SeededAccount[];
const client = new Map<string, Client>();
const as = (login: string) => client.get(login)!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

beforeAll(async () => {
  const seeded = await seedDatabase(
    [
      { login: 'member1', name: '窓口 花子', role: 'staff', windows: [W] },
      { login: 'other1', name: '別窓口 太郎', role: 'staff', windows: [OTHER] },
      { login: 'editor1', name: '編集 一郎', role: 'editor', windows: [] },
    ],
    [],
  );
  accounts = seeded.accounts;
  dbPath = seeded.dbPath;
  server = await startServer({ INQUIRY_RATE_LIMIT: '3' }, dbPath);
  for (const a of accounts) {
    const c = new Client(server.origin);
    expect((await c.signIn(a)).status).toBe(303);
    client.set(a.login, c);
  }
}, 120_000);
afterAll(() => server?.stop());

describe('a resident reports a wrong fact', () => {
  it('finds 「情報がちがうときは」 on the window page, and a one-field form asking nothing personal', async () => {
    const page = await (await fetch(`${server.origin}/madoguchi/${W}/`)).text();
    expect(page).toContain(`href="/madoguchi/${W}/chigau/"`);
    expect(text(page)).toContain('情報がちがうときは');
    const form = await (await fetch(`${server.origin}/madoguchi/${W}/chigau/`)).text();
    expect([...form.matchAll(/<(?:input|textarea|select)\b[^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual(['text']);
    expect(text(form)).toContain('お名前や連絡先');
  });
  it('an empty report is refused with the question named', async () => {
    const res = await fetch(`${server.origin}/madoguchi/${W}/chigau/`, { method: 'POST', headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=%20' });
    expect(res.status).toBe(400);
    expect(text(await res.text())).toContain('何がちがうかを入力してください');
  });
  it('a report is thanked, and a cross-site post is refused', async () => {
    const res = await fetch(`${server.origin}/madoguchi/${W}/chigau/`, { method: 'POST', headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ text: REPORT }).toString() });
    expect(res.status).toBe(200);
    expect(text(await res.text())).toContain('ありがとうございました');
    const cross = await fetch(`${server.origin}/madoguchi/${W}/chigau/`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=x' });
    expect(cross.status).toBe(403);
  });
  it('is rate-limited like every public POST', async () => {
    // Empty reports (refused, so nothing is stored) count against the limit as any other post.
    const post = () => fetch(`${server.origin}/madoguchi/${W}/chigau/`, { method: 'POST', headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post()).status);
    expect(statuses).toContain(429);
    expect((await post()).headers.get('retry-after')).toMatch(/^\d+$/);
  });
  it("reaches the editor's page and no window's inbox or facts page", async () => {
    expect(text(await (await as('editor1').request('/staff/facts/review/')).text())).toContain(REPORT);
    for (const login of ['member1', 'other1']) {
      expect(await (await as(login).request('/staff/')).text()).not.toContain(REPORT);
      expect((await as(login).request('/staff/facts/review/')).status).toBe(404);
    }
    expect(await (await as('member1').request(`/staff/facts/${W}/`)).text()).not.toContain(REPORT);
  });
});

describe('a window confirms its facts and proposes hours and a new FAX number; the editor approves', () => {
  it("shows the member the window's public facts; a member of another window gets nothing", async () => {
    const page = text(await (await as('member1').request(`/staff/facts/${W}/`)).text());
    expect(page).toContain('住民に見えている内容');
    expect(page).toContain('変わりありません');
    expect((await as('other1').request(`/staff/facts/${W}/`)).status).toBe(404);
  });
  it('「変わりありません」 records who and when', async () => {
    const c = as('member1');
    const res = await c.request(`/staff/facts/${W}/`, { form: { csrf: await c.csrf(`/staff/facts/${W}/`), action: 'confirm' } });
    expect(res.status).toBe(303);
    const page = text(await (await c.request(`/staff/facts/${W}/`)).text());
    expect(page).toMatch(/最後の確認: .+\(窓口 花子\)/);
  });
  it('a value the content schema refuses is named in the error and kept as typed', async () => {
    const c = as('member1');
    const res = await c.request(`/staff/facts/${W}/`, { form: { csrf: await c.csrf(`/staff/facts/${W}/`), action: 'propose', fax: '0478 99', 'hours-opens': '25:00' } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(text(html)).toContain('「FAX番号」を正しい形で入力してください');
    expect(text(html)).toContain('「受付時間」を正しい形で入力してください');
    expect(html).toContain('value="0478 99"');
    expect(html).toContain('value="25:00"');
  });
  it('「ここがちがう」 sends hours and a FAX number as two proposals', async () => {
    const c = as('member1');
    const form = new URLSearchParams({ csrf: await c.csrf(`/staff/facts/${W}/`), action: 'propose', fax: NEW_FAX, 'hours-opens': '08:30', 'hours-closes': '17:15', 'hours-closed': '土曜日、日曜日、祝日' });
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) form.append('hours-days', d);
    // The days are one name repeated, as a browser sends checkboxes: the body is sent as it is.
    const res = await fetch(`${server.origin}/staff/facts/${W}/`, { method: 'POST', redirect: 'manual', headers: { origin: server.origin, cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(res.status).toBe(303);
    expect(text(await (await c.request(`/staff/facts/${W}/?saved=propose`)).text())).toContain('変更の提案を送りました');
  });
  it('the editor sees them, must give a reason, and approves each (audited)', async () => {
    const c = as('editor1');
    const page = await (await c.request('/staff/facts/review/')).text();
    expect(text(page)).toContain(NEW_FAX);
    expect(text(page)).toMatch(/月.*08:30〜17:15/);
    const items = [...page.matchAll(/name="item" value="(\d+)"/g)].map((m) => m[1]!);
    expect(items).toHaveLength(4); // the report, the confirmation and the two proposals
    const noReason = await c.request('/staff/facts/review/', { form: { csrf: await c.csrf('/staff/facts/review/'), item: items[0]!, decision: 'approve', reason: '' } });
    expect(noReason.status).toBe(400);
    expect(text(await noReason.text())).toContain('理由を入力してください');
    for (const item of items) {
      const res = await c.request('/staff/facts/review/', { form: { csrf: await c.csrf('/staff/facts/review/'), item, decision: 'approve', reason: '窓口に電話で確認した' } });
      expect(res.status).toBe(303);
    }
    expect(text(await (await c.request('/staff/facts/review/')).text())).toContain('確認待ちの項目はありません');
  });
});

describe('npm run content -- apply', () => {
  it('writes the approved hours and FAX into the window YAML with a window-declared source, keeping comments and order', async () => {
    await server.stop();
    const store = openSqliteStore(dbPath);
    const audit = (await store.staff.auditLog({ limit: 100, offset: 0 })).rows.map((r) => r.action);
    await store.close();
    expect(audit).toEqual(expect.arrayContaining(['facts.confirm', 'facts.propose', 'facts.approve']));
    const dir = mkdtempSync(join(tmpdir(), 'facts-apply-'));
    cpSync(profileDir(), dir, { recursive: true });
    const file = join(dir, 'windows', `${W}.yaml`);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `# 窓口の説明はこのファイル\n${original.replace(/^(summary: .*)$/m, '$1 # 出典の表現のまま')}`);
    const before = Object.keys(parse(readFileSync(file, 'utf8')) as object);
    const run = spawnSync('npx', ['tsx', 'src/cli/content.ts', 'apply', '--dir', dir], { env: { ...process.env, INQUIRY_DB_PATH: dbPath }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const written = readFileSync(file, 'utf8');
    expect(written.startsWith('# 窓口の説明はこのファイル\n')).toBe(true);
    expect(written).toContain('# 出典の表現のまま');
    // Every line the items do not touch is as it was, byte for byte (style, quoting, long lines).
    const untouched = readFileSync(file.replace(dir, profileDir()), 'utf8').split('\n').filter((l) => l && !/^\s+(documents|verified):|^source:/.test(l) && !l.startsWith('summary:'));
    for (const line of untouched) expect(written.split('\n'), line).toContain(line);
    const data = windowSchema.parse(parse(written));
    expect(data.hours.weekly).toEqual([{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '17:15' }]);
    expect(data.hours.closed).toEqual(['土曜日', '日曜日', '祝日']);
    expect(data.channels.filter((c) => c.type === 'fax').map((c) => (c.type === 'fax' ? c.number : ''))[0]).toBe(NEW_FAX);
    expect(data.source.documents).toContain(`${W}-declared`);
    expect(data.source.verified.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    // The keys that were there keep their order; hours goes where the schema puts it.
    const after = Object.keys(parse(written) as object);
    expect(after.filter((k) => before.includes(k))).toEqual(before);
    const md = readFileSync(join(dir, 'sources', `${W}-declared.md`), 'utf8');
    const front = sourceSchema.parse(parse(md.split(/^---$/m)[1]!));
    expect(front.kind).toBe('window-declared');
    expect(md).toContain(NEW_FAX);
    expect(md).toContain('08:30〜17:15');
    // Applied once: a second run has nothing to do.
    const again = spawnSync('npx', ['tsx', 'src/cli/content.ts', 'apply', '--dir', dir], { env: { ...process.env, INQUIRY_DB_PATH: dbPath }, encoding: 'utf8' });
    expect(again.stdout).toContain('nothing approved to apply');
  }, 60_000);
});
