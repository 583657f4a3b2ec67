// Accepting an inquiry: validate with the shared schema, route with the shared rule, store durably.
// Used by POST /api/inquiries (JSON or form-encoded) and by the no-JS confirmation page.
import * as z from 'zod/mini';
import { createInquirySchema, inquiryFromForm, inquiryValues, problemsByField, type Inquiry } from '@/schemas/inquiry';
import type { TriageData } from '@/triage/engine';
import { fieldsForCategories, routeWindows, troublesOverlap } from '@/triage/route';
import { MIN_FILL_MS } from '@/schemas/inquiry-api';
import { checkSubmission } from './form-submit';
import { routeInputFor } from './route-input';
import type { InquiryStore, RoutingDecision } from './store';

export { MIN_FILL_MS };

export type SubmitOutcome =
  /** `overlap`: the troubles overlap (two or more fields), so the receipt may say that is why the coordinator joined. */
  | { kind: 'stored'; receipt: string; created: boolean; inquiry: Inquiry; routing: RoutingDecision; overlap: boolean }
  | { kind: 'invalid'; errors: { field: string; key: string }[] }
  /** Trap field filled or sent too fast (and otherwise complete): nothing stored, no receipt. */
  | { kind: 'ignored' };

export interface SubmitContext {
  store: InquiryStore;
  triage: Pick<TriageData, 'routing' | 'windows'>;
  districts: readonly string[];
  now?: number;
}

const schemas = new WeakMap<object, ReturnType<typeof createInquirySchema>>();

/**
 * The schema for this municipality's content (categories, windows, districts). Built once per
 * content object: constructing a zod schema costs more than validating with it (seen in the bench profile).
 */
export function schemaFor(ctx: Pick<SubmitContext, 'triage' | 'districts'>) {
  const cached = schemas.get(ctx.triage);
  if (cached) return cached;
  const schema = createInquirySchema({
    categories: ctx.triage.routing.categories.map((c) => c.id),
    windows: ctx.triage.windows.map((w) => w.id),
    districts: ctx.districts,
  });
  schemas.set(ctx.triage, schema);
  return schema;
}

/** Validates only (the no-JS check-your-answers step): what is shown and required follows the field table. */
export function checkInquiry(raw: Record<string, unknown>, ctx: Pick<SubmitContext, 'triage' | 'districts'>): { kind: 'valid'; inquiry: Inquiry } | { kind: 'invalid'; errors: { field: string; key: string }[] } {
  const values = inquiryValues(raw);
  const parsed = z.safeParse(schemaFor(ctx), values);
  return parsed.success ? { kind: 'valid', inquiry: parsed.data } : { kind: 'invalid', errors: problemsByField(parsed.error.issues, values) };
}

/** Validates, routes and stores one inquiry; resolves once it is on disk. Never rejects for bad input. */
export async function submitInquiry(body: Record<string, unknown> | URLSearchParams, ctx: SubmitContext): Promise<SubmitOutcome> {
  const checked = checkSubmission(body, { schema: schemaFor(ctx), fromForm: inquiryFromForm, values: inquiryValues, problems: problemsByField }, ctx.now);
  if (checked.kind !== 'accepted') return checked;
  const meta = checked.envelope;
  const inquiry = checked.data;
  const fields = fieldsForCategories(ctx.triage.routing, inquiry.categories ?? []);
  const routed = routeWindows(routeInputFor(inquiry, ctx.triage.routing), ctx.triage.windows, ctx.triage.routing);
  const routing: RoutingDecision = { windows: routed.windows.map((w) => w.windowId), coordinator: routed.coordinator };
  const { receipt, created } = await ctx.store.create(inquiry, routing, meta.idempotencyKey);
  return { kind: 'stored', receipt, created, inquiry, routing, overlap: troublesOverlap(fields) };
}
