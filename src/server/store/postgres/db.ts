// The connection pool and the two ways the PostgreSQL engine talks to it: one statement (any pooled
// connection), or a transaction on one connection, rolled back if anything in it throws.
import pg from 'pg';
import { StoreUnavailableError } from '../errors';
import type { PostgresSettings } from './settings';

// Connection failures (refused, reset, timed out), and PostgreSQL shutting down or starting up (class
// 08 and 57P01–57P03): the database is away, not the request wrong.
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
export function isUnavailable(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: string; message?: string };
  return (code !== undefined && (networkCodes.has(code) || code.startsWith('08'))) || /Connection terminated|timeout exceeded when trying to connect|connection error|not queryable/i.test(message ?? '');
}
/** Rethrows a connection failure as the engine-neutral StoreUnavailableError; other errors as they are. */
export function unavailableAs(e: unknown): never {
  throw isUnavailable(e) ? new StoreUnavailableError(e) : e;
}

/** Runs one statement; rows come back with bigint and count(*) as JavaScript numbers. */
export type Query = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

export interface Db {
  query: Query;
  /** One statement's row count (UPDATE/DELETE/INSERT … ON CONFLICT DO NOTHING). */
  run(text: string, values?: unknown[]): Promise<number>;
  tx<T>(fn: (q: Query, run: Db['run']) => Promise<T>): Promise<T>;
  pool: pg.Pool;
  close(): Promise<void>;
}

// int8 (ids, epoch milliseconds, counts) as numbers: every value the portal keeps fits in 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Connection options shared by the pool and the migrating connection. */
export function clientConfig(s: PostgresSettings): pg.ClientConfig {
  return {
    connectionString: s.url,
    connectionTimeoutMillis: s.connectTimeoutMs,
    statement_timeout: s.statementTimeoutMs,
    // The portal's schema first; nothing is ever looked up elsewhere.
    options: `-c search_path=${s.schema}`,
    application_name: 'soudan-portal',
    types,
  };
}

export function openDb(s: PostgresSettings): Db {
  const pool = new pg.Pool({ ...clientConfig(s), max: s.poolSize, idleTimeoutMillis: s.idleTimeoutMs });
  // A pooled connection that breaks while idle (PostgreSQL restarted) is dropped by the pool; the
  // next request gets a new one. Without this listener the error would end the process.
  pool.on('error', (e) => console.error(`[store] PostgreSQL connection lost: ${e.message}`));
  const query: Query = async (text, values) => (await pool.query(text, values).catch(unavailableAs)).rows;
  const run = async (text: string, values?: unknown[]) => (await pool.query(text, values).catch(unavailableAs)).rowCount ?? 0;
  return {
    pool,
    query,
    run,
    tx: async (fn) => {
      const client = await pool.connect().catch(unavailableAs);
      let broken = false;
      try {
        await client.query('BEGIN');
        const out = await fn(
          async (text, values) => (await client.query(text, values)).rows,
          async (text, values) => (await client.query(text, values)).rowCount ?? 0,
        );
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        // A commit whose connection broke may or may not have happened: the caller did not get a
        // receipt, and a retry with the same idempotency key finds it if it did.
        return unavailableAs(e);
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
