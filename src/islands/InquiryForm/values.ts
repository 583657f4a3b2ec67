import * as z from 'zod/mini';
import { asList, isGiven, valuesFromForm, type FormValues as ModelValues } from '@/schemas/form-model';
import { inquiryFields, inquiryValues, problemsByField, type InquirySchema } from '@/schemas/inquiry';

/** What the form holds: every field as the controls give it (strings, lists, a boolean). */
export type FormValues = Record<string, string | string[] | boolean>;

/** Field-name → message key for every problem the shared schema finds (first per field, form order). */
export function validate(schema: InquirySchema, values: ModelValues): { data?: z.output<InquirySchema>; errors: Record<string, string> } {
  const cleaned = inquiryValues(values);
  const r = z.safeParse(schema, cleaned);
  if (r.success) return { data: r.data, errors: {} };
  return { errors: Object.fromEntries(problemsByField(r.error.issues, cleaned).map((p) => [p.field, p.key])) };
}

/**
 * The draft key. It starts with 'inquiry-', which the quick exit clears. The draft lives in
 * sessionStorage: this tab only, until it closes.
 */
export const DRAFT_KEY = 'inquiry-draft';

/** The typed-so-far draft, kept in sessionStorage for this tab (never localStorage, never other tabs). */
export const draft = {
  load(): FormValues | undefined {
    try {
      const raw = sessionStorage.getItem(DRAFT_KEY);
      return raw ? (JSON.parse(raw) as FormValues) : undefined;
    } catch {
      return undefined;
    }
  },
  save(values: FormValues): void {
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ ...values, consent: false }));
    } catch {
      /* storage disabled: the form still works */
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      /* nothing stored */
    }
  },
};

/** Only the table's fields, with only given values: what the form starts from. */
export function fieldValuesOnly(values: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of inquiryFields) {
    const v = values[f.name];
    if (f.control === 'checkbox') { if (asList(v).length) out[f.name] = asList(v); }
    else if (f.control === 'consent') { if (v === true || v === 'on') out[f.name] = true; }
    else if (isGiven(v) && typeof v === 'string') out[f.name] = v;
  }
  return out;
}

/**
 * What the server-rendered form already holds when the island starts (a resident may type or tick
 * before the JavaScript arrives). Read once, before the island's first render gives the controls
 * their default values, so nothing typed is lost to hydration.
 */
export function readRenderedForm(doc: Document | undefined): FormValues {
  const form = doc?.querySelector<HTMLFormElement>('form.inquiry-form');
  return form ? fieldValuesOnly(valuesFromForm(inquiryFields, new FormData(form))) : {};
}
