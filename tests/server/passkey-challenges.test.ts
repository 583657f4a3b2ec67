// Passkey challenges live in the store, not in one process's memory. Defect: with several server
// processes behind one database, a sign-in whose challenge was issued by one process and answered to
// another always failed. Two real servers share one database here; the "authenticator" is a P-256 key
// made in the test, whose public key is stored as the account's passkey (COSE, as WebAuthn stores it).
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../support/store';
import { startServer, type TestServer } from '../support/server';
import { seedDatabase } from '../staff/support';

const b64url = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

/** A software authenticator with one discoverable credential. */
function authenticator() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const x = Buffer.from(jwk.x!, 'base64url');
  const y = Buffer.from(jwk.y!, 'base64url');
  // COSE_Key in CBOR: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}.
  const cose = Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), x, Buffer.from([0x22, 0x58, 0x20]), y]);
  const id = b64url(randomBytes(16));
  let counter = 0;
  return {
    id,
    cose: new Uint8Array(cose),
    /** The assertion a browser would send for this challenge on this origin. */
    assert(challenge: string, origin: string) {
      const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }));
      const count = Buffer.alloc(4);
      count.writeUInt32BE(++counter);
      // rpIdHash, flags (user present + verified), signature counter.
      const authenticatorData = Buffer.concat([sha256(new URL(origin).hostname), Buffer.from([0x05]), count]);
      const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), privateKey);
      return { id, rawId: id, type: 'public-key', response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(signature) }, clientExtensionResults: {} };
    },
  };
}

describe('passkey sign-in across two processes on one database', () => {
  const key = authenticator();
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const seeded = await seedDatabase([{ login: 'keyholder', name: '鍵 職員', role: 'planner', windows: [] }], []);
    const store = openTestStore(seeded.dbPath);
    await store.staff.addPasskey({ id: key.id, staffId: (await store.staff.byLogin('keyholder'))!.id, publicKey: key.cose, counter: 0, transports: ['internal'] });
    await store.close();
    [a, b] = [await startServer({}, seeded.dbPath), await startServer({}, seeded.dbPath)];
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  /** The sign-in page's script: JSON with the pre-sign-in token as cookie and header. */
  const call = (server: TestServer, browserKey: string, body: unknown) =>
    fetch(`${server.origin}/staff/passkey/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie: `staff-form=${browserKey}`, 'x-csrf-token': browserKey },
      body: JSON.stringify(body),
    });
  const challengeFrom = async (server: TestServer, browserKey: string) => ((await (await call(server, browserKey, { step: 'options' })).json()) as { challenge: string }).challenge;

  it('a challenge issued by one process is accepted by the other, once', async () => {
    const browserKey = b64url(randomBytes(32));
    const challenge = await challengeFrom(a, browserKey);
    const signedIn = await call(b, browserKey, { step: 'verify', response: key.assert(challenge, b.origin) });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ ok: true, location: '/staff/' });
    // Used once: the same challenge answered again, to either process, signs nobody in.
    expect((await call(b, browserKey, { step: 'verify', response: key.assert(challenge, b.origin) })).status).toBe(401);
    expect((await call(a, browserKey, { step: 'verify', response: key.assert(challenge, a.origin) })).status).toBe(401);
  });

  it('a challenge belongs to the browser it was issued to', async () => {
    const challenge = await challengeFrom(a, b64url(randomBytes(32)));
    expect((await call(b, b64url(randomBytes(32)), { step: 'verify', response: key.assert(challenge, b.origin) })).status).toBe(401);
  });
});
