// node:sqlite implementation of RetentionStore: completed inquiries deleted after the retention period,
// and a resident's own request to delete, each leaving only an anonymous row for the planners' counts.
import { anonymousColumnsSql } from './stats-sqlite';
import type { DatabaseSync } from 'node:sqlite';
import type { RetentionStore } from './types';
import { writeTransaction } from './transaction';

export function createRetentionStore(db: DatabaseSync, changed: () => void): RetentionStore {
  /** Deletes the inquiries `ids` (inside a transaction), keeping one anonymous row each. */
  const remove = (ids: number[]) => {
    const anon = db.prepare(
      `INSERT INTO anonymous_inquiries (month, area, writer, categories, window_count, first_response_minutes)
       SELECT ${anonymousColumnsSql} FROM inquiries i WHERE i.id = ?`,
    );
    // Foreign keys are checked at commit, so the inquiry row can go first and its events after it.
    db.exec('PRAGMA defer_foreign_keys = ON');
    for (const id of ids) {
      anon.run(id);
      db.prepare('DELETE FROM inquiries WHERE id = ?').run(id);
      for (const table of ['inquiry_events', 'inquiry_windows', 'inquiry_categories', 'outbox']) db.prepare(`DELETE FROM ${table} WHERE inquiry_id = ?`).run(id);
    }
  };
  const tx = <T>(fn: () => T): T => {
    const out = writeTransaction(db, fn);
    changed();
    return out;
  };
  return {
    purgeCompleted: async (before) =>
      tx(() => {
        const ids = (db.prepare("SELECT id FROM inquiries WHERE status = 'done' AND done_at < ?").all(before.toISOString()) as { id: number }[]).map((r) => r.id);
        remove(ids);
        return { deleted: ids.length };
      }),
    deleteOne: async (publicId) =>
      tx(() => {
        const row = db.prepare('SELECT id FROM inquiries WHERE public_id = ?').get(publicId) as { id: number } | undefined;
        if (!row) return false;
        remove([row.id]);
        return true;
      }),
  };
}
