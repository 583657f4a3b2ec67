// A resident's report that a window's page is wrong (issue 30): one field, nothing personal asked, kept
// for the editors only (never a window's inbox), behind the same per-client limit as every public POST
// (limits.ts, `report`; the page reads it through form-page.ts).
import { factReportSchema } from '@/schemas/facts';
import type { FactsStore } from './store/facts-types';

export type ReportOutcome = { kind: 'stored' } | { kind: 'invalid'; error: string };

/** Validates and stores the report for `window` (a window id the page has checked exists). */
export async function submitFactReport(form: URLSearchParams, window: string, facts: FactsStore, now = new Date()): Promise<ReportOutcome> {
  const parsed = factReportSchema.safeParse({ text: form.get('text') ?? '' });
  if (!parsed.success) return { kind: 'invalid', error: parsed.error.issues[0]!.message };
  await facts.report({ window, text: parsed.data.text, at: now });
  return { kind: 'stored' };
}
