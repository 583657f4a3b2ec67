// What the middleware learns about a request once (src/middleware.ts), for every page and endpoint:
// the client behind trusted proxies, the origin the browser used, and the request id the logs and
// the resident's error page share. Pages read it with requestContext(Astro); nothing else reads
// forwarding headers or Astro.clientAddress.
import { randomUUID } from 'node:crypto';
import type { ClientInfo } from './client-address';

export interface RequestContext {
  client: ClientInfo;
  /** Ties a log line to what a resident reads out as 「お問い合わせ番号」. */
  requestId: string;
}

/** The channel between the production server (src/server/main.ts) and the built app. */
export interface ServerChannel {
  /** Route pattern per request id, for the request's log line (never the raw path with its ids). */
  routes: Map<string, string>;
}
export const SERVER_CHANNEL = Symbol.for('soudan-portal.server');
export const serverChannel = (): ServerChannel | undefined => (globalThis as Record<symbol, ServerChannel | undefined>)[SERVER_CHANNEL];

/** The header main.ts sets on every request (any value a client sent is replaced). */
export const REQUEST_ID_HEADER = 'x-request-id';
/** A short id a person can read out on the phone. */
export const newRequestId = () => randomUUID().replace(/-/g, '').slice(0, 12);

export function requestContext(ctx: { locals: object }): RequestContext {
  const found = (ctx.locals as { requestContext?: RequestContext }).requestContext;
  if (!found) throw new Error('requestContext: the middleware did not run for this request');
  return found;
}
