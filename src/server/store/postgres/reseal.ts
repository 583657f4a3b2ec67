// Key rotation on PostgreSQL: every sealed value is opened with `from` and sealed again with `to`, in
// one transaction (the sealing itself is src/server/crypto's, as on SQLite). The event log is
// append-only; re-sealing changes only how its text is kept, never what it says, so its trigger is
// disabled for this one transaction and enabled again before it commits.
import { openDetail, openInquiry, sealDetail, sealInquiry } from '@/server/crypto/inquiry-fields';
import type { Sealer } from '@/server/crypto/seal';
import { openDb } from './db';
import { migratePostgres } from './migrations';
import type { PostgresSettings } from './settings';

export async function resealPostgres(settings: PostgresSettings, from: Sealer, to: Sealer): Promise<{ inquiries: number; events: number }> {
  await migratePostgres(settings);
  const db = openDb(settings);
  try {
    return await db.tx(async (q) => {
      // No server may write while the rows are re-sealed (the servers should be stopped; this makes sure).
      await q('LOCK TABLE inquiries, inquiry_events IN EXCLUSIVE MODE');
      const rows = await q<{ id: number; body: string }>('SELECT id, body::text AS body FROM inquiries ORDER BY id');
      for (const r of rows) await q('UPDATE inquiries SET body = $1 WHERE id = $2', [sealInquiry(openInquiry(r.body, from), to), r.id]);
      const events = await q<{ id: number; detail: Record<string, unknown> }>("SELECT id, detail FROM inquiry_events WHERE detail::text LIKE '%enc1.%' ORDER BY id");
      if (events.length) {
        await q('ALTER TABLE inquiry_events DISABLE TRIGGER inquiry_events_append_only');
        for (const e of events) await q('UPDATE inquiry_events SET detail = $1 WHERE id = $2', [JSON.stringify(sealDetail(openDetail(e.detail, from), to)), e.id]);
        await q('ALTER TABLE inquiry_events ENABLE TRIGGER inquiry_events_append_only');
      }
      return { inquiries: rows.length, events: events.length };
    });
  } finally {
    await db.close();
  }
}
