// Localizes every HTML page after rendering (prerendered pages at build time, on-demand pages per
// request): locale-prefixed links and, for やさしい日本語, ruby. See lib/localize-html.ts.
// Before that, every on-demand request gets its context once (src/server/request-context.ts).
import { defineMiddleware, sequence } from 'astro:middleware';
import { delocalizePath } from '@/i18n/locales';
import { localizeHtml } from '@/lib/localize-html';
import { clientInfo } from '@/server/client-address';
import { log } from '@/server/log';
import { newRequestId, REQUEST_ID_HEADER, requestContext, serverChannel } from '@/server/request-context';
import { RequestRejected } from '@/server/request-guards';
import { staffHeaders } from '@/server/staff/headers';
import { useTranslations } from '@/i18n';
import { stripRuby } from '@/i18n/ruby';
import { StoreUnavailableError, unavailableRetryAfterSeconds } from '@/server/store/errors';

// ---- The database away for a moment (PostgreSQL restarting): 503 with a plain message and
// Retry-After, instead of a 500; the next request after it is back is served as usual.
const storeDown = defineMiddleware(async (context, next) => {
  try {
    return await next();
  } catch (e) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    log.error('store.unavailable', { requestId: requestContext(context).requestId, route: context.routePattern, error: e });
    const { locale } = delocalizePath(context.url.pathname);
    return new Response(stripRuby(useTranslations(locale)('api.error.server')), {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(unavailableRetryAfterSeconds) },
    });
  }
});

const context = defineMiddleware(async (ctx, next) => {
  if (ctx.isPrerendered) return next();
  const requestId = ctx.request.headers.get(REQUEST_ID_HEADER) ?? newRequestId();
  (ctx.locals as Record<string, unknown>).requestContext = { client: clientInfo(ctx.request.headers, ctx.clientAddress, ctx.url), requestId };
  serverChannel()?.routes.set(requestId, ctx.routePattern);
  try {
    return await next();
  } catch (e) {
    // A body over its cap (a staff form read past 16 KB, say) is the sender's 413, wherever it was read.
    if (e instanceof RequestRejected) return new Response(e.key, { status: e.status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    log.error('request.failed', { requestId, route: ctx.routePattern, error: e });
    throw e;
  }
});

const localize = defineMiddleware(async (context, next) => {
  const response = await next();
  const { locale } = delocalizePath(context.url.pathname);
  if (locale === 'ja' || !response.headers.get('content-type')?.includes('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(localizeHtml(await response.text(), locale), { status: response.status, statusText: response.statusText, headers });
});

// ---- Staff pages (/staff/, issue 15): never cached, never indexed, a CSP that allows nothing else.
const staff = defineMiddleware(async (context, next) => {
  const response = await next();
  return context.url.pathname.startsWith('/staff/') || context.url.pathname === '/staff' ? staffHeaders(response) : response;
});

export const onRequest = sequence(context, storeDown, staff, localize);
