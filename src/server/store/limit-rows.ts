// What every engine's rate-limit counters share (limits-sqlite.ts, postgres/limits.ts): the key kept
// for a client, and how long old rows stay. The counting itself is one upsert in each engine's SQL.
import { createHash } from 'node:crypto';

/** Rows older than this are deleted now and then (longer than any window). */
export const LIMIT_ROWS_KEEP_MS = 24 * 60 * 60_000;
/** Old rows are deleted once per this many hits. */
export const LIMIT_PRUNE_EVERY = 1000;

/** The client's address or login is not kept: a hash of it is enough to count. */
export const limitKeyHash = (bucket: string, key: string) => createHash('sha256').update(`${bucket}\0${key}`).digest('base64url').slice(0, 22);
