import { z } from 'zod';

/**
 * Everyday words → the keywords windows carry (content/search/synonyms.yaml).
 * `terms` are what residents type (readings, colloquial words, English); `keywords` are words
 * that appear in window names, summaries or keyword lists. Matching is done after normalizeText.
 */
export const synonymSchema = z.object({
  terms: z.array(z.string().min(1)).min(1),
  keywords: z.array(z.string().min(1)).min(1),
});
export const synonymsSchema = z.array(synonymSchema);
export type Synonym = z.infer<typeof synonymSchema>;
