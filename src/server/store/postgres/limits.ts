// PostgreSQL implementation of LimitStore: the same fixed-window counters as limits-sqlite.ts, one row
// per limit and client (a hash, never the address), so every server on the database counts a client once.
// Two servers counting the same client at once queue on the row's lock; neither count is lost.
import { LIMIT_PRUNE_EVERY, LIMIT_ROWS_KEEP_MS, limitKeyHash } from '../limit-rows';
import type { LimitStore } from '../types';
import type { Db } from './db';

export function createPostgresLimitStore(db: Db): LimitStore {
  let hits = 0;
  return {
    hit: async (bucket, key, windowMs, now) => {
      // Every SET expression reads the row as it was, so an expired window restarts at 1.
      const [row] = (await db.query<{ count: number; window_start: number }>(
        `INSERT INTO rate_limits AS r (bucket, key_hash, window_start, count) VALUES ($1, $2, $3::bigint, 1)
         ON CONFLICT (bucket, key_hash) DO UPDATE SET
           count = CASE WHEN r.window_start <= $3::bigint - $4::bigint THEN 1 ELSE r.count + 1 END,
           window_start = CASE WHEN r.window_start <= $3::bigint - $4::bigint THEN $3::bigint ELSE r.window_start END
         RETURNING count, window_start`,
        [bucket, limitKeyHash(bucket, key), now, windowMs],
      )) as [{ count: number; window_start: number }];
      if (++hits % LIMIT_PRUNE_EVERY === 0) await db.run('DELETE FROM rate_limits WHERE window_start < $1', [now - LIMIT_ROWS_KEEP_MS]);
      return { count: row.count, resetAt: row.window_start + windowMs };
    },
  };
}
