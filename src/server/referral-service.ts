// Accepting a 連絡票 from a support agency: the shared checks (form-submit.ts), the shared router
// (src/triage/route.ts) and the same store and create path as inquiries, with kind 'referral'.
import * as z from 'zod/mini';
import { createReferralSchema, referralFromForm, referralProblems, referralValues, type Referral } from '@/schemas/referral';
import { fieldsForCategories, routeWindows, troublesOverlap } from '@/triage/route';
import { checkSubmission } from './form-submit';
import { routeInputFor } from './route-input';
import type { SubmitContext } from './inquiry-service';
import type { RoutingDecision } from './store';

export type ReferralOutcome =
  | { kind: 'stored'; receipt: string; created: boolean; referral: Referral; routing: RoutingDecision; overlap: boolean }
  | { kind: 'invalid'; errors: { field: string; key: string }[] }
  | { kind: 'ignored' };

const schemas = new WeakMap<object, ReturnType<typeof createReferralSchema>>();

/** The schema for this municipality's content, built once per content object (as schemaFor). */
export function referralSchemaFor(ctx: Pick<SubmitContext, 'triage' | 'districts'>) {
  const cached = schemas.get(ctx.triage);
  if (cached) return cached;
  const schema = createReferralSchema({ categories: ctx.triage.routing.categories.map((c) => c.id), windows: ctx.triage.windows.map((w) => w.id), districts: ctx.districts });
  schemas.set(ctx.triage, schema);
  return schema;
}

const rules = (ctx: Pick<SubmitContext, 'triage' | 'districts'>) => ({ schema: referralSchemaFor(ctx), fromForm: referralFromForm, values: referralValues, problems: referralProblems });

/** Validates only (the no-JS check step). */
export function checkReferral(raw: Record<string, unknown>, ctx: Pick<SubmitContext, 'triage' | 'districts'>): { kind: 'valid'; referral: Referral } | { kind: 'invalid'; errors: { field: string; key: string }[] } {
  const values = referralValues(raw);
  const parsed = z.safeParse(referralSchemaFor(ctx), values);
  return parsed.success ? { kind: 'valid', referral: parsed.data } : { kind: 'invalid', errors: referralProblems(parsed.error.issues, values) };
}

/**
 * Where a 連絡票 goes: always the 多機関協働 coordinator (an agency brings a case it cannot handle alone,
 * seed 001), and the field windows its troubles name, near the person's district. The coordinator is
 * asked for through the router's own `coordination` field, so there is one routing rule.
 */
export function routeReferral(referral: Pick<Referral, 'categories' | 'district'>, triage: SubmitContext['triage']): RoutingDecision {
  const routed = routeWindows(routeInputFor({ kind: 'referral', ...referral }, triage.routing), triage.windows, triage.routing);
  return { windows: routed.windows.map((w) => w.windowId), coordinator: routed.coordinator };
}

/** Validates, routes and stores one 連絡票; resolves once it is on disk. Never rejects for bad input. */
export async function submitReferral(body: Record<string, unknown> | URLSearchParams, ctx: SubmitContext): Promise<ReferralOutcome> {
  const checked = checkSubmission(body, rules(ctx), ctx.now);
  if (checked.kind !== 'accepted') return checked;
  const referral = checked.data;
  const routing = routeReferral(referral, ctx.triage);
  const { receipt, created } = await ctx.store.create({ kind: 'referral', ...referral }, routing, checked.envelope.idempotencyKey);
  return { kind: 'stored', receipt, created, referral, routing, overlap: troublesOverlap(fieldsForCategories(ctx.triage.routing, referral.categories ?? [])) };
}
