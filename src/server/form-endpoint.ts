// The shared shell of a form's POST endpoint (/api/inquiries, /api/referrals): same-origin check,
// content type, rate limit, body limit and parsing, the 202 for bot heuristics, the 400 naming each
// field, 405 with Allow: POST, and messages in the sender's language. Each route gives only its
// submit function and how its receipt reads.
import type { APIRoute } from 'astro';
import { useTranslations, isLocale, type Translate } from '@/i18n';
import { localeFromAcceptLanguage } from '@/i18n/locales';
import { stripRuby } from '@/i18n/ruby';
import type { ApiProblem, InquiryNotStored } from '@/schemas/inquiry-api';
import { submitContext } from './context';
import type { SubmitContext } from './inquiry-service';
import { createRateLimiter } from './rate-limit';
import { StoreUnavailableError, unavailableRetryAfterSeconds } from './store/errors';
import { bodyKind, checkSameOrigin, parseBody, readLimitedText, RequestRejected } from './request-guards';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
const problem = (t: Translate, status: number, key: string, headers?: Record<string, string>) => json(status, { error: key, message: t(key as 'api.error.server') } satisfies ApiProblem, headers);

/**
 * Messages come back in the sender's language: `?locale=` (the form sends its page's locale),
 * else Accept-Language, else Japanese. The error keys are the same in every language.
 */
export function translatorFor(request: Request, url: URL): Translate {
  const asked = url.searchParams.get('locale');
  const t = useTranslations(isLocale(asked) ? asked : localeFromAcceptLanguage(request.headers.get('accept-language')));
  // JSON carries plain text: やさしい日本語's ruby notation is for pages.
  return (key, options) => stripRuby(t(key, options));
}

type Outcome<S> = { kind: 'ignored' } | { kind: 'invalid'; errors: { field: string; key: string }[] } | ({ kind: 'stored'; created: boolean } & S);

/** POST (and every other method answered 405) for one form; one rate limiter per endpoint and process unless given. */
export function formEndpoint<S>(name: string, submit: (body: Record<string, unknown> | URLSearchParams, ctx: SubmitContext) => Promise<Outcome<S>>, reply: (stored: { kind: 'stored'; created: boolean } & S, ctx: SubmitContext) => unknown, limiter = createRateLimiter()): { POST: APIRoute; ALL: APIRoute } {
  const POST: APIRoute = async ({ request, url, clientAddress }) => {
    const t = translatorFor(request, url);
    try {
      checkSameOrigin(request, url.origin);
      const kind = bodyKind(request);
      if (!limiter.allow(clientAddress)) return problem(t, 429, 'api.error.rateLimited', { 'retry-after': String(limiter.retryAfterSeconds) });
      const body = parseBody(await readLimitedText(request), kind);
      const ctx = await submitContext();
      const outcome = await submit(body, ctx);
      if (outcome.kind === 'ignored') return json(202, { status: 'not-stored', stored: false, message: t('api.notStored') } satisfies InquiryNotStored);
      if (outcome.kind === 'invalid') {
        return json(400, { error: 'api.error.invalid', message: t('api.error.invalid'), fields: outcome.errors.map((e) => ({ ...e, message: t(e.key as 'api.error.invalid') })) } satisfies ApiProblem);
      }
      return json(outcome.created ? 201 : 200, reply(outcome, ctx), outcome.created ? {} : { 'idempotent-replayed': 'true' });
    } catch (e) {
      if (e instanceof RequestRejected) return problem(t, e.status, e.key);
      // The database is away for a moment: nothing was stored, and the sender is asked to send again.
      if (e instanceof StoreUnavailableError) {
        console.error(`${name}: ${e.message}`);
        return problem(t, 503, 'api.error.server', { 'retry-after': String(unavailableRetryAfterSeconds) });
      }
      console.error(`${name} failed`, e);
      return problem(t, 500, 'api.error.server');
    }
  };
  /** Only POST is in use (OWASP ASVS 14.5.1); every other method, whatever its body, is told so. */
  const ALL: APIRoute = ({ request, url }) => problem(translatorFor(request, url), 405, 'api.error.method', { allow: 'POST' });
  return { POST, ALL };
}

/** The windows a decision names, with their phone numbers, as a receipt lists them. */
export function receiptWindows(ids: readonly string[], ctx: SubmitContext) {
  return ids.map((id) => {
    const w = ctx.triage.windows.find((x) => x.id === id)!;
    return { id, name: w.name, phone: w.channels.find((c) => c.type === 'phone')?.number ?? null };
  });
}
