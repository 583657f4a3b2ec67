// PostgreSQL implementation of StatsStore: one anonymous record per inquiry (live ones, and the rows
// left by purges) for the planners' counts. Nothing personal is read.
import type { StatRecord, StatsStore } from '../types';
import { anonymousColumns } from './anonymous';
import type { Db } from './db';

export function createPostgresStatsStore(db: Db): StatsStore {
  return {
    records: async () =>
      (
        await db.query<{ month: string; area: string; writer: string; categories: string[]; window_count: number; first_response_minutes: number | null }>(
          `SELECT ${anonymousColumns} FROM inquiries i WHERE i.status <> 'notNeeded'
           UNION ALL
           SELECT month, area, writer, categories, window_count, first_response_minutes FROM anonymous_inquiries`,
        )
      ).map((r): StatRecord => ({ month: r.month, area: r.area, writer: r.writer, categories: r.categories, windowCount: r.window_count, firstResponseMinutes: r.first_response_minutes })),
  };
}
