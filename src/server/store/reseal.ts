// Seals personal fields of rows written before encryption, and re-seals everything with a new key
// (rotation). The event log is append-only; re-sealing changes only how its text is kept, never what
// it says, so the two triggers are lifted for that one transaction and put back before it commits.
import type { DatabaseSync } from 'node:sqlite';
import { openDetail, openInquiry, sealDetail, sealInquiry } from '@/server/crypto/inquiry-fields';
import type { Sealer } from '@/server/crypto/seal';

const triggers = [
  "CREATE TRIGGER inquiry_events_no_update BEFORE UPDATE ON inquiry_events BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END",
  // As migration 6 left it: events go only with their inquiry (a purge).
  "CREATE TRIGGER inquiry_events_no_delete BEFORE DELETE ON inquiry_events WHEN EXISTS (SELECT 1 FROM inquiries WHERE id = OLD.inquiry_id) BEGIN SELECT RAISE(ABORT, 'inquiry_events is append-only'); END",
];

/**
 * Re-writes personal fields with `to`. `onlyPlain`: touch only rows not sealed yet (the upgrade of an
 * existing database); otherwise every row (rotation; `from` opens the old values).
 */
export function reseal(db: DatabaseSync, from: Sealer, to: Sealer, onlyPlain: boolean): { inquiries: number; events: number } {
  const inqWhere = onlyPlain ? "WHERE json_extract(body, '$.sealed') IS NULL" : '';
  const evWhere = onlyPlain
    ? "WHERE (json_extract(detail, '$.text') IS NOT NULL AND json_extract(detail, '$.text') NOT LIKE 'enc1.%') OR (json_extract(detail, '$.outcome') IS NOT NULL AND json_extract(detail, '$.outcome') NOT LIKE 'enc1.%') OR (json_extract(detail, '$.reason') IS NOT NULL AND json_extract(detail, '$.reason') NOT LIKE 'enc1.%') OR (json_extract(detail, '$.summary') IS NOT NULL AND json_extract(detail, '$.summary') NOT LIKE 'enc1.%')"
    : "WHERE detail LIKE '%enc1.%'";
  const rows = db.prepare(`SELECT id, body FROM inquiries ${inqWhere}`).all() as { id: number; body: string }[];
  const events = db.prepare(`SELECT id, detail FROM inquiry_events ${evWhere}`).all() as { id: number; detail: string }[];
  if (rows.length === 0 && events.length === 0) return { inquiries: 0, events: 0 };
  db.exec('BEGIN IMMEDIATE');
  try {
    const upd = db.prepare('UPDATE inquiries SET body = ? WHERE id = ?');
    for (const r of rows) upd.run(sealInquiry(openInquiry(r.body, from), to), r.id);
    if (events.length) {
      db.exec('DROP TRIGGER inquiry_events_no_update; DROP TRIGGER inquiry_events_no_delete;');
      const updE = db.prepare('UPDATE inquiry_events SET detail = ? WHERE id = ?');
      for (const e of events) updE.run(JSON.stringify(sealDetail(openDetail(JSON.parse(e.detail), from), to)), e.id);
      for (const t of triggers) db.exec(t);
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
  return { inquiries: rows.length, events: events.length };
}
