// The production server: the Astro build (static pages + on-demand routes) behind one Node HTTP
// server that adds the security headers to EVERY response, static files included.
// Run by `npm start` with Node 24 (type stripping), after `astro build`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { profileDist } from '../lib/profile.ts';
import { loadKey } from './crypto/key.ts';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// The key for personal data is needed before anything is served: in production, none means no start.
try {
  loadKey();
} catch (e) {
  console.error(`[inquiries] ${(e as Error).message}`);
  process.exit(1);
}
if (!process.env.SMTP_URL) console.warn('[notifications] SMTP_URL is not set: windows get no e-mail when inquiries arrive (the staff inbox says so). See README, "Notifications".');
/** The build to serve: the selected profile's (dist/ for the default, dist-<id>/ for another), or PORTAL_DIST. */
const distDir = process.env.PORTAL_DIST ?? profileDist();
if (!/^[a-z0-9-]+$/.test(distDir)) throw new Error(`PORTAL_DIST must be a folder name in the project, not "${distDir}"`);
const entry = new URL(`../../${distDir}/server/entry.mjs`, import.meta.url).href;
const { handler } = (await import(entry)) as { handler: (req: IncomingMessage, res: ServerResponse) => void };

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

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  if (req.headers['x-forwarded-proto'] === 'https') res.setHeader('strict-transport-security', 'max-age=31536000');
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
  handler(req, res);
});
server.listen(port, host, () => console.log(`相談窓口ポータル: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`));

// Background work (notifications, reminders, the retention purge) is started here, explicitly; opening
// the store starts nothing. It runs from the sources (src/server/jobs/) through tsx, as the CLI does.
// JOBS=off leaves it to `npm run jobs` or another server: every job claims its work in the store.
if ((process.env.JOBS ?? '').toLowerCase() === 'off') console.log('[jobs] JOBS=off: this process runs no background jobs (npm run jobs does)');
else
  try {
    const { tsImport } = await import('tsx/esm/api');
    const jobs = (await tsImport('./jobs/index.ts', import.meta.url)) as typeof import('./jobs/index.ts');
    jobs.startJobs();
  } catch (e) {
    console.error('[jobs] could not start:', (e as Error).message);
  }

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
