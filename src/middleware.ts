// Localizes every HTML page after rendering (prerendered pages at build time, on-demand pages per
// request): locale-prefixed links and, for やさしい日本語, ruby. See lib/localize-html.ts.
import { defineMiddleware } from 'astro:middleware';
import { delocalizePath } from '@/i18n/locales';
import { localizeHtml } from '@/lib/localize-html';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const { locale } = delocalizePath(context.url.pathname);
  if (locale === 'ja' || !response.headers.get('content-type')?.includes('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(localizeHtml(await response.text(), locale), { status: response.status, statusText: response.statusText, headers });
});
