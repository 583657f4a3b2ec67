// How both engines' fact items (issue 30) are selected and become FactItems: the same columns and SQL
// in both schemas, so facts-sqlite.ts and postgres/facts.ts differ only in how they write.
import type { FactField } from '@/schemas/facts';
import type { FactItem, FactItemState } from './facts-types';

/** The outbox's window id for e-mails to the editors (NOTIFY_CONFIG's "editor" address). */
export const EDITOR_MAILBOX = '@editor';

export type FactItemRow = {
  id: number; kind: FactItem['kind']; window_id: string; field: string | null; value: string | null; staff_id: number | null; staff_name: string | null;
  created_at: string; state: FactItemState; decider: string | null; decided_at: string | null; reason: string | null;
};
export const factItemSelect = `SELECT f.id, f.kind, f.window_id, f.field, f.value, f.staff_id, s.name AS staff_name, f.created_at, f.state, d.name AS decider, f.decided_at, f.reason
  FROM fact_items f LEFT JOIN staff s ON s.id = f.staff_id LEFT JOIN staff d ON d.id = f.decided_by`;

export const toFactItem = (r: FactItemRow): FactItem => ({
  id: r.id,
  kind: r.kind,
  window: r.window_id,
  field: r.kind === 'change' ? (r.field as FactField) : null,
  value: r.kind === 'change' && r.value !== null ? JSON.parse(r.value) : null,
  text: r.kind === 'report' ? r.value : null,
  staffId: r.staff_id,
  staffName: r.staff_name,
  createdAt: r.created_at,
  state: r.state,
  decidedBy: r.decider,
  decidedAt: r.decided_at,
  reason: r.reason,
});
