// What every form's POST does before its own routing and storing (the inquiry, the 連絡票): read the
// envelope, validate the shown fields with the table's schema, name every problem at once (a JSON body
// is strict), then the bot heuristics. Shared so the two forms cannot drift apart.
import * as z from 'zod/mini';
import { envelopeFields, FORM_START_PATTERN, inquiryEnvelopeSchema, MIN_FILL_MS, type InquiryEnvelope } from '@/schemas/inquiry-api';
import { verifyFormStart } from './form-start';
import { unknownFields } from './request-guards';

export interface FormRules<T> {
  schema: z.ZodMiniType<T> & { shape: Record<string, unknown> };
  /** A form-encoded body as values (valuesFromForm plus the envelope's keys). */
  fromForm: (form: URLSearchParams) => Record<string, unknown>;
  /** The shown fields only (shownValues plus the locale); `exact` for JSON. */
  values: (raw: Record<string, unknown>, exact: boolean) => Record<string, unknown>;
  problems: (issues: readonly { path: PropertyKey[]; message: string }[], input: Record<string, unknown>) => { field: string; key: string }[];
}

export type Checked<T> =
  | { kind: 'accepted'; data: T; envelope: InquiryEnvelope }
  | { kind: 'invalid'; errors: { field: string; key: string }[] }
  /** Trap field filled or sent too fast (and otherwise complete): nothing to store, no receipt. */
  | { kind: 'ignored' };

/** Stands in for a form's start time the site did not issue: shaped like a token, signed by no one. */
const NOT_ISSUED = '0000000000000.0000000000000000000000';

export function checkSubmission<T>(body: Record<string, unknown> | URLSearchParams, rules: FormRules<T>, now = Date.now()): Checked<T> {
  const form = body instanceof URLSearchParams;
  const raw = form ? rules.fromForm(body) : body;
  // A form's start time is the signed token its page was given (a missing or made-up one is caught by the
  // bot check below, which gives the form back); JSON may carry the token or a number.
  const envelope = z.safeParse(inquiryEnvelopeSchema, form ? { ...raw, startedAt: typeof raw.startedAt === 'string' && FORM_START_PATTERN.test(raw.startedAt) ? raw.startedAt : NOT_ISSUED } : raw);
  // Only what the field table shows is checked and kept: a hidden field is never required.
  const values = rules.values(raw, !form);
  const parsed = z.safeParse(rules.schema, values);
  // Every missing or wrong field is named at once, the envelope's too; a JSON body is strict, so a
  // misspelled or foreign field is named rather than silently dropped (forms carry their buttons).
  const errors = [
    ...(parsed.success ? [] : rules.problems(parsed.error.issues, values)),
    ...(envelope.success ? [] : envelope.error.issues.map((i) => ({ field: String(i.path[0]), key: i.message })).filter((e, n, all) => all.findIndex((x) => x.field === e.field) === n)),
    ...(form ? [] : unknownFields(raw, [...Object.keys(rules.schema.shape), ...envelopeFields]).map((field) => ({ field, key: 'api.error.unknownField' }))),
  ];
  if (errors.length > 0 || !parsed.success || !envelope.success) return { kind: 'invalid', errors };
  // The bot heuristics come after validation, so only a complete submission is ever answered "not stored".
  if (envelope.data.website) return { kind: 'ignored' };
  const sent = envelope.data.startedAt;
  const startedAt = typeof sent === 'number' && !form ? sent : verifyFormStart(sent);
  if (startedAt === undefined || now - startedAt < MIN_FILL_MS) return { kind: 'ignored' };
  return { kind: 'accepted', data: parsed.data, envelope: envelope.data };
}
