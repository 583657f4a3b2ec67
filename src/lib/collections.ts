import { getCollection, getEntry } from 'astro:content';
import type { ConsultationWindow } from '@/schemas/window';

/** All windows in display order, flattened to `{ id, ...data }`. Build-time only. */
export async function loadWindows(): Promise<ConsultationWindow[]> {
  const entries = await getCollection('windows');
  return entries.map((e) => ({ id: e.id, ...e.data })).sort((a, b) => a.order - b.order);
}

/** Districts in display order. */
export async function loadAreas() {
  return (await getCollection('areas')).map((e) => e.data).sort((a, b) => a.order - b.order);
}

/** National hotlines in display order. */
export async function loadHotlines() {
  return (await getCollection('hotlines')).map((e) => e.data).sort((a, b) => a.order - b.order);
}

/** The municipality profile. */
export async function loadSite() {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('content/site.yaml is missing');
  return entry.data;
}

/** Everyday-word synonyms for the directory search. */
export async function loadSynonyms() {
  return (await getCollection('synonyms')).map((e) => e.data);
}
