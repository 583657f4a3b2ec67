// The connection pool and the two ways the PostgreSQL engine talks to it: one statement (any pooled
// connection), or a transaction on one connection, rolled back if anything in it throws.
import pg from 'pg';
import type { PostgresSettings } from './settings';

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
  const query: Query = async (text, values) => (await pool.query(text, values)).rows;
  const run = async (text: string, values?: unknown[]) => (await pool.query(text, values)).rowCount ?? 0;
  return {
    pool,
    query,
    run,
    tx: async (fn) => {
      const client = await pool.connect();
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
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
