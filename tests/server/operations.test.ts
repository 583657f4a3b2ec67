// Run as a city's IT department runs it (issue 26): behind a reverse proxy (TRUST_PROXY), rate limited on
// every public POST with counters in the store (shared by every process on the database), bodies capped,
// sign-in limited per address before any password is hashed, health endpoints, one JSON log line per
// request. Against the real built server on loopback; "residents behind the proxy" are the addresses a
// trusted proxy appends to X-Forwarded-For.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPath } from '@/lib/profile';
import { issueFormStart } from '@/server/form-start';
import { familyInquiry } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';
import { Client } from '../staff/support';

const district = (parse(readFileSync(contentPath('areas.yaml'), 'utf8')) as { id: string }[])[0]!.id;
const apiBody = () => ({ ...familyInquiry, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 });
/** A resident behind the proxy: the address nginx appends to what the client sent. */
const behindProxy = (address: string, sent?: string) => ({ 'x-forwarded-for': sent ? `${sent}, ${address}` : address });

function postApi(server: TestServer, headers: Record<string, string> = {}, origin = server.origin) {
  return fetch(`${server.origin}/api/inquiries`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...headers }, body: JSON.stringify(apiBody()) });
}

/** The no-JS form after 「この内容で送る」, as the check page posts it. */
function inquiryForm(details: string): URLSearchParams {
  const f = new URLSearchParams({ writer: 'self', area: district, details, window: 'any', name: '試験 太郎', language: 'ja', locale: 'en', consent: 'on', phone: '090-0000-0000', idempotencyKey: randomUUID(), startedAt: issueFormStart(Date.now() - 60_000), confirmed: '1' });
  for (const c of familyInquiry.categories) f.append('categories', c);
  f.append('contactMethods', 'phone');
  return f;
}
const postForm = (server: TestServer, path: string, form: URLSearchParams, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, ...headers }, body: form.toString(), redirect: 'manual' });

describe('behind a trusted proxy (TRUST_PROXY=127.0.0.1)', () => {
  let server: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    const env = { TRUST_PROXY: '127.0.0.1', INQUIRY_RATE_LIMIT: '2', PAGE_RATE_LIMIT: '3', SIGNIN_RATE_LIMIT: '2' };
    server = await startServer(env);
    // A second process on the same database: the counters are shared.
    second = await startServer(env, server.dbPath);
  });
  afterAll(async () => {
    await server?.stop();
    await second?.stop();
  });

  it('two residents behind the proxy are limited separately; a third process counts the same client', async () => {
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await postApi(server, behindProxy('198.51.100.1'))).status);
    expect(a).toEqual([201, 201, 429]);
    // Resident B is not refused for A's inquiries.
    expect((await postApi(server, behindProxy('198.51.100.2'))).status).toBe(201);
    // A, writing another address in front, is still A: only the hop nginx appended is believed.
    const spoofed = await postApi(server, behindProxy('198.51.100.1', '203.0.113.77'));
    expect(spoofed.status).toBe(429);
    expect(Number(spoofed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await spoofed.json()).toMatchObject({ error: 'api.error.rateLimited' });
    // The other process answers A with the same count.
    expect((await postApi(second, behindProxy('198.51.100.1'))).status).toBe(429);
  });

  it('the browser\'s https origin from the proxy passes the same-origin check; a foreign one does not', async () => {
    const viaTls = { ...behindProxy('198.51.100.3'), 'x-forwarded-proto': 'https', 'x-forwarded-host': 'soudan.city.example' };
    expect((await postApi(server, viaTls, 'https://soudan.city.example')).status).toBe(201);
    expect((await postApi(server, viaTls, 'https://evil.example')).status).toBe(403);
  });

  it('the no-JS inquiry: the refused send gives the form back filled, in the resident\'s language, saying when to try again', async () => {
    const resident = behindProxy('198.51.100.4');
    expect((await postForm(server, '/en/soudan/okuru/', inquiryForm('first'), resident)).status).toBe(200);
    expect((await postForm(server, '/en/soudan/okuru/', inquiryForm('second'), resident)).status).toBe(200);
    const refused = await postForm(server, '/en/soudan/okuru/', inquiryForm('父が一人で暮らしていて心配です'), resident);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await refused.text();
    expect(html).toMatch(/Wait about \d+ minutes and send it again/);
    expect(html).toContain('父が一人で暮らしていて心配です');
    expect(html).toContain('name="details"');
  });

  it('the check step, the wizard result and the search count against the pages\' limit, and come back filled', async () => {
    const resident = behindProxy('198.51.100.5');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postForm(server, '/madoguchi/kensaku/', new URLSearchParams({ q: '介護の相談' }), resident)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await postForm(server, '/madoguchi/kensaku/', new URLSearchParams({ q: '介護の相談' }), resident);
    expect(await refused.text()).toContain('value="介護の相談"');
    const check = inquiryForm('確認の前');
    check.delete('confirmed');
    expect((await postForm(server, '/soudan/okuru/', check, resident)).status).toBe(429);
    expect((await postForm(server, '/sagasu/kekka/', new URLSearchParams({ who: 'self' }), resident)).status).toBe(429);
  });

  it('staff sign-in is limited per address before any password is checked', async () => {
    const client = new Client(server.origin);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const csrf = await client.csrf('/staff/signin/');
      const res = await fetch(`${server.origin}/staff/signin/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...behindProxy('198.51.100.6') },
        body: new URLSearchParams({ csrf, login: `nobody-${i}`, password: 'wrong password!', code: '000000' }).toString(),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(await res.text()).toMatch(/分ほどたってから/);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe('bounded work, health and logs (no proxy)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ INQUIRY_RATE_LIMIT: '2' });
  });
  afterAll(() => server?.stop());

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot reset its own limit', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postApi(server, behindProxy(`198.51.100.${10 + i}`))).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('a chunked staff body is read no further than its cap: 413, and the server keeps answering', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.origin}/staff/signin/`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked', origin: server.origin } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 300) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    }).catch(() => 413);
    expect(status).toBe(413);
    const declared = await fetch(`${server.origin}/staff/passkey/`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.origin }, body: 'x'.repeat(100 * 1024) });
    expect(declared.status).toBe(413);
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });

  it('/healthz and /readyz answer JSON with the checks by name and nothing personal', async () => {
    const health = await fetch(`${server.origin}/healthz`);
    expect(health.headers.get('content-type')).toContain('application/json');
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { store: 'ok', migrations: 'ok', key: 'ok', outbox: 'skipped' } });
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });

  it('one JSON line per request: request id, method, route pattern (not the path with its ids), status, ms; no query or answers', async () => {
    await fetch(`${server.origin}/staff/i/0123456789abcdef0123456789abcdef/`, { redirect: 'manual' });
    await postApi(server);
    const secret = '死にたいと思う秘密の検索語';
    await postForm(server, '/madoguchi/kensaku/', new URLSearchParams({ q: secret }));
    await new Promise((r) => setTimeout(r, 300));
    const { stdout, stderr } = server.output();
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.event === 'request');
    const detail = requests.find((l) => l.route === '/staff/i/[id]');
    expect(detail).toMatchObject({ method: 'GET', status: expect.any(Number), ms: expect.any(Number), requestId: expect.stringMatching(/^[0-9a-f]{12}$/), time: expect.any(String) });
    expect(requests.some((l) => l.route === '/api/inquiries' && l.method === 'POST')).toBe(true);
    expect(stdout + stderr).not.toContain('0123456789abcdef0123456789abcdef');
    expect(stdout + stderr).not.toContain(secret);
    expect(stdout + stderr).not.toContain(familyInquiry.details);
    expect(lines.some((l) => l.event === 'job.run' && l.job === 'outbox')).toBe(true);
  });
});

describe('a store error while serving', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ INQUIRY_RATE_LIMIT: 'off' });
    // The disk, say, refuses every new inquiry from now on (the server's own connection sees the trigger).
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(server.dbPath);
    db.exec("CREATE TRIGGER test_refuse BEFORE INSERT ON inquiries BEGIN SELECT RAISE(ABORT, 'the disk refused'); END;");
    db.close();
  });
  afterAll(() => server?.stop());

  it('the no-JS form comes back filled with 「お問い合わせ番号」, and the log line carries the same id', async () => {
    const res = await postForm(server, '/soudan/okuru/', inquiryForm('書いた相談の内容は消えない'));
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('書いた相談の内容は消えない');
    expect(html).toContain('入力した内容は下に残っています');
    const id = /お問い合わせ番号: ([0-9a-f]{12})/.exec(html)?.[1];
    expect(id).toBeDefined();
    await new Promise((r) => setTimeout(r, 200));
    const failed = server.output().stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'request.failed' && l.requestId === id);
    expect(failed).toMatchObject({ level: 'error', error: { message: expect.stringContaining('the disk refused') } });
    expect(JSON.stringify(failed)).not.toContain('書いた相談の内容は消えない');
  });

  it('the API answers 500 JSON with the request id', async () => {
    const res = await postApi(server);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: 'api.error.server', requestId: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });
});
