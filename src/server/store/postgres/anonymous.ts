// The anonymous record of an inquiry, as the planners' counts see it (JST month, district, writer
// type, categories, how many windows, minutes to the first staff response). Read live by the stats,
// and kept in anonymous_inquiries when an inquiry is deleted.
export const anonymousColumns = `
  to_char((i.received_at::timestamptz AT TIME ZONE 'UTC') + interval '9 hours', 'YYYY-MM') AS month,
  i.body->>'area' AS area, i.body->>'writer' AS writer, i.body->'categories' AS categories,
  (SELECT count(*) FROM inquiry_windows iw WHERE iw.inquiry_id = i.id)::integer AS window_count,
  (SELECT trunc(extract(epoch FROM min(e.at::timestamptz) - i.received_at::timestamptz) / 60)::integer
     FROM inquiry_events e WHERE e.inquiry_id = i.id AND e.staff_id IS NOT NULL) AS first_response_minutes`;
