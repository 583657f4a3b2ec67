import type { APIRoute } from 'astro';
import { loadSearchIndex } from '@/lib/collections';

/** The directory's search index, built from content at build time and fetched on first use. */
export const GET: APIRoute = async () => new Response(JSON.stringify(await loadSearchIndex()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
