// The jobs of issue 30 with a clock the test sets: reminders to check a window's facts (from
// factsCheckDays − 14, weekly until the window confirms), and the weekly sources check against a local
// HTTP server (never the internet), both ending in the outbox with nothing personal in the e-mail.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsDueDay } from '@/lib/facts-check';
import { checkSources, compareText, textLines, watchedSources } from '@/lib/sources-check';
import { queueFactsReminders } from '@/server/jobs/facts-reminders';
import { watchSources, weekOf } from '@/server/jobs/sources-watch';
import { composeMessage } from '@/server/mail/message';
import { openSqliteStore } from '@/server/store/sqlite';
import type { Store } from '@/server/store/types';
import { sourceFiles } from '../support/content';

const run_ = (args: string[]) =>
  promisify(execFile)('npx', ['tsx', 'src/cli/sources.ts', ...args], { encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const newStore = () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'facts-jobs-')), 'db.sqlite'));
const at = (day: string) => new Date(`${day}T09:00:00+09:00`);

describe('reminders to check a window’s facts', () => {
  const verified = new Date('2026-01-10T00:00:00Z');
  const windows = [{ id: 'kita-madoguchi', verified }];
  const start = factsDueDay(verified, 180 - 14);
  let store: Store;
  beforeAll(() => void (store = newStore()));
  afterAll(() => store.close());
  const reminders = async () => (await store.outbox.due(new Date('2100-01-01'), 100)).filter((i) => i.kind === 'factsCheck');

  it('start 14 days before the check date, not earlier', async () => {
    expect(await queueFactsReminders(store.facts, windows, 180, at(factsDueDay(start, -1)))).toEqual([]);
    expect(await queueFactsReminders(store.facts, windows, 180, at(start))).toEqual(['kita-madoguchi']);
  });
  it('repeat weekly, not daily, and a second server the same day sends none', async () => {
    expect(await queueFactsReminders(store.facts, windows, 180, at(start))).toEqual([]);
    expect(await queueFactsReminders(store.facts, windows, 180, at(factsDueDay(start, 6)))).toEqual([]);
    expect(await queueFactsReminders(store.facts, windows, 180, at(factsDueDay(start, 7)))).toEqual(['kita-madoguchi']);
    expect(await reminders()).toHaveLength(2);
  });
  it('link to the window’s facts page, give the check date, and say nothing personal', async () => {
    const m = composeMessage((await reminders())[0]!, '北地区相談窓口', 'https://soudan.example');
    expect(m.text).toContain('https://soudan.example/staff/facts/kita-madoguchi/');
    expect(m.text).toContain(factsDueDay(verified, 180));
    expect(m.subject).toContain('北地区相談窓口');
    expect(m.text).not.toMatch(/受付番号|@/);
  });
  it('stop once the window has confirmed', async () => {
    await store.facts.confirm({ window: 'kita-madoguchi', staffId: (await store.staff.create({ login: 'm1', name: 'm', memberships: [{ role: 'staff', window: 'kita-madoguchi' }] })).id, at: at(factsDueDay(start, 8)) });
    expect(await queueFactsReminders(store.facts, windows, 180, at(factsDueDay(start, 14)))).toEqual([]);
    expect(await queueFactsReminders(store.facts, windows, 180, at(factsDueDay(start, 21)))).toEqual([]);
  });
});

describe('the sources check against a local HTTP server', () => {
  // A real source document of the profile, served as a city page would serve it (menus around the text).
  const real = [...sourceFiles().values()].find((s) => s.data.kind === 'document' && s.data.url && s.text.length > 1000)!;
  const lines = real.text.split('\n').filter((l) => l.trim());
  const changedLine = lines.find((l) => /\d/.test(l) && l.length > 8)!;
  const asHtml = (body: string[]) => `<!doctype html><html><head><title>x</title><script>var a = 1;</script></head><body><nav><ul><li>ホーム</li><li>お知らせ</li></ul></nav><main>${body.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}</main><footer>© city</footer></body></html>`;
  let server: Server;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/same') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(asHtml(lines));
      if (req.url === '/changed') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(asHtml(lines.map((l) => (l === changedLine ? l.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : l))));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'sources-'));
    const file = readFileSync(join(...findSourcePath(real.id)), 'utf8');
    for (const [id, path] of [['a-same', '/same'], ['b-changed', '/changed'], ['c-gone', '/gone']] as const) writeFileSync(join(dir, `${id}.md`), file.replace(/^url: .*$/m, `url: ${base}${path}`));
  });
  afterAll(() => server?.close());

  it('finds the changed source and names the line the page no longer has; an unchanged page is the same', async () => {
    const results = await checkSources(watchedSources([dir]));
    expect(results.map((r) => [r.id, r.status])).toEqual([['a-same', 'same'], ['b-changed', 'changed'], ['c-gone', 'unreachable']]);
    const changed = results[1]!;
    expect(changed.status === 'changed' ? changed.missing : []).toEqual(textLines(changedLine));
    expect(compareText('電話 0478-50-1209', '<p>電話&nbsp;0478-50-1209</p>').missing).toEqual([]);
  });
  it('npm run sources -- check lists what changed and exits 2; --help describes its options', async () => {
    // Asynchronously: the local server answers from this process while the command runs.
    const run = await run_(['check', '--dir', dir]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/^same\s+a-same/m);
    expect(run.stdout).toMatch(/^changed\s+b-changed/m);
    expect(run.stdout).toContain('no longer on the page:');
    expect(run.stdout).toMatch(/^unreachable\s+c-gone/m);
    const help = await run_(['--help']);
    expect(help.status).toBe(0);
    for (const option of ['check', '--only', '--json', '--notify', '--dir']) expect(help.stdout).toContain(option);
  }, 60_000);
  it('the weekly job e-mails the editors once a week, naming the changed source', async () => {
    const store = newStore();
    try {
      const now = at('2026-12-09');
      expect(await watchSources(store, now, [dir])).toEqual(['b-changed']);
      expect(await watchSources(store, at('2026-12-11'), [dir])).toEqual([]);
      expect(weekOf(at('2026-12-14'))).toBe('2026-12-14');
      const mail = (await store.outbox.due(new Date('2100-01-01'), 10)).filter((i) => i.kind === 'sourcesChanged');
      expect(mail).toHaveLength(1);
      expect(mail[0]!.window).toBe('@editor');
      expect(composeMessage(mail[0]!, '', 'https://soudan.example').text).toContain(real.data.title);
    } finally {
      await store.close();
    }
  });
});

/** The file of a source id: the profile's sources/ or content/sources/. */
function findSourcePath(id: string): string[] {
  for (const dir of [join(process.cwd(), 'content/profiles', process.env.PORTAL_PROFILE || 'katori', 'sources'), join(process.cwd(), 'content/sources')]) {
    try {
      readFileSync(join(dir, `${id}.md`));
      return [dir, `${id}.md`];
    } catch {
      /* next */
    }
  }
  throw new Error(`no file for source ${id}`);
}
