// Localizes every HTML page after rendering (prerendered pages at build time, on-demand pages per
// request): locale-prefixed links and, for やさしい日本語, ruby. See lib/localize-html.ts.
import { defineMiddleware, sequence } from 'astro:middleware';
import { delocalizePath } from '@/i18n/locales';
import { localizeHtml } from '@/lib/localize-html';
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
    console.error(`[store] ${context.url.pathname}: ${e.message}`);
    const { locale } = delocalizePath(context.url.pathname);
    return new Response(stripRuby(useTranslations(locale)('api.error.server')), {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(unavailableRetryAfterSeconds) },
    });
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

export const onRequest = sequence(storeDown, staff, localize);
