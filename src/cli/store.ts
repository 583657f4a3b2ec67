// Operator command for the store itself:
//   npm run store -- copy --to postgres://user:pass@host/db [--force]
// Copies everything from the SQLite file (INQUIRY_DB_PATH, or ./data/inquiries.sqlite) into PostgreSQL
// in one pass: inquiries, events, accounts, credentials, sessions, the audit log, the outbox. Counts are
// compared table by table and a sample is opened with the key. A database that already holds data is
// refused unless --force is given (then the portal's tables there are replaced by the copy).
// DATABASE_SCHEMA names the target schema (default public). The key is the same on both sides.
import { loadKey } from '@/server/crypto/key';
import { createSealer } from '@/server/crypto/seal';
import { copySqliteToPostgres, CopyRefused } from '@/server/store/copy';
import { postgresSettings } from '@/server/store/postgres/settings';
import { defaultDbPath } from '@/server/store/sqlite';

const usage = 'usage: npm run store -- copy --to postgres://user:password@host:5432/db [--force]';

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const to = rest[rest.indexOf('--to') + 1];
  if (command !== 'copy' || !rest.includes('--to') || !to || to.startsWith('--')) {
    console.error(usage);
    return 2;
  }
  const from = process.env.INQUIRY_DB_PATH || defaultDbPath;
  const settings = postgresSettings({ ...process.env, DATABASE_URL: to });
  try {
    const report = await copySqliteToPostgres({ from, to: settings, force: rest.includes('--force'), sealer: createSealer(loadKey()) });
    for (const t of report.tables) console.log(`${t.table.padEnd(22)} ${String(t.copied).padStart(8)}`);
    console.log(`Copied ${from} to PostgreSQL (schema ${settings.schema}): every table's count matches; ${report.sampled} inquiries opened with the key read the same.`);
    console.log('Start every server with this DATABASE_URL and the same key.');
    return 0;
  } catch (e) {
    console.error(e instanceof CopyRefused ? `Refused: ${e.message}` : `The copy failed: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
