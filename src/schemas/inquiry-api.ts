import * as z from 'zod/mini';

/**
 * The inquiry API's own shapes, around the inquiry's fields (src/schemas/inquiry.ts): the request
 * envelope, and each reply. The route builds its replies as these types, the island reads them as
 * these types, and openapi.json is generated from them, so no shape or limit is written twice.
 * zod/mini, because the island imports the types (and nothing here is heavy at run time).
 */

/** Minimum time between the form being shown and sent: faster is a bot (OWASP ASVS 11.1.2). */
export const MIN_FILL_MS = 3000;

/** A start time signed by the site (src/server/form-start.ts issues and checks it). */
export const FORM_START_PATTERN = /^\d{13}\.[A-Za-z0-9_-]{22}$/;

/** The bot-trap field: hidden from people, so anything in it means a program filled the form. */
export const TRAP_FIELD = 'website';

/**
 * What every request carries besides the inquiry: a key that makes retries safe, when the form was
 * shown (for the too-fast check) and the trap field. Messages are api.error.* keys.
 */
export const inquiryEnvelopeSchema = z.object({
  /** One key per inquiry; a retry with the same key returns the same receipt and stores nothing new. */
  idempotencyKey: z.string('api.error.idempotencyKey').check(z.regex(/^[A-Za-z0-9-]{8,100}$/, 'api.error.idempotencyKey')),
  /**
   * When the form was shown: the site's own signed token (`<ms>.<signature>`, what the site's forms
   * carry; an HTML form must send it), or for API clients the time in ms since the epoch.
   */
  startedAt: z.union([z.int('api.error.startedAt').check(z.positive('api.error.startedAt')), z.string('api.error.startedAt').check(z.regex(FORM_START_PATTERN, 'api.error.startedAt'))], 'api.error.startedAt'),
  [TRAP_FIELD]: z.optional(z.string()),
});
export type InquiryEnvelope = z.infer<typeof inquiryEnvelopeSchema>;
/** The envelope's field names, for the strict check on JSON bodies. */
export const envelopeFields = Object.keys(inquiryEnvelopeSchema.shape);

/** 201 (stored) and 200 (the same key again): the receipt number and where the inquiry went. */
export const inquiryReceiptSchema = z.object({
  receipt: z.string(),
  windows: z.array(z.object({ id: z.string(), name: z.string(), phone: z.nullable(z.string()) })),
  /** Whether the 多機関協働 coordinator was told as well. */
  coordinator: z.boolean(),
  /** Whether the troubles overlap (two or more fields), which is why the coordinator joined; false when it simply takes the trouble itself. */
  overlap: z.boolean(),
});
export type InquiryReceipt = z.infer<typeof inquiryReceiptSchema>;

/** 202: the bot heuristics (trap field filled, sent too fast). Nothing was stored, and the body says so. */
export const inquiryNotStoredSchema = z.object({
  status: z.literal('not-stored'),
  stored: z.literal(false),
  message: z.string(),
});
export type InquiryNotStored = z.infer<typeof inquiryNotStoredSchema>;

/** One problem with one field: its name, the message key, and the message in the sender's language. */
export const fieldProblemSchema = z.object({ field: z.string(), key: z.string(), message: z.string() });

/** Every 4xx/5xx: a stable key, a message, and for 400 each field at fault. */
export const apiProblemSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.optional(z.array(fieldProblemSchema)),
  /** For a 5xx: the request's id, which the server's log carries too (a resident can quote it). */
  requestId: z.optional(z.string()),
});
export type ApiProblem = z.infer<typeof apiProblemSchema>;

/** Any reply of POST /api/inquiries, as a client reads it before looking at the status. */
export type InquiryReply = Partial<InquiryReceipt & ApiProblem & InquiryNotStored>;
