// What every no-JS form page does with a POST before its own steps: same origin (403), a bounded
// body (413/415/400), then the page's rate limit (429). A refusal comes back as data, with what could
// be read of the form, so the page gives the form back filled and says what happened (never a bare
// text answer that loses the typing).
import type { UiKey } from '@/i18n';
import { takeLimit, type LimitName } from './limits';
import { log } from './log';
import { requestContext } from './request-context';
import { MAX_BODY_BYTES, readLimitedForm, RequestRejected, checkSameOrigin } from './request-guards';

export interface Refusal {
  status: number;
  /** The message: api.error.* for 4xx, form.refused.* for 429 and 5xx. */
  key: UiKey;
  retryAfterSeconds?: number;
  /** For a 5xx: the id in the server's log line, shown as 「お問い合わせ番号」. */
  requestId?: string;
}

export type FormPost = { ok: true; form: URLSearchParams } | { ok: false; form: URLSearchParams; refusal: Refusal };

type Page = { request: Request; locals: object };

/** Reads a no-JS form POST within its limits; `limit` names the page's rate limit (src/server/limits.ts). */
export async function readFormPost(astro: Page, limit: LimitName | ((form: URLSearchParams) => LimitName), maxBytes = MAX_BODY_BYTES): Promise<FormPost> {
  const { client } = requestContext(astro);
  let form = new URLSearchParams();
  try {
    checkSameOrigin(astro.request, client.origin);
    form = await readLimitedForm(astro.request, maxBytes);
    const limited = await takeLimit(typeof limit === 'function' ? limit(form) : limit, client.address);
    if (!limited.ok) return { ok: false, form, refusal: { status: 429, key: 'form.refused.rateLimited', retryAfterSeconds: limited.retryAfterSeconds } };
    return { ok: true, form };
  } catch (e) {
    return { ok: false, form, refusal: refusalFor(astro, e) };
  }
}

/** A refusal for anything thrown while handling a form: a RequestRejected as itself, anything else a 500 logged with the request id. */
export function refusalFor(astro: Page, e: unknown): Refusal {
  if (e instanceof RequestRejected) return e.status === 429 ? { status: 429, key: 'form.refused.rateLimited', retryAfterSeconds: e.retryAfterSeconds } : { status: e.status, key: e.key as UiKey };
  const { requestId } = requestContext(astro);
  log.error('request.failed', { requestId, route: new URL(astro.request.url).pathname.replace(/\/[0-9a-f-]{16,}(?=\/|$)/g, '/:id'), error: e });
  return { status: 500, key: 'form.refused.server', requestId };
}

/** Sets the refusal's status and Retry-After on the page's response. */
export function applyRefusal(response: { status?: number; headers: Headers }, refusal: Refusal): void {
  response.status = refusal.status;
  if (refusal.retryAfterSeconds) response.headers.set('retry-after', String(refusal.retryAfterSeconds));
  response.headers.set('cache-control', 'no-store');
}
