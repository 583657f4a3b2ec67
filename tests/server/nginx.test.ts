// The README's deployment guide, tried: Debian's nginx in front of the built server on loopback, with the
// README's nginx site as it is (only the ports, the certificate paths and the host name replaced), and the
// portal with TRUST_PROXY=127.0.0.1 as the guide's systemd unit sets it. Two residents behind nginx
// (different loopback addresses) are limited separately, the security headers arrive, a browser-style
// `Origin: https://…` passes, and a body over 64 KB stops at nginx with 413.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyInquiry } from '../fixtures/inquiries';
import { startServer, type TestServer } from '../support/server';

const NGINX = '/usr/sbin/nginx';

/** The nginx site exactly as the README shows it (the block after the nginx-site marker). */
function readmeSite(): string {
  const readme = readFileSync('README.md', 'utf8');
  const at = readme.indexOf('<!-- nginx-site');
  const block = /```nginx\n([\s\S]*?)```/.exec(readme.slice(at));
  if (at < 0 || !block) throw new Error('README: no nginx site block after <!-- nginx-site');
  return block[1]!;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
/** An https request through nginx from a given loopback address (one resident per address). */
function send(port: number, from: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', servername: 'localhost', port, path, method: init.method ?? 'GET', localAddress: from, rejectUnauthorized: false, headers: { host: `localhost:${port}`, ...init.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

let app: TestServer;
let nginx: ChildProcess;
let port: number;
const origin = () => `https://localhost:${port}`;
const inquiry = (from: string, extra: Record<string, string> = {}) =>
  send(port, from, '/api/inquiries', { method: 'POST', headers: { 'content-type': 'application/json', origin: origin(), 'sec-fetch-site': 'same-origin', ...extra }, body: JSON.stringify({ ...familyInquiry, idempotencyKey: randomUUID(), startedAt: Date.now() - 60_000 }) });

beforeAll(async () => {
  app = await startServer({ TRUST_PROXY: '127.0.0.1', INQUIRY_RATE_LIMIT: '2', NODE_ENV: 'production', INQUIRY_KEY: Buffer.alloc(32, 7).toString('base64') });
  const dir = mkdtempSync(join(tmpdir(), 'nginx-test-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  port = await freePort();
  const redirectPort = await freePort();
  const appPort = new URL(app.origin).port;
  const site = readmeSite()
    .replace('server 127.0.0.1:4321;', `server 127.0.0.1:${appPort};`)
    .replace('listen 80;', `listen 127.0.0.1:${redirectPort};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`)
    .replaceAll('soudan.city.example;', 'localhost;')
    .replace(/ssl_certificate +\S+;/, `ssl_certificate ${join(dir, 'cert.pem')};`)
    .replace(/ssl_certificate_key +\S+;/, `ssl_certificate_key ${join(dir, 'key.pem')};`);
  writeFileSync(join(dir, 'site.conf'), site);
  // The main file Debian's /etc/nginx/nginx.conf would be, reduced to a throw-away prefix.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\nmaster_process off;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  include ${join(dir, 'site.conf')};\n}\n`,
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr!.setEncoding('utf8').on('data', (d: string) => (errors += d));
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
    if ((await send(port, '127.0.0.1', '/healthz').catch(() => undefined))?.status === 200) return;
    await delay(100);
  }
  throw new Error(`nginx did not answer: ${errors}`);
});
afterAll(async () => {
  nginx?.kill('SIGTERM');
  await app?.stop();
});

describe('behind nginx, as the README deploys it', () => {
  it('the server passes its health checks through the proxy', async () => {
    const ready = await send(port, '127.0.0.1', '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'ok' });
  });

  it('two residents behind it are limited separately, and one cannot reset its limit with its own X-Forwarded-For', async () => {
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await inquiry('127.0.0.2')).status);
    expect(a).toEqual([201, 201, 429]);
    expect((await inquiry('127.0.0.2', { 'x-forwarded-for': '203.0.113.50' })).status).toBe(429);
    expect((await inquiry('127.0.0.3')).status).toBe(201);
  });

  it('the security headers arrive, HSTS included, on pages and static files', async () => {
    for (const path of ['/', '/soudan/', '/healthz']) {
      const { headers, status } = await send(port, '127.0.0.4', path);
      expect(status, path).toBe(200);
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('same-origin');
      expect(headers['strict-transport-security'], path).toBe('max-age=31536000');
    }
  });

  it('a browser-style Origin https://… passes, for the no-JS form and the staff sign-in form too; another origin does not', async () => {
    expect((await inquiry('127.0.0.5')).status).toBe(201);
    expect((await inquiry('127.0.0.5', { origin: 'https://evil.example' })).status).toBe(403);
    const search = await send(port, '127.0.0.6', '/madoguchi/kensaku/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(), 'sec-fetch-site': 'same-origin' }, body: 'q=%E4%BB%8B%E8%AD%B7' });
    expect(search.status).toBe(200);
    // Staff sign-in: the pre-sign-in cookie is Secure with the __Host- prefix behind https, and the form's Origin check passes.
    const page = await send(port, '127.0.0.7', '/staff/signin/');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-staff-form=[^;]+;.*Secure/i);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const signIn = await send(port, '127.0.0.7', '/staff/signin/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(), cookie: cookie.split(';')[0]! }, body: new URLSearchParams({ csrf, login: 'nobody', password: 'not the password', code: '000000' }).toString() });
    // Not 403 (the origin and token are right): the sign-in itself fails, as it should.
    expect(signIn.status).toBe(401);
  });

  it('a body over 64 KB stops at nginx with 413', async () => {
    const big = await send(port, '127.0.0.8', '/api/inquiries', { method: 'POST', headers: { 'content-type': 'application/json', origin: origin() }, body: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
  });
});
