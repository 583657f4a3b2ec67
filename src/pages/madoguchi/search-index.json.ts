import type { APIRoute } from 'astro';
import { loadSynonyms, loadWindows } from '@/lib/collections';
import { buildSearchIndex } from '@/search/index-data';

/** The directory's search index, built from content at build time and fetched on first use. */
export const GET: APIRoute = async () => {
  const index = buildSearchIndex(await loadWindows(), await loadSynonyms());
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
