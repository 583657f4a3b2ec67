import { MAX_BODY_BYTES } from './body-limits';

export { MAX_BODY_BYTES, MAX_REQUEST_BYTES, MAX_STAFF_BYTES } from './body-limits';

export type BodyKind = 'json' | 'form';

/** A rejected request: status and a message key (api.error.*), never internals. */
export class RequestRejected extends Error {
  constructor(
    readonly status: 403 | 413 | 415 | 400 | 429,
    readonly key: string,
    /** For a 429: seconds until the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(key);
  }
}

/** The body kind from Content-Type, or a 415. */
export function bodyKind(request: Request): BodyKind {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  throw new RequestRejected(415, 'api.error.contentType');
}

/**
 * Rejects cross-site requests: a foreign Origin, or Sec-Fetch-Site other than same-origin/none.
 * (Browsers send both; non-browser clients that send neither are judged by the other checks.)
 */
export function checkSameOrigin(request: Request, siteOrigin: string): void {
  const origin = request.headers.get('origin');
  if (origin && origin !== siteOrigin) throw new RequestRejected(403, 'api.error.crossSite');
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new RequestRejected(403, 'api.error.crossSite');
}

/** Reads the body as text, stopping with a 413 as soon as it passes the limit. */
export async function readLimitedText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw new RequestRejected(413, 'api.error.tooLarge');
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A body that breaks off (the sender closed the page or lost signal) is their request's end, not a
    // fault of the server: a 400 nobody will read, and no error in the server's log.
    // The adapter's cap on every body (astro.config.mjs) ends the stream with its own error: a 413 too.
    const { done, value } = await reader.read().catch((e: unknown) => {
      throw /Body size limit exceeded/.test(String((e as Error)?.message ?? e)) ? new RequestRejected(413, 'api.error.tooLarge') : new RequestRejected(400, 'api.error.malformed');
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new RequestRejected(413, 'api.error.tooLarge');
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new RequestRejected(400, 'api.error.encoding');
  }
}

/** A form-encoded body, read within `limit` (a 413 past it, a 415 for another type). */
export async function readLimitedForm(request: Request, limit = MAX_BODY_BYTES): Promise<URLSearchParams> {
  if (bodyKind(request) !== 'form') throw new RequestRejected(415, 'api.error.contentType');
  return new URLSearchParams(await readLimitedText(request, limit));
}

/** Parses the body by kind into a plain object; malformed JSON is a 400. */
export function parseBody(text: string, kind: BodyKind): Record<string, unknown> | URLSearchParams {
  if (kind === 'form') return new URLSearchParams(text);
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new RequestRejected(400, 'api.error.malformed');
  }
}

/**
 * Field names in a JSON body that the API does not know, in the order sent. JSON bodies are strict:
 * `__proto__`, `constructor` or a misspelled field is named in a 400, never silently dropped.
 */
export function unknownFields(body: Record<string, unknown>, known: Iterable<string>): string[] {
  const allowed = new Set(known);
  return Object.keys(body).filter((name) => !allowed.has(name));
}
