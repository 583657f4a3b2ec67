// content/profiles/<id>/expectations/search.yaml: what residents type in the directory search and
// the window they must find, and the words whose first answer is a verified national number.
// Read by tests/fixtures/search-queries.ts for the unit test, the browser test and the benchmark.
import { z } from 'zod';
import { windowRef } from './common';

/**
 * The kinds of phrasing the corpus covers; the corpus test reports its pass rate per kind, so a
 * change that helps one kind and breaks another shows.
 */
export const searchQueryKinds = [
  'word', // a single everyday word
  'variant', // a spelling variant: reading, older or mixed spelling, width, katakana
  'colloquial', // family and colloquial words, feelings
  'sentence', // a sentence with particles, politeness and filler
  'twoWords', // two words with a space
  'service', // a service, a benefit or a place residents name
  'place', // a district, town or office name
  'english', // English or romaji
  'typo', // a typo or near spelling
  'danger', // danger words: the verified hotlines first, then the windows
  'foreign', // a foreign resident's words (any language)
  'phone', // a phone number as printed or typed
] as const;

export const searchQuerySchema = z.strictObject({
  query: z.string().min(1),
  /** The window(s) that must be found: every one of them within `rank`. */
  expect: z.union([windowRef, z.array(windowRef).min(1)]),
  /** 1: the first result; 3 (default): anywhere in the top three. */
  rank: z.union([z.literal(1), z.literal(3)]).default(3),
  kind: z.enum(searchQueryKinds),
  /** For danger words: the hotline topic whose verified numbers the answer shows first. */
  hotline: z.enum(['violence', 'childAbuse', 'suicide']).optional(),
  /** Why a resident types this, for whoever reads a failure (the corpus's comments say it for a group). */
  why: z.string().min(1).optional(),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const hotlineQuerySchema = z.strictObject({
  query: z.string().min(1),
  /** The hotline topic (content/hotlines.yaml) whose numbers the search shows. */
  topic: z.enum(['violence', 'childAbuse', 'suicide']),
  why: z.string().min(1),
});
export type HotlineQuery = z.infer<typeof hotlineQuerySchema>;

export const searchExpectationsSchema = z.strictObject({
  queries: z.array(searchQuerySchema).min(1),
  hotlineQueries: z.array(hotlineQuerySchema).min(1),
});
