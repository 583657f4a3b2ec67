// The two JSON endpoints the passkey script calls: same CSRF rule as the forms (Origin + the
// pre-sign-in token, sent in a header), small bodies only.
import type { AstroCookies } from 'astro';
import { formCookieName } from './http';

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** The browser's form token when the request is same-origin JSON carrying it; otherwise undefined. */
export function jsonRequestKey(ctx: { request: Request; url: URL; cookies: AstroCookies }): string | undefined {
  const { request, url, cookies } = ctx;
  if (request.headers.get('origin') !== url.origin) return undefined;
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return undefined;
  const cookie = cookies.get(formCookieName(url))?.value;
  const sent = request.headers.get('x-csrf-token');
  return cookie && sent === cookie ? cookie : undefined;
}

export async function readJson(request: Request): Promise<Record<string, unknown> | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > 16 * 1024) return undefined;
  try {
    const text = await request.text();
    if (text.length > 16 * 1024) return undefined;
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
