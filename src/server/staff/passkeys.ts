// Passkeys (WebAuthn) with @simplewebauthn/server: registration during enrolment, sign-in with a
// discoverable credential. Challenges are kept in the store for 5 minutes (so any process behind the same
// database can finish the ceremony), keyed by the hash of the browser's pre-sign-in form token (a cookie),
// so a challenge is used once and only by the browser it was made for.
import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Passkey, StaffAccount, Store } from '@/server/store/types';
import { hashToken } from './auth';

export const CHALLENGE_MS = 5 * 60_000;

async function remember(store: Store, key: string, purpose: string, challenge: string): Promise<void> {
  const now = Date.now();
  await store.staff.rememberChallenge(hashToken(key), { purpose, challenge, expiresAt: now + CHALLENGE_MS }, now);
}
/** The challenge issued to this browser for this purpose, once. */
function take(store: Store, key: string, purpose: string): Promise<string | undefined> {
  return store.staff.takeChallenge(hashToken(key), purpose, Date.now());
}

/** The relying party is this site: its host name and origin as the browser sees them. */
const rp = (url: URL) => ({ rpID: url.hostname, origin: url.origin });

export async function signInOptions(store: Store, url: URL, browserKey: string) {
  const options = await generateAuthenticationOptions({ rpID: rp(url).rpID, userVerification: 'preferred' });
  await remember(store, browserKey, 'signIn', options.challenge);
  return options;
}

/** The account a passkey response proves, or undefined. Updates the signature counter. */
export async function verifySignIn(store: Store, url: URL, browserKey: string, response: AuthenticationResponseJSON): Promise<StaffAccount | undefined> {
  const expectedChallenge = await take(store, browserKey, 'signIn');
  const passkey = typeof response?.id === 'string' ? await store.staff.passkey(response.id) : undefined;
  if (!expectedChallenge || !passkey) return undefined;
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp(url).origin,
      expectedRPID: rp(url).rpID,
      credential: { id: passkey.id, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports as never },
    });
    if (!verified) return undefined;
    await store.staff.updatePasskeyCounter(passkey.id, authenticationInfo.newCounter);
  } catch {
    return undefined;
  }
  const account = await store.staff.byId(passkey.staffId);
  return account?.state === 'active' ? account : undefined;
}

export async function registrationOptions(store: Store, url: URL, browserKey: string, account: StaffAccount) {
  const options = await generateRegistrationOptions({
    rpName: '窓口の受付箱',
    rpID: rp(url).rpID,
    userName: account.login,
    userDisplayName: account.name,
    attestationType: 'none',
    excludeCredentials: (await store.staff.passkeysOf(account.id)).map((p) => ({ id: p.id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await remember(store, browserKey, `register:${account.id}`, options.challenge);
  return options;
}

/**
 * The passkey a registration response proves, not yet stored: the caller stores it (through the
 * enrolment link, which that spends, or for a signed-in, freshly authenticated member).
 */
export async function verifyRegistration(store: Store, url: URL, browserKey: string, account: StaffAccount, response: RegistrationResponseJSON): Promise<Passkey | undefined> {
  const expectedChallenge = await take(store, browserKey, `register:${account.id}`);
  if (!expectedChallenge) return undefined;
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: rp(url).origin, expectedRPID: rp(url).rpID });
    if (!verified) return undefined;
    const c = registrationInfo.credential;
    return { id: c.id, staffId: account.id, publicKey: c.publicKey, counter: c.counter, transports: c.transports ?? [] };
  } catch {
    return undefined;
  }
}
