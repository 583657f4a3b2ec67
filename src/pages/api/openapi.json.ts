// GET /api/openapi.json: the inquiry API described as OpenAPI 3.1. The request and every reply are
// generated from the zod schemas the form, the server and the island use (zod 4 JSON Schema output).
import type { APIRoute } from 'astro';
import * as z from 'zod/mini';
import { submitContext } from '@/server/context';
import { familyInquiryExample } from '@/schemas/inquiry-example';
import { alwaysRequiredFields } from '@/schemas/inquiry';
import { referralRequiredFields } from '@/schemas/referral';
import { referralSchemaFor } from '@/server/referral-service';
import { apiProblemSchema, inquiryEnvelopeSchema, inquiryNotStoredSchema, inquiryReceiptSchema, MIN_FILL_MS, TRAP_FIELD } from '@/schemas/inquiry-api';
import { schemaFor } from '@/server/inquiry-service';
import { MAX_BODY_BYTES } from '@/server/request-guards';

export const prerender = false;

/** The documented example: the shared family-member inquiry plus the envelope. */
const exampleInquiry = { ...familyInquiryExample, idempotencyKey: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', startedAt: 1763800000000 };

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[]; [k: string]: unknown };
/** A zod schema as JSON Schema, without the $schema line (it sits inside the OpenAPI document). */
const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};
/** What the envelope's fields are for; the limits themselves come from the schema. */
const envelopeNotes: Record<string, string> = {
  idempotencyKey: 'One key per inquiry; a retry with the same key returns the same receipt and stores nothing new.',
  startedAt: `When the form was shown: ms since epoch, or the signed token the site's own form pages carry (their HTML forms must send that token). An inquiry sent sooner than ${MIN_FILL_MS / 1000} s after it is answered 202 and not stored. Limits: POST bodies up to 32 KB (413 beyond), a list field may not repeat a value (400), and each client may send INQUIRY_RATE_LIMIT inquiries per 10 minutes (429 with Retry-After beyond).`,
  [TRAP_FIELD]: 'Leave out or empty. Anything in it is answered 202 and not stored.',
};
const problem = jsonSchema(apiProblemSchema);
const problemReply = (description: string, headers?: Record<string, unknown>) => ({ description, ...(headers && { headers }), content: { 'application/json': { schema: problem } } });

export const GET: APIRoute = async () => {
  const ctx = await submitContext();
  const envelope = jsonSchema(inquiryEnvelopeSchema, 'input');
  const envelopeProperties = Object.fromEntries(Object.entries(envelope.properties ?? {}).map(([name, s]) => [name, { ...s, description: envelopeNotes[name] }]));
  /**
   * A form's request body: one object, not allOf (with allOf, additionalProperties: false in either part
   * would refuse the other's fields). Required by the field table (fields shown whatever else is
   * answered); the conditional ones are described by the 400 reply, which names each missing field.
   */
  const requestOf = (form: JsonSchema, always: readonly string[]) => {
    const fields = { type: 'object', properties: { ...form.properties, ...envelopeProperties }, required: [...new Set([...(form.required ?? []), ...always, 'locale', ...(envelope.required ?? [])])] };
    /** JSON bodies are strict: an unknown field is answered 400 naming it. */
    return { fields, json: { ...fields, additionalProperties: false } };
  };
  const inquiryRequest = requestOf(jsonSchema(schemaFor(ctx), 'input'), alwaysRequiredFields);
  const referralRequest = requestOf(jsonSchema(referralSchemaFor(ctx), 'input'), referralRequiredFields);
  const responses = {
    '201': { description: 'Stored', content: { 'application/json': { schema: jsonSchema(inquiryReceiptSchema) } } },
    '200': { description: 'The same idempotency key was sent before: the same receipt, nothing new stored', content: { 'application/json': { schema: jsonSchema(inquiryReceiptSchema) } } },
    '202': { description: 'Nothing stored: the trap field was filled or the form was sent too fast. Every field was valid.', content: { 'application/json': { schema: jsonSchema(inquiryNotStoredSchema) } } },
    '400': problemReply('Missing, invalid or unknown fields, each named in `fields` with a message'),
    '403': problemReply('Cross-site request'),
    '405': problemReply('Only POST is allowed, whatever the body', { Allow: { schema: { type: 'string', const: 'POST' } } }),
    '413': problemReply(`Body over ${MAX_BODY_BYTES / 1024} KB`),
    '415': problemReply('Not JSON or form-encoded'),
    '429': problemReply('Too many requests from this client; see Retry-After'),
  };
  const doc = {
    openapi: '3.1.0',
    info: { title: '相談窓口ポータル: inquiries and referrals', version: '1.0.0', description: 'Sends an inquiry (相談) to the municipality. Answers 201 with a receipt number only after the inquiry is durably stored.' },
    paths: {
      '/api/inquiries': {
        post: {
          summary: 'Send an inquiry',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: inquiryRequest.json, examples: { familyMember: { summary: 'A family member writes on behalf of her father', value: exampleInquiry } } },
              // A browser form also sends its buttons, so form bodies are not strict.
              'application/x-www-form-urlencoded': { schema: inquiryRequest.fields },
            },
          },
          responses,
        },
      },
      '/api/referrals': {
        post: {
          summary: 'Send a 連絡票 (相談受付・情報提供): a support agency brings a case to 多機関協働',
          description: 'Routed to the 多機関協働 coordinator and to the field windows the troubles name. Stored with the inquiries (kind "referral"), with the same receipt numbers and idempotency.',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: referralRequest.json },
              'application/x-www-form-urlencoded': { schema: referralRequest.fields },
            },
          },
          responses,
        },
      },
    },
  };
  return new Response(JSON.stringify(doc, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
