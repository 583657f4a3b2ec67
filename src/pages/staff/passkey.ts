// POST /staff/passkey/: passkey sign-in for the sign-in page's script.
//   { step: 'options' }               → authentication options (a fresh challenge)
//   { step: 'verify', response }      → { ok: true, location } and the session cookie, or 401
import type { APIRoute } from 'astro';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { getStore } from '@/server/store';
import { forbidden, methodNotAllowed, signIn } from '@/server/staff/http';
import { json, jsonRequestKey, readJson } from '@/server/staff/json';
import { signInOptions, verifySignIn } from '@/server/staff/passkeys';

export const prerender = false;

export const POST: APIRoute = async (ctx) => {
  const key = jsonRequestKey(ctx);
  if (!key) return forbidden();
  const body = await readJson(ctx.request);
  const store = getStore();
  if (body?.step === 'options') return json(200, await signInOptions(store, ctx.url, key));
  if (body?.step !== 'verify') return json(400, { error: 'bad request' });
  const account = await verifySignIn(store, ctx.url, key, body.response as AuthenticationResponseJSON);
  if (!account) {
    await store.staff.audit({ action: 'signIn.failed', ip: ctx.clientAddress, detail: { method: 'passkey' } });
    return json(401, { ok: false });
  }
  await signIn(ctx, store, account, 'passkey');
  return json(200, { ok: true, location: '/staff/' });
};

export const ALL: APIRoute = () => methodNotAllowed('POST');
