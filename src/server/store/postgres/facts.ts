// PostgreSQL implementation of FactsStore (issue 30), as facts-sqlite.ts: confirmations, proposed
// changes and residents' reports in one table, each with its decision; read through the same select
// and mapping (../facts-rows.ts). A window's weekly reminder is claimed in the database, so N servers
// queue it once.
import type { FactItem, FactsStore } from '../facts-types';
import { EDITOR_MAILBOX, factItemSelect, toFactItem, type FactItemRow } from '../facts-rows';
import type { Db } from './db';

export function createPostgresFactsStore(db: Db): FactsStore {
  const add = async (kind: FactItem['kind'], window: string, field: string | null, value: string | null, staffId: number | null, at: Date) =>
    ((await db.query<{ id: number }>('INSERT INTO fact_items (kind, window_id, field, value, staff_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [kind, window, field, value, staffId, at.toISOString()]))[0] as { id: number }).id;
  return {
    report: ({ window, text, at }) => add('report', window, null, text, null, at),
    confirm: ({ window, staffId, at }) => add('confirmation', window, null, null, staffId, at),
    propose: ({ window, staffId, field, value, at }) => add('change', window, field, JSON.stringify(value), staffId, at),
    list: async (states, limit = 200) => (await db.query<FactItemRow>(`${factItemSelect} WHERE f.state = ANY($1) ORDER BY f.id LIMIT $2`, [[...states], limit])).map(toFactItem),
    ofWindow: async (window, limit = 50) => (await db.query<FactItemRow>(`${factItemSelect} WHERE f.window_id = $1 AND f.kind <> 'report' ORDER BY f.id DESC LIMIT $2`, [window, limit])).map(toFactItem),
    decide: async (id, { approve, reason, staffId, at }) =>
      (await db.run("UPDATE fact_items SET state = $1, decided_by = $2, decided_at = $3, reason = $4 WHERE id = $5 AND state = 'pending'", [approve ? 'approved' : 'rejected', staffId, at.toISOString(), reason, id])) === 1,
    lastStatement: async (window) =>
      (await db.query<{ at: string | null }>("SELECT max(created_at) AS at FROM fact_items WHERE window_id = $1 AND kind IN ('confirmation', 'change')", [window]))[0]?.at ?? null,
    queueReminder: (window, day, notAfter, due) =>
      db.tx(async (q, run) => {
        const claimed = await run(
          'INSERT INTO fact_reminders AS r (window_id, last_day) VALUES ($1, $2) ON CONFLICT (window_id) DO UPDATE SET last_day = excluded.last_day WHERE r.last_day <= $3',
          [window, day, notAfter],
        );
        if (claimed === 0) return false;
        const now = new Date().toISOString();
        await q("INSERT INTO outbox (kind, window_id, detail, created_at, next_at) VALUES ('factsCheck', $1, $2, $3, $3)", [window, JSON.stringify({ due }), now]);
        return true;
      }),
    queueSourcesChanged: async (titles, at) => {
      await db.run("INSERT INTO outbox (kind, window_id, detail, created_at, next_at) VALUES ('sourcesChanged', $1, $2, $3, $3)", [EDITOR_MAILBOX, JSON.stringify({ sources: titles }), at.toISOString()]);
    },
    markApplied: async (ids, at) => {
      if (ids.length) await db.run("UPDATE fact_items SET state = 'applied', applied_at = $1 WHERE id = ANY($2) AND state = 'approved'", [at.toISOString(), [...ids]]);
    },
  };
}
