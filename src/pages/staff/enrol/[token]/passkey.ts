// POST /staff/enrol/<token>/passkey/: registers a passkey for the account the enrolment link is for.
//   { step: 'options' } → registration options; { step: 'verify', response } → { ok }
// A registered passkey spends the link in the same step as it is stored: afterwards the link (page and
// this endpoint) answers 404, so a copy of the link cannot add a second passkey or a password.
import type { APIRoute } from 'astro';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { getStore } from '@/server/store';
import { hashToken } from '@/server/staff/auth';
import { clientAddressOf, forbidden, methodNotAllowed, notFound, siteUrl } from '@/server/staff/http';
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
  if (body?.step === 'options') return json(200, await registrationOptions(store, siteUrl(ctx), key, account));
  if (body?.step !== 'verify') return json(400, { error: 'bad request' });
  const passkey = await verifyRegistration(store, siteUrl(ctx), key, account, body.response as RegistrationResponseJSON);
  const ok = passkey !== undefined && (await store.staff.enrolWithPasskey(hashToken(token), new Date(), passkey));
  await store.staff.audit({ action: ok ? 'account.enrolled' : 'account.passkeyFailed', staffId: account.id, login: account.login, ip: clientAddressOf(ctx), detail: { method: 'passkey' } });
  return json(ok ? 200 : 400, { ok, location: '/staff/signin/?enrolled=1' });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
