// POST /staff/enrol/<token>/passkey/: registers a passkey for the account the enrolment link is for.
//   { step: 'options' } → registration options; { step: 'verify', response } → { ok }
// The link stays open for the password + TOTP fallback; it still expires after 24 hours.
import type { APIRoute } from 'astro';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { getStore } from '@/server/store';
import { hashToken } from '@/server/staff/auth';
import { forbidden, methodNotAllowed, notFound } from '@/server/staff/http';
import { json, jsonRequestKey, readJson } from '@/server/staff/json';
import { registrationOptions, verifyRegistration } from '@/server/staff/passkeys';

export const prerender = false;

export const POST: APIRoute = async (ctx) => {
  const store = getStore();
  const token = ctx.params.token ?? '';
  const account = /^[A-Za-z0-9_-]{43}$/.test(token) ? await store.staff.byEnrolmentToken(hashToken(token), new Date()) : undefined;
  if (!account) return notFound();
  const key = jsonRequestKey(ctx);
  if (!key) return forbidden();
  const body = await readJson(ctx.request);
  if (body?.step === 'options') return json(200, await registrationOptions(store, ctx.url, key, account));
  if (body?.step !== 'verify') return json(400, { error: 'bad request' });
  const ok = await verifyRegistration(store, ctx.url, key, account, body.response as RegistrationResponseJSON);
  await store.staff.audit({ action: ok ? 'account.passkeyAdded' : 'account.passkeyFailed', staffId: account.id, login: account.login, ip: ctx.clientAddress });
  return json(ok ? 200 : 400, { ok });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
