// The production server: the Astro build (static pages + on-demand routes) behind one Node HTTP
// server that adds the security headers to EVERY response, static files included, writes one JSON log
// line per request, and stops gracefully. `npm run serve` runs it (Node 24, type stripping) on a build
// made before (`npm run build`); `npm start` does both. It refuses to start, naming the setting to fix,
// on what would otherwise fail later: an unknown profile, no build, a bad TRUST_PROXY, no key, a data
// folder that is missing or not writable, a read-only database, a key that does not open the data.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';

import { profileDir, profileDist, profileId } from '../lib/profile.ts';
import { parseTrustProxy } from './client-address.ts';
import { loadKey } from './crypto/key.ts';
import { log } from './log.ts';
import { MAX_REQUEST_BYTES } from './body-limits.ts';

/** Says what to fix and stops: the message names the setting. */
function refuse(message: string): never {
  log.error('server.refused', { message });
  process.exit(1);
}
import { factsNoticeHandler } from './facts-notice.ts';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// Astro's own "listening" line and its error text are replaced by the JSON lines below.
process.env.ASTRO_NODE_LOGGING ??= 'disabled';

// ---- Settings that must be right before anything is served --------------------------------------
let distDir = '';
try {
  const id = profileId();
  profileDir(id);
  /** The build to serve: the selected profile's (dist/ for the default, dist-<id>/ for another), or PORTAL_DIST. */
  distDir = process.env.PORTAL_DIST ?? profileDist(id);
} catch (e) {
  refuse(`PORTAL_PROFILE: ${(e as Error).message}`);
}
if (!/^[a-z0-9-]+$/.test(distDir)) refuse(`PORTAL_DIST must be a folder name in the project, not "${distDir}"`);
const entryFile = new URL(`../../${distDir}/server/entry.mjs`, import.meta.url);
if (!existsSync(entryFile)) refuse(`No build in ${distDir}/: run \`npm run build\` first (with the same PORTAL_PROFILE), or \`npm start\` to build and serve.`);
try {
  parseTrustProxy();
} catch (e) {
  refuse((e as Error).message);
}
// The key for personal data is needed before anything is served: in production, none means no start.
try {
  loadKey();
} catch (e) {
  refuse(`INQUIRY_KEY / INQUIRY_KEY_FILE: ${(e as Error).message}`);
}
// The data folder: the database, and by default the key, live there.
const dbPath = resolve(process.env.INQUIRY_DB_PATH || 'data/inquiries.sqlite');
const dataDir = dirname(dbPath);
if (!existsSync(dataDir)) {
  if (process.env.NODE_ENV === 'production') refuse(`INQUIRY_DB_PATH: the data folder ${dataDir} does not exist. Create it, owned by the service user (README, "Deployment").`);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    refuse(`INQUIRY_DB_PATH: the data folder ${dataDir} could not be made (${(e as Error).message}).`);
  }
}
try {
  if (!statSync(dataDir).isDirectory()) refuse(`INQUIRY_DB_PATH: ${dataDir} is not a folder.`);
  accessSync(dataDir, constants.W_OK);
} catch (e) {
  refuse(`INQUIRY_DB_PATH: the data folder ${dataDir} is not writable by this user (${(e as NodeJS.ErrnoException).code}). Give it to the service user (chown) with mode 0700.`);
}
for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
  try {
    if (existsSync(file)) accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    refuse(`INQUIRY_DB_PATH: the database file ${file} can only be read, not written, by this user. Give it to the service user (chown) with mode 0600.`);
  }
}
if (!process.env.SMTP_URL) log.warn('notifications.off', { message: 'SMTP_URL is not set: windows get no e-mail when inquiries arrive (the staff inbox says so). See README, "Notifications".' });

// ---- The channel to the built app (src/server/request-context.ts), then the app itself -----------
interface Channel {
  routes: Map<string, string>;
  /** Set by the app when its store opens: stops the jobs at a safe point and closes the store. */
  stop?: () => Promise<void>;
  /** Given to the start-up self-check, so /readyz says what failed in words. */
  startupToken: string;
}
const channel: Channel = { routes: new Map(), startupToken: randomBytes(16).toString('hex') };
(globalThis as Record<symbol, unknown>)[Symbol.for('soudan-portal.server')] = channel;
const { handler } = (await import(entryFile.href)) as { handler: (req: IncomingMessage, res: ServerResponse) => void };
/** Static pages whose facts-age notice is due are sent with it shown (src/server/facts-notice.ts). */
const factsNotices = factsNoticeHandler(new URL(`../../${distDir}/client/`, import.meta.url).pathname);

/**
 * Headers for every response (OWASP ASVS 14.4). Pages also carry a per-page CSP <meta> from Astro with
 * script-src/style-src hashes, so this header deliberately sets no script-src: both policies apply.
 */
export const securityHeaders: Record<string, string> = {
  'content-security-policy': "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self'; img-src 'self' data:; font-src 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const trust = parseTrustProxy();

/** Astro sends its own CSP (script/style hashes) on on-demand pages: keep it and add ours to it. */
function mergeCsp(value: unknown): string {
  const ours = securityHeaders['content-security-policy']!;
  const theirs = Array.isArray(value) ? value.join('; ') : value;
  if (typeof theirs !== 'string' || !theirs) return ours;
  // Already merged (Node re-applies writeHead headers through setHeader): leave it as it is.
  return theirs.includes('frame-ancestors') ? theirs : `${theirs.replace(/;\s*$/, '')}; ${ours}`;
}

/**
 * Methods the Fetch API cannot represent: Astro's adapter builds a Request for each request, which
 * throws for these, so they would end as a 500. Refuse them here with the 405 every route gives.
 */
const unrepresentable = new Set(['TRACE', 'TRACK', 'CONNECT']);

let stopping = false;

function listener(req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  // The request id: made here, whatever a client sent, and given to the app (the resident's error page
  // shows it as 「お問い合わせ番号」) and to this request's log line.
  const requestId = randomUUID().replace(/-/g, '').slice(0, 12);
  req.headers['x-request-id'] = requestId;
  res.on('finish', () => {
    const route = channel.routes.get(requestId) ?? (res.statusCode < 400 ? 'static' : 'none');
    channel.routes.delete(requestId);
    log.info('request', { requestId, method: req.method, route, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000 });
  });
  res.on('close', () => channel.routes.delete(requestId));
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  // HSTS only when the browser's connection is https: behind a trusted proxy that says so.
  if (trust.kind !== 'none' && req.headers['x-forwarded-proto'] === 'https') res.setHeader('strict-transport-security', 'max-age=31536000');
  if (stopping) res.setHeader('connection', 'close');
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) => setHeader(name, name.toLowerCase() === 'content-security-policy' ? mergeCsp(value) : value);
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((a) => a && typeof a === 'object') as Record<string, unknown> | undefined;
    if (headers) for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') headers[key] = mergeCsp(headers[key]);
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
  if (unrepresentable.has(req.method ?? '')) {
    const api = (req.url ?? '').split('?')[0]!.startsWith('/api/inquiries');
    res.writeHead(405, { allow: api ? 'POST' : 'GET, HEAD', 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: 'api.error.method', message: 'Method Not Allowed' }));
    return;
  }
  // A declared body over the cap is refused before anything reads it (a chunked one stops at the
  // same cap inside the app: astro.config.mjs, bodySizeLimit).
  if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) {
    res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
    res.end('Payload Too Large');
    req.resume();
    return;
  }
  if (factsNotices(req, res)) return;
  handler(req, res);
}

// ---- Start: a self-check on a private loopback port first, then the real port ---------------------
/** The app's own /readyz, asked before the real port opens: the store opens, migrations ran, the key opens the data. */
async function selfCheck(): Promise<void> {
  const probe = createServer(listener);
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  try {
    const { port: probePort } = probe.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${probePort}/readyz`, { headers: { 'x-startup-check': channel.startupToken } });
    const body = (await response.json().catch(() => ({}))) as { failed?: string; detail?: string };
    if (!response.ok) refuse(body.detail ?? `the start-up check "${body.failed ?? response.status}" failed`);
  } finally {
    probe.closeAllConnections();
    await new Promise((done) => probe.close(done));
  }
}
await selfCheck();

// Background work (notifications, reminders, the retention purge) runs here, on a store of its own,
// from the sources (src/server/jobs/) through tsx, as the CLI does. Opening a store starts nothing.
interface Jobs {
  worker: { stop(): Promise<void> | void };
  store: { close(): Promise<void> | void };
}
let jobs: Jobs | undefined;
// JOBS=off leaves them to `npm run jobs` or another server: every job claims its work in the store.
if ((process.env.JOBS ?? '').toLowerCase() === 'off') log.info('jobs.off', { message: 'JOBS=off: this process runs no background jobs (npm run jobs does)' });
else try {
  const { tsImport } = await import('tsx/esm/api');
  const { startJobs } = (await tsImport('./jobs/index.ts', import.meta.url)) as typeof import('./jobs/index.ts');
  const { openStore } = (await tsImport('./store/index.ts', import.meta.url)) as typeof import('./store/index.ts');
  const store = openStore();
  jobs = { worker: startJobs(store), store };
} catch (e) {
  log.error('job.startFailed', { job: 'outbox', error: e });
}

const server: Server = createServer(listener);
server.once('error', (e: NodeJS.ErrnoException) => refuse(e.code === 'EADDRINUSE' ? `PORT: ${host}:${port} is already in use by another program (another copy of the portal?). Stop it or choose another PORT.` : `HOST / PORT: cannot listen on ${host}:${port} (${e.message}).`));
server.listen(port, host, () => log.info('server.listening', { url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`, profile: profileId(), trustProxy: trust.kind }));

// ---- Graceful stop: SIGTERM (systemd, a deploy) or SIGINT (Ctrl-C) --------------------------------
/** In-flight requests get this long to finish; then connections are cut. */
const DRAIN_MS = 10_000;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  const begun = Date.now();
  log.info('server.stopping', { signal });
  // Stop accepting; idle keep-alive connections go now, busy ones after their response.
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearTimeout(timer);
  // The jobs stop at a safe point (a send in progress finishes), then the stores close.
  try {
    await jobs?.worker.stop();
    await jobs?.store.close();
    await channel.stop?.();
  } catch (e) {
    log.error('server.stopFailed', { error: e });
  }
  log.info('server.stopped', { signal, ms: Date.now() - begun });
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(signal));
