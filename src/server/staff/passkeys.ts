// Passkeys (WebAuthn) with @simplewebauthn/server: registration during enrolment, sign-in with a
// discoverable credential. Challenges live in this process for 5 minutes, keyed by the browser's
// pre-sign-in form token (a cookie), so a challenge is used once and only by the browser it was made for.
import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { StaffAccount, Store } from '@/server/store/types';

const CHALLENGE_MS = 5 * 60_000;
const challenges = new Map<string, { challenge: string; expires: number; purpose: string }>();

function remember(key: string, purpose: string, challenge: string) {
  const now = Date.now();
  for (const [k, v] of challenges) if (v.expires < now) challenges.delete(k);
  challenges.set(key, { challenge, expires: now + CHALLENGE_MS, purpose });
}
/** The challenge issued to this browser for this purpose, once. */
function take(key: string, purpose: string): string | undefined {
  const c = challenges.get(key);
  challenges.delete(key);
  return c && c.purpose === purpose && c.expires > Date.now() ? c.challenge : undefined;
}

/** The relying party is this site: its host name and origin as the browser sees them. */
const rp = (url: URL) => ({ rpID: url.hostname, origin: url.origin });

export async function signInOptions(url: URL, browserKey: string) {
  const options = await generateAuthenticationOptions({ rpID: rp(url).rpID, userVerification: 'preferred' });
  remember(browserKey, 'signIn', options.challenge);
  return options;
}

/** The account a passkey response proves, or undefined. Updates the signature counter. */
export async function verifySignIn(store: Store, url: URL, browserKey: string, response: AuthenticationResponseJSON): Promise<StaffAccount | undefined> {
  const expectedChallenge = take(browserKey, 'signIn');
  const passkey = typeof response?.id === 'string' ? store.staff.passkey(response.id) : undefined;
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
    store.staff.updatePasskeyCounter(passkey.id, authenticationInfo.newCounter);
  } catch {
    return undefined;
  }
  const account = store.staff.byId(passkey.staffId);
  return account?.state === 'active' ? account : undefined;
}

export async function registrationOptions(store: Store, url: URL, browserKey: string, account: StaffAccount) {
  const options = await generateRegistrationOptions({
    rpName: '窓口の受付箱',
    rpID: rp(url).rpID,
    userName: account.login,
    userDisplayName: account.name,
    attestationType: 'none',
    excludeCredentials: store.staff.passkeysOf(account.id).map((p) => ({ id: p.id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  remember(browserKey, `register:${account.id}`, options.challenge);
  return options;
}

export async function verifyRegistration(store: Store, url: URL, browserKey: string, account: StaffAccount, response: RegistrationResponseJSON): Promise<boolean> {
  const expectedChallenge = take(browserKey, `register:${account.id}`);
  if (!expectedChallenge) return false;
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: rp(url).origin, expectedRPID: rp(url).rpID });
    if (!verified) return false;
    const c = registrationInfo.credential;
    store.staff.addPasskey({ id: c.id, staffId: account.id, publicKey: c.publicKey, counter: c.counter, transports: c.transports ?? [] });
    return true;
  } catch {
    return false;
  }
}
