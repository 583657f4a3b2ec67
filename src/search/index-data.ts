import Fuse from 'fuse.js';
import type { Synonym, SynonymInput } from '@/schemas/search';
import type { ConsultationWindow } from '@/schemas/window';
import { normalizeText, phoneDigits } from './normalize';

/** Up to this many windows, Fuse ranks the whole directory (a municipality's own windows). */
export const SMALL_DIRECTORY = 500;

/** One window as the search sees it: every field already normalised at build time. */
export interface SearchDoc {
  id: string;
  name: string;
  kana: string;
  keywords: string[];
  summary: string;
  phones: string[];
}

/** Everything the browser needs to search, serialised to /madoguchi/search-index.json at build time. */
export interface SearchIndexData {
  docs: SearchDoc[];
  synonyms: Synonym[];
  /**
   * Fuse's own serialised index (FuseIndex.toJSON()), parsed again with Fuse.parseIndex. Left out
   * for large directories, which are narrowed by a bigram index instead (src/search/candidates.ts).
   */
  fuseIndex?: ReturnType<ReturnType<typeof Fuse.createIndex>['toJSON']>;
}

/** Field weights: names and keywords count most; the long summary least. */
export const searchKeys = [
  { name: 'name', weight: 3 },
  { name: 'keywords', weight: 3 },
  { name: 'kana', weight: 2 },
  { name: 'summary', weight: 1 },
] as const;

/** Normalises a window into a SearchDoc. */
export function toSearchDoc(w: Pick<ConsultationWindow, 'id' | 'name' | 'nameKana' | 'keywords' | 'summary' | 'channels'>): SearchDoc {
  return {
    id: w.id,
    name: normalizeText(w.name),
    kana: normalizeText(w.nameKana).replace(/\s+/g, ''),
    keywords: w.keywords.map(normalizeText),
    summary: normalizeText(w.summary),
    phones: w.channels.flatMap((c) => ('number' in c ? [phoneDigits(c.number)] : [])),
  };
}

/** Builds the serialisable index (docs, normalised synonyms and Fuse's prebuilt index). */
export function buildSearchIndex(windows: readonly Parameters<typeof toSearchDoc>[0][], synonyms: readonly SynonymInput[]): SearchIndexData {
  const docs = windows.map(toSearchDoc);
  const synonymsOut: Synonym[] = synonyms.map((s) => ({ terms: s.terms.map(normalizeText), keywords: (s.keywords ?? []).map(normalizeText), hotlines: s.hotlines ?? [] }));
  if (docs.length > SMALL_DIRECTORY) return { docs, synonyms: synonymsOut };
  return { docs, synonyms: synonymsOut, fuseIndex: Fuse.createIndex(searchKeys.map((k) => ({ ...k })), docs).toJSON() };
}
