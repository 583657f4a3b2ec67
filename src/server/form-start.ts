// When a form was shown, as the server says (the bot check's "sent too fast" reads it). A page issues
// `<ms>.<HMAC>` when it renders a form; the HMAC is keyed from the inquiry key, so every process on the
// same data issues and accepts the same tokens, and a client cannot make one up (`startedAt=1` was
// accepted before). The JSON API also accepts a plain number, as documented in openapi.json: a program
// can say what it likes there, and the API's rate limit is what bounds it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { loadKey } from './crypto/key';

let secret: Buffer | undefined;
const formSecret = () => (secret ??= createHmac('sha256', loadKey()).update('soudan-portal form start v1').digest());
const signature = (ms: string) => createHmac('sha256', formSecret()).update(ms).digest('base64url').slice(0, 22);

/** A signed start time for a form rendered now. */
export function issueFormStart(now = Date.now()): string {
  const ms = String(now);
  return `${ms}.${signature(ms)}`;
}

/** The start time a token carries, or undefined when it was not issued by this site. */
export function verifyFormStart(token: unknown): number | undefined {
  if (typeof token !== 'string') return undefined;
  const match = /^(\d{13})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return undefined;
  const expected = Buffer.from(signature(match[1]!));
  const sent = Buffer.from(match[2]!);
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? Number(match[1]) : undefined;
}

/** The token a form page carries on: the one it was given back if genuine, else a new one. */
export const carriedFormStart = (sent: unknown, now = Date.now()): string => (verifyFormStart(sent) !== undefined ? (sent as string) : issueFormStart(now));
