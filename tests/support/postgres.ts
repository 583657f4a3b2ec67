// PostgreSQL for the tests: the database comes from DATABASE_URL, which the test command sets (a
// throwaway cluster from tests/tools/postgres.mjs, or a database named by whoever runs them). Each store
// lives in a schema of its own, so test files running in parallel never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresSettings, type PostgresSettings } from '@/server/store/postgres/settings';

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('These tests need PostgreSQL: run them through `node tests/tools/postgres.mjs <command>`, or set DATABASE_URL.');
  return url;
}

/** Settings for a store in a new, empty schema of the test database. */
export function freshPostgresSettings(overrides: Partial<PostgresSettings> = {}): PostgresSettings {
  return { ...postgresSettings({ DATABASE_URL: databaseUrl() }), schema: `t_${randomBytes(6).toString('hex')}`, ...overrides };
}

/** Runs SQL directly as the application's role, for what a test must check underneath the store (privileges, triggers). */
export async function asApplicationRole<T>(schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(), options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
