// The inquiry (相談を送る): ONE schema, derived from the field table (inquiry-fields.ts), used by the
// form island, the API, the no-JS pages and the tests. Written with zod/mini so the browser bundle
// stays small; error messages are i18n keys (form.error.*) that each side translates.
import * as z from 'zod/mini';
import { locales } from '../i18n/locales';
import { alwaysRequired, createFormSchema, formErrorLine, formProblems, shownValues, valuesFromForm, type FormVocabulary } from './form-model';
import { inquiryFields } from './inquiry-fields';

export * from './inquiry-fields';

/** Content the schema depends on: the category and window ids of this municipality. */
export type InquiryVocabulary = FormVocabulary;

/** Builds the inquiry schema for a municipality's categories, windows and districts. */
export function createInquirySchema(v: InquiryVocabulary) {
  // The page's locale, so staff know which language the sender read the form in.
  return createFormSchema(inquiryFields, v, { locale: z.enum(locales) });
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
export const alwaysRequiredFields = alwaysRequired(inquiryFields);

/**
 * Field → message key for every problem, first problem per field, in form order. Every key names its
 * question: a field's own keys from the table, or a generic one that callers show after its label.
 */
export const problemsByField = (issues: readonly { path: PropertyKey[]; message: string }[], input: Record<string, unknown>) => formProblems(inquiryFields, issues, input);

/** The error line for a field, naming the question (both the island and the no-JS page use it). */
export const errorLine = (field: string, key: string, t: (key: string) => string) => formErrorLine(inquiryFields, field, key, t);

/** Turns a form-encoded body (no-JS form, or URLSearchParams) into the schema's input shape. */
export function inquiryFromForm(form: URLSearchParams | FormData): Record<string, unknown> {
  const out: Record<string, unknown> = valuesFromForm(inquiryFields, form);
  for (const key of ['locale', 'idempotencyKey', 'startedAt', 'website']) {
    const v = form.get(key);
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}
