// What every staff page does with the request: find the session from the cookie, check a form's
// origin and CSRF token, and set the session cookie. Pages call these; they hold no rules themselves.
import type { AstroCookies } from 'astro';
import { getStore } from '@/server/store';
import type { StaffAccount, StaffSession, Store } from '@/server/store/types';
import { requestContext } from '@/server/request-context';
import { MAX_STAFF_BYTES, readLimitedForm } from '@/server/request-guards';
import { ABSOLUTE_MS, FRESH_MS, hashToken, resumeSession, startSession } from './auth';

/** Plain http is allowed on loopback only (development and tests); everywhere else the cookie is Secure. */
export function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
/**
 * The site's address as the browser used it: behind a trusted proxy (TRUST_PROXY), its scheme and host
 * (src/server/client-address.ts), so cookies are Secure and the Origin check expects https://.
 */
export const siteUrl = (ctx: { locals: object }) => new URL(requestContext(ctx).client.origin);
/** The client's address behind trusted proxies (the audit log's ip). */
export const clientAddressOf = (ctx: { locals: object }) => requestContext(ctx).client.address;
/** The site's URL for a request (its context) or as given. */
const urlOf = (at: URL | { locals: object }) => (at instanceof URL ? at : siteUrl(at));
/** `__Host-` needs Secure, so plain-http localhost uses a name without the prefix. */
export const sessionCookieName = (at: URL | { locals: object }) => (isLocalHttp(urlOf(at)) ? 'staff-session' : '__Host-staff-session');
/** Pre-sign-in CSRF token (double submit), for the sign-in and enrolment forms. */
export const formCookieName = (at: URL | { locals: object }) => (isLocalHttp(urlOf(at)) ? 'staff-form' : '__Host-staff-form');

const cookieOptions = (ctx: { locals: object }, maxAgeMs: number) => ({ httpOnly: true, secure: !isLocalHttp(siteUrl(ctx)), sameSite: 'strict' as const, path: '/', maxAge: Math.floor(maxAgeMs / 1000) });

export interface StaffRequest {
  store: Store;
  account: StaffAccount;
  session: StaffSession;
  token: string;
}

export interface PageContext {
  request: Request;
  url: URL;
  cookies: AstroCookies;
  locals: object;
}

/** The signed-in staff member, or undefined. */
export async function currentStaff(ctx: PageContext): Promise<StaffRequest | undefined> {
  const store = getStore();
  const token = ctx.cookies.get(sessionCookieName(ctx))?.value;
  const resumed = await resumeSession(store, token);
  return resumed && { store, ...resumed, token: token! };
}

export async function signIn(ctx: PageContext, store: Store, account: StaffAccount, method: string): Promise<void> {
  const { token } = await startSession(store, account);
  ctx.cookies.set(sessionCookieName(ctx), token, cookieOptions(ctx, ABSOLUTE_MS));
  ctx.cookies.delete(formCookieName(ctx), { path: '/' });
  await store.staff.audit({ action: 'signIn', staffId: account.id, login: account.login, ip: clientAddressOf(ctx), detail: { method } });
}

export async function signOut(ctx: PageContext, staff: StaffRequest): Promise<void> {
  await staff.store.staff.endSession(hashToken(staff.token));
  ctx.cookies.delete(sessionCookieName(ctx), { path: '/', secure: !isLocalHttp(siteUrl(ctx)), httpOnly: true, sameSite: 'strict' });
  await staff.store.staff.audit({ action: 'signOut', staffId: staff.account.id, login: staff.account.login, ip: clientAddressOf(ctx) });
}

/** A form token for pages without a session (sign-in, enrolment): cookie + hidden field. */
export function formToken(ctx: PageContext): string {
  const existing = ctx.cookies.get(formCookieName(ctx))?.value;
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  ctx.cookies.set(formCookieName(ctx), token, cookieOptions(ctx, 60 * 60_000));
  return token;
}

/**
 * CSRF: the Origin must be this site, and the form's token must match (the session's, or the
 * pre-sign-in cookie's). Returns false when the request must be refused with 403.
 */
/** Whether the session's sign-in (or its last confirmation with password + code) is recent enough for a change to sign-in methods or accounts. */
export const isFresh = (session: StaffSession, now = Date.now()) => now - session.authenticatedAt <= FRESH_MS;

export function formAllowed(ctx: PageContext, form: FormData, expected: string | undefined): boolean {
  const origin = ctx.request.headers.get('origin');
  if (origin !== siteUrl(ctx).origin) return false;
  const sent = form.get('csrf');
  return typeof sent === 'string' && Boolean(expected) && sent.length === expected!.length && timingSafeEqualStr(sent, expected!);
}
function timingSafeEqualStr(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Reads a staff form (form-encoded, at most 16 KB declared or chunked: reading stops there); undefined
 * for anything else. A body over the limit throws a RequestRejected 413 (see tooLarge).
 */
export async function readForm(request: Request): Promise<FormData | undefined> {
  try {
    const params = await readLimitedForm(request, MAX_STAFF_BYTES);
    const form = new FormData();
    for (const [k, v] of params) form.append(k, v);
    return form;
  } catch (e) {
    if ((e as { status?: number }).status === 413) throw e;
    return undefined;
  }
}

export const tooLarge = () => new Response('Payload too large', { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
export const forbidden = () => new Response('Forbidden', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
export const methodNotAllowed = (allow: string) => new Response('Method not allowed', { status: 405, headers: { allow, 'content-type': 'text/plain; charset=utf-8' } });
