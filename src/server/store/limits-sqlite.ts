// node:sqlite implementation of LimitStore: fixed-window counters in the database, so every process
// serving the same database counts the same client once (src/server/limits.ts decides the limits).
import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { LimitStore } from './types';

/** Rows older than this are deleted now and then (longer than any window). */
const KEEP_MS = 24 * 60 * 60_000;

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
      // The client's address or login is not kept: a hash of it is enough to count.
      const keyHash = createHash('sha256').update(`${bucket}\0${key}`).digest('base64url').slice(0, 22);
      const row = hit.get(bucket, keyHash, now, windowMs) as { count: number; window_start: number };
      if (++hits % 1000 === 0) prune.run(now - KEEP_MS);
      return { count: row.count, resetAt: row.window_start + windowMs };
    },
  };
}
