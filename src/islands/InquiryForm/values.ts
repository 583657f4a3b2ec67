import * as z from 'zod/mini';
import { listFields, problemsByField, type InquirySchema } from '@/schemas/inquiry';

/** What the form holds: every field as the controls give it (strings, lists, a boolean). */
export type FormValues = Record<string, string | string[] | boolean>;

/**
 * The form's values as the schema expects them: empty strings dropped (optional fields are "not
 * given" rather than invalid) and checkbox groups always lists (react-hook-form reports an
 * untouched group as false).
 */
export function withoutEmpty(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
  for (const f of listFields) out[f] = Array.isArray(values[f]) ? values[f] : [];
  return out;
}

/** Field-name → message key for every problem the shared schema finds (first per field, form order). */
export function validate(schema: InquirySchema, values: FormValues): { data?: z.output<InquirySchema>; errors: Record<string, string> } {
  const cleaned = withoutEmpty(values);
  const r = z.safeParse(schema, cleaned);
  if (r.success) return { data: r.data, errors: {} };
  return { errors: Object.fromEntries(problemsByField(r.error.issues, cleaned).map((p) => [p.field, p.key])) };
}

const DRAFT_KEY = 'inquiry-draft';

/** The typed-so-far draft, kept in sessionStorage so a reload or a failed send loses nothing. */
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

/**
 * What the server-rendered form already holds when the island starts (a resident may type or tick
 * before the JavaScript arrives). Read once, before react-hook-form registers the controls, so
 * nothing typed is lost to hydration.
 */
export function readRenderedForm(doc: Document | undefined): FormValues {
  const form = doc?.querySelector<HTMLFormElement>('form.inquiry-form');
  if (!form) return {};
  const out: FormValues = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value !== 'string' || value === '' || ['idempotencyKey', 'startedAt', 'locale', 'website'].includes(key)) continue;
    if ((listFields as readonly string[]).includes(key)) out[key] = [...((out[key] as string[] | undefined) ?? []), value];
    else if (key === 'consent') out.consent = true;
    else out[key] = value;
  }
  return out;
}
