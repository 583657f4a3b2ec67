import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` in one write transaction (BEGIN IMMEDIATE takes the write lock first, so no other
 * connection can slip in between a read and the write it decides); rolls back if `fn` throws.
 */
export function writeTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = fn();
    db.exec('COMMIT');
    return out;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
