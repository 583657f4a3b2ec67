// The PostgreSQL engine's side of `npm run store -- copy`: writes another engine's tables, as stored,
// into the portal's schema (made by the migrations first), sets the counters so numbering goes on
// where it stopped, and counts what arrived.
import type { TableRows } from '../copy-sqlite';
import { openDb, type Db } from './db';
import { migratePostgres } from './migrations';
import type { PostgresSettings } from './settings';

/** Tables in the order their foreign keys need; bookkeeping tables of the engine itself are not copied. */
export const copyOrder = [
  'staff', 'staff_memberships', 'staff_credentials', 'staff_passkeys', 'staff_sessions', 'sign_in_throttle', 'webauthn_challenges', 'audit_log',
  'inquiries', 'inquiry_windows', 'inquiry_categories', 'inquiry_events', 'outbox', 'daily_jobs', 'anonymous_inquiries',
  'rate_limits', 'key_canary', 'fact_items', 'fact_reminders', 'job_runs',
];
const notCopied = new Set(['schema_migrations', 'counters']);

export interface PostgresTarget {
  /** Tables of the target that hold rows (refuse to copy into them without --force). */
  nonEmpty(): Promise<string[]>;
  /** Removes every table of the portal in the schema and makes them again, empty (--force). */
  reset(): Promise<void>;
  tables(): Promise<string[]>;
  write(source: TableRows): Promise<number>;
  /** After the rows: receipts go on from `lastInquiryId`; generated ids after the highest copied. */
  finish(lastInquiryId: number): Promise<void>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function openPostgresTarget(settings: PostgresSettings): Promise<PostgresTarget> {
  await migratePostgres(settings);
  const db: Db = openDb(settings);
  const columnTypes = async (table: string) =>
    new Map(
      (await db.query<{ column_name: string; data_type: string }>('SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [settings.schema, table])).map((c) => [
        c.column_name,
        c.data_type,
      ]),
    );
  const tables = async () => {
    const present = new Set((await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [settings.schema])).map((t) => t.table_name));
    return [...copyOrder.filter((t) => present.has(t)), ...[...present].filter((t) => !copyOrder.includes(t) && !notCopied.has(t)).sort()];
  };
  const count = async (table: string) => ((await db.query<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`))[0] as { n: number }).n;

  return {
    tables,
    count,
    nonEmpty: async () => {
      const out: string[] = [];
      for (const t of await tables()) if ((await count(t)) > 0) out.push(t);
      return out;
    },
    reset: async () => {
      // DROP, not DELETE: the audit log refuses DELETE and TRUNCATE, by design. Only the portal's own
      // tables and functions go; anything else in the schema stays.
      await db.run(`DROP TABLE IF EXISTS ${[...copyOrder, ...notCopied].map((t) => `"${t}"`).join(', ')} CASCADE`);
      await db.run('DROP FUNCTION IF EXISTS inquiry_events_append_only(), inbox_changed(), audit_log_append_only() CASCADE');
      await db.pool.end().catch(() => undefined);
      await migratePostgres(settings);
      Object.assign(db, openDb(settings));
    },
    write: async ({ table, columns, rows }) => {
      const types = await columnTypes(table);
      // Only the columns both engines have; a value is turned into the target column's type.
      const kept = columns.map((c, i) => ({ c, i, type: types.get(c) })).filter((x) => x.type !== undefined);
      const convert = (type: string | undefined, v: unknown, column: string) => {
        if (v === null || v === undefined) return null;
        if (type === 'boolean') return v === 1 || v === 1n || v === true;
        if (type === 'bytea') return Buffer.from(v as Uint8Array);
        if (typeof v === 'bigint') return Number(v);
        return v;
      };
      const names = kept.map((x) => `"${x.c}"`).join(', ');
      const identity = kept.some((x) => x.c === 'id') ? 'OVERRIDING SYSTEM VALUE' : '';
      let written = 0;
      for await (const chunk of rows) {
        const values: unknown[] = [];
        const tuples = chunk.map((row) => `(${kept.map((x) => (values.push(convert(x.type, row[x.i], x.c)), `$${values.length}`)).join(', ')})`);
        await db.run(`INSERT INTO "${table}" (${names}) ${identity} VALUES ${tuples.join(', ')}`, values);
        written += chunk.length;
      }
      return written;
    },
    finish: async (lastInquiryId) => {
      await db.run("UPDATE counters SET value = $1 WHERE name = 'inquiries'", [lastInquiryId]);
      for (const t of await tables()) {
        const [seq] = await db.query<{ s: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS s', [`${settings.schema}.${t}`, 'id']).catch(() => []);
        if (seq?.s) await db.query(`SELECT setval($1, greatest((SELECT coalesce(max(id), 0) FROM "${t}"), 1), (SELECT count(*) > 0 FROM "${t}"))`, [seq.s]);
      }
    },
    close: () => db.close(),
  };
}
