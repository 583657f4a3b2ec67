// node:sqlite implementation of LimitStore: fixed-window counters in the database, so every process
// serving the same database counts the same client once (src/server/limits.ts decides the limits).
import type { DatabaseSync } from 'node:sqlite';
import { LIMIT_PRUNE_EVERY, LIMIT_ROWS_KEEP_MS, limitKeyHash } from './limit-rows';
import type { LimitStore } from './types';

export function createLimitStore(db: DatabaseSync): LimitStore {
  // Every SET expression reads the row as it was, so an expired window restarts at 1.
  const hit = db.prepare(
    `INSERT INTO rate_limits (bucket, key_hash, window_start, count) VALUES (?1, ?2, ?3, 1)
     ON CONFLICT (bucket, key_hash) DO UPDATE SET
       count = CASE WHEN window_start <= ?3 - ?4 THEN 1 ELSE count + 1 END,
       window_start = CASE WHEN window_start <= ?3 - ?4 THEN ?3 ELSE window_start END
     RETURNING count, window_start`,
  );
  const prune = db.prepare('DELETE FROM rate_limits WHERE window_start < ?');
  let hits = 0;
  return {
    hit: async (bucket, key, windowMs, now) => {
      const row = hit.get(bucket, limitKeyHash(bucket, key), now, windowMs) as { count: number; window_start: number };
      if (++hits % LIMIT_PRUNE_EVERY === 0) prune.run(now - LIMIT_ROWS_KEEP_MS);
      return { count: row.count, resetAt: row.window_start + windowMs };
    },
  };
}
