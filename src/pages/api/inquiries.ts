// POST /api/inquiries: accepts an inquiry (JSON or form-encoded), validates it with the form's own
// schema, routes it and answers 201 with the receipt number only after the row is committed.
import type { APIRoute } from 'astro';
import { useTranslations, isLocale, type Translate } from '@/i18n';
import { localeFromAcceptLanguage } from '@/i18n/locales';
import { stripRuby } from '@/i18n/ruby';
import type { ApiProblem, InquiryNotStored, InquiryReceipt } from '@/schemas/inquiry-api';
import { submitContext } from '@/server/context';
import { submitInquiry } from '@/server/inquiry-service';
import { createRateLimiter } from '@/server/rate-limit';
import { bodyKind, checkSameOrigin, parseBody, readLimitedText, RequestRejected } from '@/server/request-guards';

export const prerender = false;

const limiter = createRateLimiter();
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
const problem = (t: Translate, status: number, key: string, headers?: Record<string, string>) => json(status, { error: key, message: t(key as 'api.error.server') } satisfies ApiProblem, headers);
/** Only POST is in use (OWASP ASVS 14.5.1); every other method, whatever its body, is told so. */
const methodNotAllowed = (t: Translate) => problem(t, 405, 'api.error.method', { allow: 'POST' });

/**
 * Messages come back in the sender's language: `?locale=` (the form sends its page's locale),
 * else Accept-Language, else Japanese. The error keys are the same in every language.
 */
function translatorFor(request: Request, url: URL): Translate {
  const asked = url.searchParams.get('locale');
  const t = useTranslations(isLocale(asked) ? asked : localeFromAcceptLanguage(request.headers.get('accept-language')));
  // JSON carries plain text: やさしい日本語's ruby notation is for pages.
  return (key, options) => stripRuby(t(key, options));
}

export const POST: APIRoute = async ({ request, url, clientAddress }) => {
  const t = translatorFor(request, url);
  try {
    checkSameOrigin(request, url.origin);
    const kind = bodyKind(request);
    if (!limiter.allow(clientAddress)) return problem(t, 429, 'api.error.rateLimited', { 'retry-after': String(limiter.retryAfterSeconds) });
    const body = parseBody(await readLimitedText(request), kind);
    const ctx = await submitContext();
    const outcome = await submitInquiry(body, ctx);
    if (outcome.kind === 'ignored') return json(202, { status: 'not-stored', stored: false, message: t('api.notStored') } satisfies InquiryNotStored);
    if (outcome.kind === 'invalid') {
      return json(400, { error: 'api.error.invalid', message: t('api.error.invalid'), fields: outcome.errors.map((e) => ({ ...e, message: t(e.key as 'api.error.invalid') })) } satisfies ApiProblem);
    }
    const windows = outcome.routing.windows.map((id) => {
      const w = ctx.triage.windows.find((x) => x.id === id)!;
      return { id, name: w.name, phone: w.channels.find((c) => c.type === 'phone')?.number ?? null };
    });
    const receipt: InquiryReceipt = { receipt: outcome.receipt, windows, coordinator: outcome.routing.coordinator };
    return json(outcome.created ? 201 : 200, receipt, outcome.created ? {} : { 'idempotent-replayed': 'true' });
  } catch (e) {
    if (e instanceof RequestRejected) return problem(t, e.status, e.key);
    console.error('inquiry failed', e);
    return problem(t, 500, 'api.error.server');
  }
};

export const ALL: APIRoute = ({ request, url }) => methodNotAllowed(translatorFor(request, url));
