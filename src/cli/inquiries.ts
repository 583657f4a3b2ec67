// Staff command: read what arrived.
//   npm run inquiries -- list
//   npm run inquiries -- show <受付番号>
//   npm run inquiries -- export --csv > inquiries.csv     (UTF-8 with BOM, for Excel; residents' inquiries)
//   npm run inquiries -- export --csv referral > renraku.csv   (support agencies' 連絡票, their own columns)
//   npm run inquiries -- backup <file>                   (consistent online backup)
//   npm run inquiries -- purge                           (delete inquiries past the retention period)
// Uses INQUIRY_DB_PATH, or ./data/inquiries.sqlite.
import { purgeExpired } from '@/server/retention';
import { openStore } from '@/server/store';
import type { StoredInquiry } from '@/server/store/types';
import { inquiryFields } from '@/schemas/inquiry-fields';
import { referralFields } from '@/schemas/referral-fields';

const [command, arg, kindArg] = process.argv.slice(2);
// Piping into `head` closes stdout early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
const usage = 'usage: npm run inquiries -- list | show <受付番号> | export --csv [referral] | backup <file> | purge';

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
        for (const i of (await store.list(Number.MAX_SAFE_INTEGER)).reverse()) if (i.kind === kind) process.stdout.write(`${row(i, columns)}\r\n`);
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
