// The tests' one way to a store, on the engine the run selects: node:sqlite by default, PostgreSQL when
// DATABASE_URL is set (npm run test:postgres sets it; see tests/tools/postgres.mjs). A test names its
// database by a file path either way: on SQLite it is that file; on PostgreSQL a schema of its own,
// named after the path, so a test, the server it starts and the CLI it runs all reach the same rows.
import { createHash } from 'node:crypto';
import type { Sealer } from '@/server/crypto/seal';
import { openPostgresStore } from '@/server/store/postgres';
import { postgresSettings, selectsPostgres } from '@/server/store/postgres/settings';
import { openSqliteStore } from '@/server/store/sqlite';
import type { Store } from '@/server/store/types';

/** The PostgreSQL schema that stands for the database file `path`. */
export const schemaFor = (path: string) => `t_${createHash('sha256').update(path).digest('hex').slice(0, 20)}`;

/** Whether this run tests PostgreSQL. */
export const testsPostgres = () => selectsPostgres();

/** Opens the store of the test database `path` (made on first use). The caller closes it. */
export function openTestStore(path: string, opts: { sealer?: Sealer } = {}): Store {
  return testsPostgres() ? openPostgresStore({ ...postgresSettings(), schema: schemaFor(path) }, opts) : openSqliteStore(path, opts);
}

/** The environment a server or CLI process needs to open the same test database. */
export function storeEnv(path: string): Record<string, string> {
  return { INQUIRY_DB_PATH: path, ...(testsPostgres() ? { DATABASE_SCHEMA: schemaFor(path) } : {}) };
}
