// node:sqlite implementation of FactsStore (issue 30): confirmations, proposed changes and residents'
// reports in one table, each with its decision. Nothing here changes content: `npm run content --
// apply` writes approved items into the profile's YAML.
import type { DatabaseSync } from 'node:sqlite';
import type { FactField } from '@/schemas/facts';
import type { FactItem, FactItemState, FactsStore } from './facts-types';
import { writeTransaction } from './transaction';

/** The outbox's window id for e-mails to the editors (NOTIFY_CONFIG's "editor" address). */
export const EDITOR_MAILBOX = '@editor';

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
    lastStatement: async (window) =>
      (db.prepare("SELECT max(created_at) AS at FROM fact_items WHERE window_id = ? AND kind IN ('confirmation', 'change')").get(window) as { at: string | null }).at,
    queueReminder: async (window, day, notAfter, due) =>
      writeTransaction(db, () => {
        const { changes } = db
          .prepare('INSERT INTO fact_reminders (window_id, last_day) VALUES (?, ?) ON CONFLICT (window_id) DO UPDATE SET last_day = excluded.last_day WHERE last_day <= ?')
          .run(window, day, notAfter);
        if (changes === 0) return false;
        const now = new Date().toISOString();
        db.prepare("INSERT INTO outbox (kind, window_id, detail, created_at, next_at) VALUES ('factsCheck', ?, ?, ?, ?)").run(window, JSON.stringify({ due }), now, now);
        return true;
      }),
    queueSourcesChanged: async (titles, at) => {
      db.prepare("INSERT INTO outbox (kind, window_id, detail, created_at, next_at) VALUES ('sourcesChanged', ?, ?, ?, ?)").run(EDITOR_MAILBOX, JSON.stringify({ sources: titles }), at.toISOString(), at.toISOString());
    },
    markApplied: async (ids, at) => {
      for (const id of ids) applyStmt.run(at.toISOString(), id);
    },
  };
}
