// GET /readyz: for a load balancer or monitor. 200 when the store opens, migrations are current, the
// key opens the data and the outbox is not stuck; 503 naming the failed check otherwise. JSON, no
// personal data, never indexed, never cached. The words of what failed go only to the server's own
// start-up check (src/server/main.ts), which prints them.
import type { APIRoute } from 'astro';
import { readiness } from '@/server/readiness';
import { serverChannel } from '@/server/request-context';

export const prerender = false;

export const GET: APIRoute = async ({ request }) => {
  const result = await readiness();
  const token = (serverChannel() as { startupToken?: string } | undefined)?.startupToken;
  const forStartup = Boolean(token) && request.headers.get('x-startup-check') === token;
  const { detail, ...shown } = result;
  return new Response(JSON.stringify(forStartup ? result : shown), {
    status: result.status === 'ok' ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
  });
};
export const HEAD = GET;
