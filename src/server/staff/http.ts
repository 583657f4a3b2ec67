// What every staff page does with the request: find the session from the cookie, check a form's
// origin and CSRF token, and set the session cookie. Pages call these; they hold no rules themselves.
import type { AstroCookies } from 'astro';
import { getStore } from '@/server/store';
import type { StaffAccount, StaffSession, Store } from '@/server/store/types';
import { ABSOLUTE_MS, hashToken, resumeSession, startSession } from './auth';

/** Plain http is allowed on loopback only (development and tests); everywhere else the cookie is Secure. */
export function isLocalHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
/** `__Host-` needs Secure, so plain-http localhost uses a name without the prefix. */
export const sessionCookieName = (url: URL) => (isLocalHttp(url) ? 'staff-session' : '__Host-staff-session');
/** Pre-sign-in CSRF token (double submit), for the sign-in and enrolment forms. */
export const formCookieName = (url: URL) => (isLocalHttp(url) ? 'staff-form' : '__Host-staff-form');

const cookieOptions = (url: URL, maxAgeMs: number) => ({ httpOnly: true, secure: !isLocalHttp(url), sameSite: 'strict' as const, path: '/', maxAge: Math.floor(maxAgeMs / 1000) });

export interface StaffRequest {
  store: Store;
  account: StaffAccount;
  session: StaffSession;
  token: string;
}

interface PageContext {
  request: Request;
  url: URL;
  cookies: AstroCookies;
  clientAddress: string;
}

/** The signed-in staff member, or undefined. */
export async function currentStaff(ctx: PageContext): Promise<StaffRequest | undefined> {
  const store = getStore();
  const token = ctx.cookies.get(sessionCookieName(ctx.url))?.value;
  const resumed = await resumeSession(store, token);
  return resumed && { store, ...resumed, token: token! };
}

export async function signIn(ctx: PageContext, store: Store, account: StaffAccount, method: string): Promise<void> {
  const { token } = await startSession(store, account);
  ctx.cookies.set(sessionCookieName(ctx.url), token, cookieOptions(ctx.url, ABSOLUTE_MS));
  ctx.cookies.delete(formCookieName(ctx.url), { path: '/' });
  await store.staff.audit({ action: 'signIn', staffId: account.id, login: account.login, ip: ctx.clientAddress, detail: { method } });
}

export async function signOut(ctx: PageContext, staff: StaffRequest): Promise<void> {
  await staff.store.staff.endSession(hashToken(staff.token));
  ctx.cookies.delete(sessionCookieName(ctx.url), { path: '/', secure: !isLocalHttp(ctx.url), httpOnly: true, sameSite: 'strict' });
  await staff.store.staff.audit({ action: 'signOut', staffId: staff.account.id, login: staff.account.login, ip: ctx.clientAddress });
}

/** A form token for pages without a session (sign-in, enrolment): cookie + hidden field. */
export function formToken(ctx: PageContext): string {
  const existing = ctx.cookies.get(formCookieName(ctx.url))?.value;
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  ctx.cookies.set(formCookieName(ctx.url), token, cookieOptions(ctx.url, 60 * 60_000));
  return token;
}

/**
 * CSRF: the Origin must be this site, and the form's token must match (the session's, or the
 * pre-sign-in cookie's). Returns false when the request must be refused with 403.
 */
export function formAllowed(ctx: PageContext, form: FormData, expected: string | undefined): boolean {
  const origin = ctx.request.headers.get('origin');
  if (origin !== ctx.url.origin) return false;
  const sent = form.get('csrf');
  return typeof sent === 'string' && Boolean(expected) && sent.length === expected!.length && timingSafeEqualStr(sent, expected!);
}
function timingSafeEqualStr(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Reads a staff form (form-encoded, small); undefined for anything else. */
export async function readForm(request: Request): Promise<FormData | undefined> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined;
  if (Number(request.headers.get('content-length') ?? 0) > 16 * 1024) return undefined;
  try {
    return await request.formData();
  } catch {
    return undefined;
  }
}

export const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
export const forbidden = () => new Response('Forbidden', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
export const methodNotAllowed = (allow: string) => new Response('Method not allowed', { status: 405, headers: { allow, 'content-type': 'text/plain; charset=utf-8' } });
