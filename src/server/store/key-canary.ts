// The key canary, for every engine: a value sealed with the key the data is sealed with. A start with
// another key is refused before it seals anything with the wrong key. The engines only read and write
// the row (and the latest inquiry for a database from before the canary); the decisions are here.
import { openInquiry } from '@/server/crypto/inquiry-fields';
import { createSealer, type Sealer } from '@/server/crypto/seal';

/** Thrown when the key in use does not open what the database already holds. */
export class KeyMismatchError extends Error {}

export interface CanaryRow {
  key_id: string;
  sealed: string;
}

/**
 * Checks the key in use against what the database holds (`where` names it in the message). Throws
 * KeyMismatchError when it does not open it; returns the canary to store when there is none yet (a
 * database from before the canary is checked against its latest inquiry first), else undefined.
 */
export function checkKeyCanary(found: { canary: CanaryRow | undefined; latestBody: () => string | undefined }, sealer: Sealer, where: string): CanaryRow | undefined {
  const refuse = (sealedWith: string) =>
    new KeyMismatchError(`INQUIRY_KEY / INQUIRY_KEY_FILE: the key in use (key id ${sealer.keyId}) does not open the data already in ${where} (sealed with key id ${sealedWith}). Start with the key this data was sealed with (from your key backup); nothing was changed.`);
  if (found.canary) {
    try {
      sealer.open(found.canary.sealed);
    } catch {
      throw refuse(found.canary.key_id);
    }
    return undefined;
  }
  const latest = found.latestBody();
  if (latest) {
    try {
      openInquiry(latest, sealer);
    } catch {
      throw refuse(/"enc1\.([0-9a-f]{8})\./.exec(latest)?.[1] ?? 'unknown');
    }
  }
  return newCanary(sealer);
}

/** A canary sealed with `sealer` (a new database, or a key rotation). */
export const newCanary = (sealer: Sealer): CanaryRow => ({ key_id: sealer.keyId, sealed: sealer.seal('key canary') });

/** Whether `key` opens the stored canary (/readyz); false when there is none. */
export function canaryOpens(sealed: string | undefined, key: Buffer): boolean {
  if (sealed === undefined) return false;
  try {
    createSealer(key).open(sealed);
    return true;
  } catch {
    return false;
  }
}
