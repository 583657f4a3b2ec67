import type { APIRoute } from 'astro';
import { loadOpenDataInput } from '@/lib/opendata-content';
import { openDataRows, toCsv } from '@/lib/opendata';

/** The directory as CSV (UTF-8 with BOM, Japanese header after 公共施設一覧), built with the site. */
export const GET: APIRoute = async ({ site }) => {
  const csv = toCsv(openDataRows(await loadOpenDataInput(String(site))));
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
