// Staff command: read what arrived.
//   npm run inquiries -- list
//   npm run inquiries -- show <受付番号>
//   npm run inquiries -- export --csv > inquiries.csv     (UTF-8 with BOM, for Excel; residents' inquiries)
//   npm run inquiries -- export --csv referral > renraku.csv   (support agencies' 連絡票, their own columns)
//   npm run inquiries -- backup <file>                   (consistent online backup)
//   npm run inquiries -- restore <file>                  (a backup onto a fresh data folder; needs its key)
//   npm run inquiries -- purge                           (delete inquiries past the retention period)
// Uses INQUIRY_DB_PATH, or ./data/inquiries.sqlite.
import { existsSync } from 'node:fs';
import { purgeExpired } from '@/server/retention';
import { openStore } from '@/server/store';
import { defaultDbPath } from '@/server/store/sqlite';
import { restoreBackup } from '@/server/store/restore';
import type { StoredInquiry } from '@/server/store/types';
import { inquiryFields } from '@/schemas/inquiry-fields';
import { referralFields } from '@/schemas/referral-fields';

const [command, arg, kindArg] = process.argv.slice(2);
// Piping into `head` closes stdout early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
const usage = 'usage: npm run inquiries -- list | show <受付番号> | export --csv [referral] | backup <file> | restore <file> | purge';

const csvCell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? '' : String(v);
  // Quote every cell; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};
// The answer columns come from each kind's field table, in form order (src/schemas/inquiry-fields.ts,
// referral-fields.ts): a 連絡票 and an inquiry ask different questions, so each is exported on its own.
const columnsFor = (kind: StoredInquiry['kind']) => ['receipt', 'kind', 'receivedAt', 'windows', 'coordinator', ...(kind === 'referral' ? referralFields : inquiryFields).filter((f) => f.csv).map((f) => f.name), 'locale'];
const row = (i: StoredInquiry, columns: string[]) => {
  const flat: Record<string, unknown> = { ...i.inquiry, kind: i.kind, receipt: i.receipt, receivedAt: i.receivedAt, windows: i.routing.windows, coordinator: i.routing.coordinator };
  return columns.map((c) => csvCell(flat[c])).join(',');
};

async function main(): Promise<number> {
  // Restore works on a folder with no database yet, so it does not open one first.
  if (command === 'restore') {
    if (!arg) {
      console.error(usage);
      return 2;
    }
    if (!existsSync(arg)) {
      console.error(`no backup file at ${arg}`);
      return 1;
    }
    const result = await restoreBackup(arg, process.env.INQUIRY_DB_PATH || defaultDbPath);
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    console.log(`restored ${result.inquiries} inquiries and ${result.staff} staff accounts into ${result.path}${result.unreadable ? `; ${result.unreadable} could not be opened with this key` : ''}. Start the server (npm run serve) and sign in.`);
    return 0;
  }
  const store = openStore();
  try {
    switch (command) {
      case 'list': {
        const all = await store.list(1000);
        if (!all.length) console.log('(no inquiries)');
        for (const i of all) console.log(`${i.receipt}  ${i.kind}  ${i.receivedAt}  ${i.routing.windows.join(',')}  ${(i.inquiry.categories ?? []).join(',')}  ${i.inquiry.writer ?? ''}`);
        return 0;
      }
      case 'show': {
        const found = arg ? await store.get(arg) : undefined;
        if (!found) {
          console.error(arg ? `no inquiry with receipt ${arg}` : usage);
          return 1;
        }
        console.log(JSON.stringify(found, null, 2));
        return 0;
      }
      case 'export': {
        if (arg !== '--csv' || (kindArg !== undefined && kindArg !== 'referral')) break;
        const kind = kindArg === 'referral' ? 'referral' : 'inquiry';
        const columns = columnsFor(kind);
        process.stdout.write(`\uFEFF${columns.join(',')}\r\n`);
        const { items, unreadable } = await store.readAll();
        for (const i of items) if (i.kind === kind) process.stdout.write(`${row(i, columns)}\r\n`);
        // Said on stderr, so the CSV stays a clean table: what was left out and why.
        if (unreadable) console.error(`skipped ${unreadable} records that could not be opened with this key (INQUIRY_KEY / INQUIRY_KEY_FILE)`);
        return 0;
      }
      case 'purge': {
        const deleted = await purgeExpired(store, { login: `cli:${process.env.USER ?? 'unknown'}` });
        console.log(`deleted ${deleted} completed inquiries past the retention period (anonymous counts kept)`);
        return 0;
      }
      case 'backup': {
        if (!arg) break;
        await store.backup(arg);
        console.log(`backup written to ${arg}`);
        return 0;
      }
    }
    console.error(usage);
    return 2;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
