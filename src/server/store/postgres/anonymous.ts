// The anonymous record of an inquiry, as the planners' counts see it (JST month, district, writer
// type, categories, how many windows, minutes to the first staff response). Read live by the stats,
// and kept in anonymous_inquiries when an inquiry is deleted, read the same way both times so a purge
// never moves a record to another cell. As on SQLite (stats-sqlite.ts): a 連絡票 counts under the person's
// district and the support agency as its writer.
import { AGENCY_WRITER } from '@/schemas/inquiry-fields';
export const anonymousColumns = `
  to_char((i.received_at::timestamptz AT TIME ZONE 'UTC') + interval '9 hours', 'YYYY-MM') AS month,
  CASE WHEN i.body->>'kind' = 'referral' THEN coalesce(i.body->>'district', 'unknown') ELSE coalesce(i.body->>'area', 'unknown') END AS area,
  CASE WHEN i.body->>'kind' = 'referral' THEN '${AGENCY_WRITER}' ELSE coalesce(i.body->>'writer', 'unknown') END AS writer,
  coalesce(i.body->'categories', '[]'::jsonb) AS categories,
  (SELECT count(*) FROM inquiry_windows iw WHERE iw.inquiry_id = i.id)::integer AS window_count,
  (SELECT trunc(extract(epoch FROM min(e.at::timestamptz) - i.received_at::timestamptz) / 60)::integer
     FROM inquiry_events e WHERE e.inquiry_id = i.id AND e.staff_id IS NOT NULL) AS first_response_minutes`;
