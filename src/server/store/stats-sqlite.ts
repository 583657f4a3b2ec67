// node:sqlite implementation of StatsStore: one anonymous record per inquiry (live ones, and the rows
// left by purges) for the planners' counts. Nothing personal is read.
import type { DatabaseSync } from 'node:sqlite';
import type { StatRecord, StatsStore } from './types';

import { AGENCY_WRITER } from '@/schemas/inquiry-fields';

/**
 * The anonymous columns of one stored record (alias `i`), read the same way for the live counts and for
 * the row a purge leaves behind, so a purge never moves a record to another cell. A resident's inquiry
 * says its district in `area` and who wrote in `writer`; a 連絡票 says the person's district in `district`
 * and is written by a support agency.
 */
export const anonymousColumnsSql = `substr(datetime(i.received_at, '+9 hours'), 1, 7) AS month,
  CASE WHEN json_extract(i.body, '$.kind') = 'referral' THEN coalesce(json_extract(i.body, '$.district'), 'unknown') ELSE coalesce(json_extract(i.body, '$.area'), 'unknown') END AS area,
  CASE WHEN json_extract(i.body, '$.kind') = 'referral' THEN '${AGENCY_WRITER}' ELSE coalesce(json_extract(i.body, '$.writer'), 'unknown') END AS writer,
  coalesce(json_extract(i.body, '$.categories'), '[]') AS categories,
  (SELECT COUNT(*) FROM inquiry_windows iw WHERE iw.inquiry_id = i.id) AS window_count,
  (SELECT CAST((julianday(min(e.at)) - julianday(i.received_at)) * 1440 AS INTEGER) FROM inquiry_events e WHERE e.inquiry_id = i.id AND e.staff_id IS NOT NULL) AS first_response_minutes`;

export function createStatsStore(db: DatabaseSync): StatsStore {
  const select = db.prepare(
    `SELECT ${anonymousColumnsSql.replace(/\n/g, ' ')} FROM inquiries i WHERE i.status <> 'notNeeded'
     UNION ALL
     SELECT month, area, writer, categories, window_count, first_response_minutes FROM anonymous_inquiries`,
  );
  type Row = { month: string; area: string; writer: string; categories: string; window_count: number; first_response_minutes: number | null };
  return {
    records: async () =>
      (select.all() as Row[]).map(
        (r): StatRecord => ({ month: r.month, area: r.area, writer: r.writer, categories: JSON.parse(r.categories) as string[], windowCount: r.window_count, firstResponseMinutes: r.first_response_minutes }),
      ),
  };
}
