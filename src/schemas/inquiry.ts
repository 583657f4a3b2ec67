// The inquiry (相談を送る): ONE schema, derived from the field table (inquiry-fields.ts), used by the
// form island, the API, the no-JS pages and the tests. Written with zod/mini so the browser bundle
// stays small; error messages are i18n keys (form.error.*) that each side translates.
import * as z from 'zod/mini';
import { locales } from '../i18n/locales';
import { isGiven, isRequired, shownValues, valuesFromForm, type FormVocabulary } from './form-model';
import { inquiryFields, type InquiryField } from './inquiry-fields';

export * from './inquiry-fields';

/** Content the schema depends on: the category and window ids of this municipality. */
export type InquiryVocabulary = FormVocabulary;

type FieldShape = { [F in InquiryField as F['name']]: z.ZodMiniOptional<ReturnType<F['value']>> };

/** Builds the inquiry schema for a municipality's categories, windows and districts. */
export function createInquirySchema(v: InquiryVocabulary) {
  const shape = Object.fromEntries(inquiryFields.map((f) => [f.name, z.optional(f.value(v))])) as unknown as FieldShape;
  return z
    .object({
      ...shape,
      /** The page's locale, so staff know which language the sender read the form in. */
      locale: z.enum(locales),
    })
    .check(
      // The one visibility rule decides what is required: a field that is not shown never is.
      z.superRefine((d, ctx) => {
        const values = d as Record<string, unknown>;
        for (const f of inquiryFields) {
          if ('missing' in f && isRequired(f, values) && !isGiven(values[f.name])) {
            ctx.issues.push({ code: 'custom', path: [f.name], message: f.missing, input: values[f.name] });
          }
        }
      }, {
        // Run even when other fields already failed, so every problem shows in one round.
        when: (payload) => typeof payload.value === 'object' && payload.value !== null,
      }),
    );
}

export type InquirySchema = ReturnType<typeof createInquirySchema>;
/** A validated inquiry, as stored. */
export type Inquiry = z.output<InquirySchema>;

/**
 * What is validated: the table's fields that are shown for these answers (a hidden field's value is
 * ignored, never an error), plus the page's locale. Used by the island and the server alike; `exact`
 * for JSON bodies, whose values are checked as sent.
 */
export function inquiryValues(raw: Record<string, unknown>, exact = false): Record<string, unknown> {
  return { ...shownValues(inquiryFields, raw, exact), ...(raw.locale !== undefined ? { locale: raw.locale } : {}) };
}

/** Fields every inquiry must carry whatever else it says (required and never hidden): the API's required list. */
export const alwaysRequiredFields = inquiryFields.filter((f) => f.required && !('when' in f && f.when)).map((f) => f.name);

const byName = new Map<string, InquiryField>(inquiryFields.map((f) => [f.name, f]));

/**
 * Field → message key for every problem, first problem per field, in form order. Every key names its
 * question: a field's own keys from the table, or a generic one that callers show after its label.
 */
export function problemsByField(issues: readonly { path: PropertyKey[]; message: string }[], input: Record<string, unknown>): { field: string; key: string }[] {
  const found = new Map<string, string>();
  for (const i of issues) {
    const field = String(i.path[0] ?? 'form');
    if (found.has(field)) continue;
    const spec = byName.get(field);
    const own = i.message.startsWith('form.error.') ? i.message : undefined;
    const fallback = !isGiven(input[field]) && spec && 'missing' in spec ? spec.missing : spec && 'invalid' in spec ? spec.invalid : 'form.error.invalid';
    found.set(field, own ?? fallback);
  }
  const rank = (f: string) => inquiryFields.findIndex((x) => x.name === f) + 1 || 99;
  return [...found].map(([field, key]) => ({ field, key })).sort((a, b) => rank(a.field) - rank(b.field));
}

/** Message keys that do not name their question: shown after the question's label. */
const genericKeys = new Set(['form.error.tooLong', 'form.error.invalid', 'form.error.required']);

/** The error line for a field, naming the question (both the island and the no-JS page use it). */
export function errorLine(field: string, key: string, t: (key: string) => string): string {
  const spec = byName.get(field);
  return spec && genericKeys.has(key) ? `${t(spec.label)}: ${t(key)}` : t(key);
}

/** Turns a form-encoded body (no-JS form, or URLSearchParams) into the schema's input shape. */
export function inquiryFromForm(form: URLSearchParams | FormData): Record<string, unknown> {
  const out: Record<string, unknown> = valuesFromForm(inquiryFields, form);
  for (const key of ['locale', 'idempotencyKey', 'startedAt', 'website']) {
    const v = form.get(key);
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}
