import * as z from 'zod/mini';
import type { InquirySchema } from '@/schemas/inquiry';

/** What the form holds: every field as the controls give it (strings, lists, a boolean). */
export type FormValues = Record<string, string | string[] | boolean>;

/** Drops empty strings so optional fields are "not given" rather than invalid. */
export function withoutEmpty(values: FormValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
}

/** Field-name → message key for every problem the shared schema finds (first problem per field). */
export function validate(schema: InquirySchema, values: FormValues): { data?: z.output<InquirySchema>; errors: Record<string, string> } {
  const cleaned = withoutEmpty(values);
  const r = z.safeParse(schema, cleaned);
  if (r.success) return { data: r.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const i of r.error.issues) {
    const field = String(i.path[0]);
    if (errors[field]) continue;
    errors[field] = i.message.startsWith('form.error.') ? i.message : cleaned[field] === undefined ? 'form.error.required' : 'form.error.invalid';
  }
  return { errors };
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
