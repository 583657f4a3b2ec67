// GET /api/openapi.json: the inquiry API described as OpenAPI 3.1, with the request schema generated
// from the same zod schema the form and the server use (zod 4 JSON Schema output).
import type { APIRoute } from 'astro';
import * as z from 'zod/mini';
import { submitContext } from '@/server/context';
import { familyInquiryExample } from '@/schemas/inquiry-example';
import { schemaFor } from '@/server/inquiry-service';

export const prerender = false;

/** The documented example: the shared family-member inquiry plus the two request fields. */
const exampleInquiry = { ...familyInquiryExample, idempotencyKey: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', startedAt: 1763800000000 };

const problem = { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } }, required: ['error', 'message'] };

export const GET: APIRoute = async () => {
  const ctx = await submitContext();
  const inquiry = z.toJSONSchema(schemaFor(ctx), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const requestSchema = {
    allOf: [
      inquiry,
      {
        type: 'object',
        properties: {
          idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9-]{8,100}$', description: 'One key per inquiry; a retry with the same key returns the same receipt and stores nothing new.' },
          startedAt: { type: 'integer', description: 'When the form was shown (ms since epoch). Sent sooner than 3 s after it, an inquiry is not accepted.' },
          website: { type: 'string', maxLength: 0, description: 'Must be empty (honeypot).' },
        },
        required: ['idempotencyKey', 'startedAt'],
      },
    ],
  };
  const doc = {
    openapi: '3.1.0',
    info: { title: '相談窓口ポータル: inquiries', version: '1.0.0', description: 'Sends an inquiry (相談) to the municipality. Answers 201 with a receipt number only after the inquiry is durably stored.' },
    paths: {
      '/api/inquiries': {
        post: {
          summary: 'Send an inquiry',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: requestSchema, examples: { familyMember: { summary: 'A family member writes on behalf of her father', value: exampleInquiry } } },
              'application/x-www-form-urlencoded': { schema: requestSchema },
            },
          },
          responses: {
            '201': { description: 'Stored', content: { 'application/json': { schema: { type: 'object', properties: { receipt: { type: 'string' }, windows: { type: 'array' }, coordinator: { type: 'boolean' } }, required: ['receipt'] } } } },
            '200': { description: 'The same idempotency key was sent before: the same receipt, nothing new stored' },
            '202': { description: 'Not accepted (automated submission suspected); nothing stored' },
            '400': { description: 'Invalid fields, with a message for each', content: { 'application/json': { schema: { ...problem, properties: { ...problem.properties, fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, key: { type: 'string' }, message: { type: 'string' } } } } } } } } },
            '403': { description: 'Cross-site request', content: { 'application/json': { schema: problem } } },
            '405': { description: 'Only POST is allowed' },
            '413': { description: 'Body over 32 KB', content: { 'application/json': { schema: problem } } },
            '415': { description: 'Not JSON or form-encoded', content: { 'application/json': { schema: problem } } },
            '429': { description: 'Too many inquiries from this client; see Retry-After', content: { 'application/json': { schema: problem } } },
          },
        },
      },
    },
  };
  return new Response(JSON.stringify(doc, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
