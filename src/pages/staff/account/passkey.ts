// POST /staff/account/passkey/: a signed-in member adds another passkey. JSON with the session's CSRF token
// in a header; only with fresh authentication (signed in, or confirmed with password + code, within
// FRESH_MS). { step: 'options' } → registration options; { step: 'verify', response } → { ok }
import type { APIRoute } from 'astro';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { clientAddressOf, currentStaff, forbidden, isFresh, methodNotAllowed, notFound, siteUrl } from '@/server/staff/http';
import { json, readJson } from '@/server/staff/json';
import { registrationOptions, verifyRegistration } from '@/server/staff/passkeys';

export const prerender = false;

export const POST: APIRoute = async (ctx) => {
  const staff = await currentStaff(ctx);
  if (!staff) return notFound();
  const sent = ctx.request.headers.get('x-csrf-token');
  if (ctx.request.headers.get('origin') !== siteUrl(ctx).origin || !(ctx.request.headers.get('content-type') ?? '').startsWith('application/json') || sent !== staff.session.csrfToken) return forbidden();
  if (!isFresh(staff.session)) return json(401, { ok: false, reason: 'fresh authentication needed' });
  const body = await readJson(ctx.request);
  // The session's CSRF token keys the challenge: known only to this browser's session.
  const key = staff.session.csrfToken;
  if (body?.step === 'options') return json(200, await registrationOptions(staff.store, siteUrl(ctx), key, staff.account));
  if (body?.step !== 'verify') return json(400, { error: 'bad request' });
  const passkey = await verifyRegistration(staff.store, siteUrl(ctx), key, staff.account, body.response as RegistrationResponseJSON);
  if (passkey) await staff.store.staff.addPasskey(passkey);
  await staff.store.staff.audit({ action: passkey ? 'account.passkeyAdded' : 'account.passkeyFailed', staffId: staff.account.id, login: staff.account.login, ip: clientAddressOf(ctx) });
  return json(passkey ? 200 : 400, { ok: Boolean(passkey) });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
