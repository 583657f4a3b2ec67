// node:sqlite implementation of FactsStore (issue 30): confirmations, proposed changes and residents'
// reports in one table, each with its decision. Nothing here changes content: `npm run content --
// apply` writes approved items into the profile's YAML.
import type { DatabaseSync } from 'node:sqlite';
import type { FactField } from '@/schemas/facts';
import type { FactItem, FactItemState, FactsStore } from './facts-types';

type Row = {
  id: number; kind: FactItem['kind']; window_id: string; field: string | null; value: string | null; staff_id: number | null; staff_name: string | null;
  created_at: string; state: FactItemState; decider: string | null; decided_at: string | null; reason: string | null;
};
const select = `SELECT f.id, f.kind, f.window_id, f.field, f.value, f.staff_id, s.name AS staff_name, f.created_at, f.state, d.name AS decider, f.decided_at, f.reason
  FROM fact_items f LEFT JOIN staff s ON s.id = f.staff_id LEFT JOIN staff d ON d.id = f.decided_by`;

const toItem = (r: Row): FactItem => ({
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

export function createFactsStore(db: DatabaseSync): FactsStore {
  const insert = db.prepare('INSERT INTO fact_items (kind, window_id, field, value, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const add = (kind: FactItem['kind'], window: string, field: string | null, value: string | null, staffId: number | null, at: Date) =>
    Promise.resolve(Number(insert.run(kind, window, field, value, staffId, at.toISOString()).lastInsertRowid));
  const decideStmt = db.prepare("UPDATE fact_items SET state = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND state = 'pending'");
  const applyStmt = db.prepare("UPDATE fact_items SET state = 'applied', applied_at = ? WHERE id = ? AND state = 'approved'");
  return {
    report: ({ window, text, at }) => add('report', window, null, text, null, at),
    confirm: ({ window, staffId, at }) => add('confirmation', window, null, null, staffId, at),
    propose: ({ window, staffId, field, value, at }) => add('change', window, field, JSON.stringify(value), staffId, at),
    list: async (states, limit = 200) =>
      (db.prepare(`${select} WHERE f.state IN (${states.map(() => '?').join(', ')}) ORDER BY f.id LIMIT ?`).all(...states, limit) as Row[]).map(toItem),
    ofWindow: async (window, limit = 50) => (db.prepare(`${select} WHERE f.window_id = ? AND f.kind != 'report' ORDER BY f.id DESC LIMIT ?`).all(window, limit) as Row[]).map(toItem),
    decide: async (id, { approve, reason, staffId, at }) => decideStmt.run(approve ? 'approved' : 'rejected', staffId, at.toISOString(), reason, id).changes === 1,
    markApplied: async (ids, at) => {
      for (const id of ids) applyStmt.run(at.toISOString(), id);
    },
  };
}
