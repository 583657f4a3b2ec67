// The 連絡票's ONE schema, built from its field table (referral-fields.ts) by the same builder as the
// inquiry's (form-model.ts). Used by the page, POST /api/referrals and the tests.
import * as z from 'zod/mini';
import { locales } from '../i18n/locales';
import { alwaysRequired, createFormSchema, formErrorLine, formProblems, shownValues, valuesFromForm, type FormVocabulary } from './form-model';
import { referralFields } from './referral-fields';

export * from './referral-fields';

/** Builds the 連絡票 schema for a municipality's categories and districts. */
export function createReferralSchema(v: FormVocabulary) {
  return createFormSchema(referralFields, v, { locale: z.enum(locales) });
}

export type ReferralSchema = ReturnType<typeof createReferralSchema>;
/** A validated 連絡票, as stored (with kind 'referral', see the service). */
export type Referral = z.output<ReferralSchema>;

/** What is validated: the fields shown for these answers, plus the page's locale (see inquiryValues). */
export function referralValues(raw: Record<string, unknown>, exact = false): Record<string, unknown> {
  return { ...shownValues(referralFields, raw, exact), ...(raw.locale !== undefined ? { locale: raw.locale } : {}) };
}

export const referralRequiredFields = alwaysRequired(referralFields);

/** Problems as field → key, in table order; the 連絡票's own keys start with referral.error. */
export const referralProblems = (issues: readonly { path: PropertyKey[]; message: string }[], input: Record<string, unknown>) =>
  formProblems(referralFields, issues, input, ['referral.error.', 'form.error.']);

export const referralErrorLine = (field: string, key: string, t: (key: string) => string) => formErrorLine(referralFields, field, key, t);

/** A form-encoded body as the schema's input, with the envelope's keys. */
export function referralFromForm(form: URLSearchParams | FormData): Record<string, unknown> {
  const out: Record<string, unknown> = valuesFromForm(referralFields, form);
  for (const key of ['locale', 'idempotencyKey', 'startedAt', 'website']) {
    const v = form.get(key);
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}
