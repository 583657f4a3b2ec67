// The two JSON endpoints the passkey script calls: same CSRF rule as the forms (Origin + the
// pre-sign-in token, sent in a header), small bodies only.
import type { AstroCookies } from 'astro';
import { readLimitedText, MAX_STAFF_BYTES, RequestRejected } from '@/server/request-guards';
import { formCookieName, siteUrl } from './http';

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The browser's form token when the request is same-origin JSON carrying it; otherwise undefined. */
export function jsonRequestKey(ctx: { request: Request; url: URL; cookies: AstroCookies; locals: object }): string | undefined {
  const { request, cookies } = ctx;
  if (request.headers.get('origin') !== siteUrl(ctx).origin) return undefined;
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return undefined;
  const cookie = cookies.get(formCookieName(ctx))?.value;
  const sent = request.headers.get('x-csrf-token');
  return cookie && sent === cookie ? cookie : undefined;
}

/** The JSON body, read within 16 KB (declared or chunked; a 413 past it); undefined when it is not JSON. */
export async function readJson(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const text = await readLimitedText(request, MAX_STAFF_BYTES);
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch (e) {
    if (e instanceof RequestRejected && e.status === 413) throw e;
    return undefined;
  }
}
