// Where the key for personal fields comes from: INQUIRY_KEY (base64 of 32 bytes), or the file named by
// INQUIRY_KEY_FILE, or ./data/inquiry.key. Never the repository (./data is gitignored). In development a
// missing key file is made, and the server says so; in production a missing key stops the start.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const defaultKeyPath = 'data/inquiry.key';
export const KEY_BYTES = 32;

export const keyPath = () => process.env.INQUIRY_KEY_FILE || defaultKeyPath;

export function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${where}: the key must be ${KEY_BYTES} bytes, base64-encoded (make one with: openssl rand -base64 32)`);
  return key;
}

export function writeKeyFile(path: string, key: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

let announced = false;

/** The key for personal fields, or an Error saying plainly what is missing. */
export function loadKey(): Buffer {
  if (process.env.INQUIRY_KEY) return parseKey(process.env.INQUIRY_KEY, 'INQUIRY_KEY');
  const path = keyPath();
  if (existsSync(path)) return parseKey(readFileSync(path, 'utf8'), path);
  if (process.env.NODE_ENV === 'production') {
    throw new Error(`No encryption key for personal data: set INQUIRY_KEY (base64 of 32 bytes) or INQUIRY_KEY_FILE, or put the key in ${path}. The server will not start without it.`);
  }
  // Made under another name and linked into place: two processes starting together (the server and
  // the CLI, or parallel tests) never each make their own key; the second one reads the first's.
  const key = randomBytes(KEY_BYTES);
  const tmp = `${path}.${process.pid}.tmp`;
  writeKeyFile(tmp, key);
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return parseKey(readFileSync(path, 'utf8'), path);
  } finally {
    unlinkSync(tmp);
  }
  if (!announced) console.warn(`[inquiries] development: made a new local encryption key at ${path}. Keep it with the database; without it the personal fields cannot be read.`);
  announced = true;
  return key;
}
