import { getCollection, getEntry } from 'astro:content';
import type { ConsultationWindow } from '@/schemas/window';
import { toTriageWindow, type TriageData } from '@/triage/engine';

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

/** Program explanations of one locale, in reading order, with the slug used in URLs. */
export async function loadPrograms(locale: string) {
  return (await getCollection('programs', (e) => e.id.startsWith(`${locale}/`)))
    .map((e) => ({ entry: e, slug: e.id.slice(locale.length + 1) }))
    .sort((a, b) => a.entry.data.order - b.entry.data.order);
}

/** 居場所 and 地域づくり拠点 in display order. */
export async function loadPlaces() {
  return (await getCollection('places')).map((e) => e.data).sort((a, b) => a.order - b.order);
}

/** Everything the triage engine reads, from the content collections (build time and on-demand routes). */
export async function loadTriageContent(): Promise<TriageData> {
  const [flow, routing] = [await getEntry('flow', 'flow'), await getEntry('routing', 'routing')];
  if (!flow || !routing) throw new Error('content/triage/flow.yaml or routing.yaml is missing');
  return { flow: flow.data, routing: routing.data, windows: (await loadWindows()).map(toTriageWindow), hotlines: await loadHotlines() };
}
