/** Largest inquiry body accepted (about 32 KB: 2,000 characters of text is at most ~8 KB in UTF-8). */
export const MAX_BODY_BYTES = 32 * 1024;

export type BodyKind = 'json' | 'form';

/** A rejected request: status and a message key (api.error.*), never internals. */
export class RequestRejected extends Error {
  constructor(
    readonly status: 403 | 413 | 415 | 400,
    readonly key: string,
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
    const { done, value } = await reader.read().catch(() => {
      throw new RequestRejected(400, 'api.error.malformed');
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
