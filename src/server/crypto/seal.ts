// AES-256-GCM for personal fields at rest (node:crypto). A sealed value is text:
// "enc1." + key id (8 hex of SHA-256 of the key, so rotation can tell old from new) + "." + base64(iv ‖ tag ‖ ciphertext).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'enc1.';

export const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export interface Sealer {
  keyId: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/** A sealer for `key`; `older` keys can still open values sealed before a rotation. */
export function createSealer(key: Buffer, older: Buffer[] = []): Sealer {
  const id = keyId(key);
  const keys = new Map([[id, key], ...older.map((k) => [keyId(k), k] as const)]);
  return {
    keyId: id,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${id}.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
    },
    open(sealed) {
      const [, kid, data] = sealed.split('.');
      const k = keys.get(kid ?? '');
      if (!k || !data) throw new Error(`sealed with a key this server does not have (key id ${kid})`);
      const raw = Buffer.from(data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', k, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
