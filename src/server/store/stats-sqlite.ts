// node:sqlite implementation of StatsStore: one anonymous record per inquiry (live ones, and the rows
// left by purges) for the planners' counts. Nothing personal is read.
import type { DatabaseSync } from 'node:sqlite';
import type { StatRecord, StatsStore } from './types';

export function createStatsStore(db: DatabaseSync): StatsStore {
  return {
    records: async () =>
      (
        db
          .prepare(
            `SELECT substr(datetime(i.received_at, '+9 hours'), 1, 7) AS month, json_extract(i.body, '$.area') AS area, json_extract(i.body, '$.writer') AS writer,
                    json_extract(i.body, '$.categories') AS categories, (SELECT COUNT(*) FROM inquiry_windows iw WHERE iw.inquiry_id = i.id) AS window_count,
                    (SELECT CAST((julianday(min(e.at)) - julianday(i.received_at)) * 1440 AS INTEGER) FROM inquiry_events e WHERE e.inquiry_id = i.id AND e.staff_id IS NOT NULL) AS first_response_minutes
               FROM inquiries i WHERE i.status <> 'notNeeded'
             UNION ALL
             SELECT month, area, writer, categories, window_count, first_response_minutes FROM anonymous_inquiries`,
          )
          .all() as { month: string; area: string; writer: string; categories: string; window_count: number; first_response_minutes: number | null }[]
      ).map(
        (r): StatRecord => ({ month: r.month, area: r.area, writer: r.writer, categories: JSON.parse(r.categories) as string[], windowCount: r.window_count, firstResponseMinutes: r.first_response_minutes }),
      ),
  };
}
