// Moving a city's data from its SQLite file to PostgreSQL in one pass (`npm run store -- copy`). Rows
// are copied as stored, so sealed fields stay sealed with the same key; then the counts are compared
// table by table, and a sample of inquiries is opened through both engines and must read the same.
import type { Sealer } from '@/server/crypto/seal';
import { openSqliteSnapshot } from './copy-sqlite';
import { openPostgresStore } from './postgres';
import { openPostgresTarget } from './postgres/copy';
import type { PostgresSettings } from './postgres/settings';
import { openSqliteStore } from './sqlite';

export interface CopyReport {
  tables: { table: string; source: number; copied: number }[];
  /** Inquiries opened with the key in both engines and found equal. */
  sampled: number;
}

export class CopyRefused extends Error {}

export async function copySqliteToPostgres(opts: { from: string; to: PostgresSettings; force: boolean; sealer: Sealer; sample?: number }): Promise<CopyReport> {
  // Opening the SQLite store first brings an older file up to its latest schema (and seals old rows).
  await openSqliteStore(opts.from, { sealer: opts.sealer }).close();
  const target = await openPostgresTarget(opts.to);
  const source = openSqliteSnapshot(opts.from);
  try {
    const filled = await target.nonEmpty();
    if (filled.length && !opts.force) {
      throw new CopyRefused(`the target already holds data (${filled.join(', ')}); nothing was written. To replace it with the copy, add --force.`);
    }
    if (filled.length) await target.reset();
    const present = new Set(source.tables());
    const tables: CopyReport['tables'] = [];
    for (const table of (await target.tables()).filter((t) => present.has(t))) {
      const rows = source.read(table, 500);
      await target.write(rows);
      tables.push({ table, source: rows.count, copied: await target.count(table) });
    }
    await target.finish(source.lastInquiryId());
    const wrong = tables.filter((t) => t.source !== t.copied);
    if (wrong.length) throw new Error(`counts differ after the copy: ${wrong.map((t) => `${t.table} ${t.source} → ${t.copied}`).join(', ')}`);
    return { tables, sampled: await compareSample(opts, opts.sample ?? 20) };
  } finally {
    source.close();
    await target.close();
  }
}

/** Opens the newest `n` inquiries with the key through both engines: they must read the same. */
async function compareSample(opts: { from: string; to: PostgresSettings; sealer: Sealer }, n: number): Promise<number> {
  const before = openSqliteStore(opts.from, { sealer: opts.sealer });
  const after = openPostgresStore(opts.to, { sealer: opts.sealer });
  try {
    const sample = await before.list(n);
    for (const expected of sample) {
      const copied = await after.get(expected.receipt);
      if (JSON.stringify(normalise(copied?.inquiry)) !== JSON.stringify(normalise(expected.inquiry))) throw new Error(`inquiry ${expected.receipt} does not read the same after the copy`);
    }
    return sample.length;
  } finally {
    await before.close();
    await after.close();
  }
}

/** Key order aside (PostgreSQL's jsonb keeps its own), the same object. */
const normalise = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(normalise) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, normalise(x)])) : v;
