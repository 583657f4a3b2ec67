// Localizes every HTML page after rendering (prerendered pages at build time, on-demand pages per
// request): locale-prefixed links and, for やさしい日本語, ruby. See lib/localize-html.ts.
import { defineMiddleware, sequence } from 'astro:middleware';
import { delocalizePath } from '@/i18n/locales';
import { localizeHtml } from '@/lib/localize-html';
import { staffHeaders } from '@/server/staff/headers';

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

export const onRequest = sequence(staff, localize);
