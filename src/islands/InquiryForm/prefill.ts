// The wizard's hand-off (src/schemas/handoff.ts) as form values: only ids this page knows are kept.
import * as z from 'zod/mini';
import { handoffSchema, type Handoff } from '@/schemas/handoff';
import type { FormContent } from './field-view';
import type { FormValues } from './values';

export type Prefill = Handoff;

/** Reads a hand-off (parsed JSON, or posted fields) leniently: anything unknown is dropped. */
export function prefillValues(input: unknown, c: FormContent): FormValues {
  const r = z.safeParse(handoffSchema, input ?? {});
  if (!r.success) return {};
  const h = r.data;
  const out: FormValues = {};
  if (h.window && c.windows.some((w) => w.id === h.window)) out.window = h.window;
  const cats = (h.categories ?? []).filter((x) => c.categories.includes(x));
  if (cats.length) out.categories = cats;
  if (h.writer) out.writer = h.writer;
  if (h.district && (h.district === 'unknown' || c.districts.some((d) => d.id === h.district))) out.area = h.district;
  if (h.personAge) out.personAge = h.personAge;
  if (h.personConsent) out.personConsent = h.personConsent;
  return out;
}
