import { z } from 'zod';
import { searchHotlineTopics } from './search-topics';

export { searchHotlineTopics, type SearchHotlineTopic } from './search-topics';

/**
 * Everyday words → the keywords windows carry (content/search/synonyms.yaml).
 * `terms` are what residents type (readings, colloquial words, English); `keywords` are words
 * that appear in window names, summaries or keyword lists; `hotlines` are hotline topics whose
 * numbers the search shows. Matching is done after normalizeText.
 */
export const synonymSchema = z
  .object({
    terms: z.array(z.string().min(1)).min(1),
    keywords: z.array(z.string().min(1)).default([]),
    hotlines: z.array(z.enum(searchHotlineTopics)).default([]),
  })
  .refine((s) => s.keywords.length + s.hotlines.length > 0, { message: 'give keywords, hotlines or both' });
export const synonymsSchema = z.array(synonymSchema);
export type Synonym = z.infer<typeof synonymSchema>;
/** A synonym as written (keywords and hotlines may be left out). */
export type SynonymInput = z.input<typeof synonymSchema>;
