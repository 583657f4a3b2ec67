import type { APIRoute } from 'astro';
import { loadOpenDataInput } from '@/lib/opendata-content';
import { openDataJson } from '@/lib/opendata';

/** The directory as JSON: the CSV's rows plus the structured facts and their sources. */
export const GET: APIRoute = async ({ site }) => {
  const json = openDataJson(await loadOpenDataInput(String(site)));
  return new Response(JSON.stringify(json, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
