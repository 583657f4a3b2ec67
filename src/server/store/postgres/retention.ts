// PostgreSQL implementation of RetentionStore: completed inquiries deleted after the retention period,
// and a resident's own request to delete, each leaving only an anonymous row for the planners' counts.
import type { RetentionStore } from '../types';
import { anonymousColumns } from './anonymous';
import type { Db, Query } from './db';

/** Deletes the inquiries `ids` (inside a transaction), keeping one anonymous row each. */
async function remove(q: Query, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await q(
    `INSERT INTO anonymous_inquiries (month, area, writer, categories, window_count, first_response_minutes)
     SELECT month, area, writer, categories, window_count, first_response_minutes FROM (SELECT i.id, ${anonymousColumns} FROM inquiries i WHERE i.id = ANY($1)) a ORDER BY id`,
    [ids],
  );
  // Foreign keys are checked at commit, so the inquiry rows go first and their events (append-only
  // while their inquiry exists) after them.
  await q('DELETE FROM inquiries WHERE id = ANY($1)', [ids]);
  for (const table of ['inquiry_events', 'inquiry_windows', 'inquiry_categories', 'outbox']) await q(`DELETE FROM ${table} WHERE inquiry_id = ANY($1)`, [ids]);
}

export function createPostgresRetentionStore(db: Db): RetentionStore {
  return {
    purgeCompleted: (before) =>
      db.tx(async (q) => {
        const ids = (await q<{ id: number }>("SELECT id FROM inquiries WHERE status = 'done' AND done_at < $1 ORDER BY id FOR UPDATE", [before.toISOString()])).map((r) => r.id);
        await remove(q, ids);
        return { deleted: ids.length };
      }),
    deleteOne: (publicId) =>
      db.tx(async (q) => {
        const [row] = await q<{ id: number }>('SELECT id FROM inquiries WHERE public_id = $1 FOR UPDATE', [publicId]);
        if (!row) return false;
        await remove(q, [row.id]);
        return true;
      }),
  };
}
