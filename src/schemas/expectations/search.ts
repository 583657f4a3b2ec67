// content/profiles/<id>/expectations/search.yaml: what residents type in the directory search and
// the window they must find, and the words whose first answer is a verified national number.
// Read by tests/fixtures/search-queries.ts for the unit test, the browser test and the benchmark.
import { z } from 'zod';
import { windowRef } from './common';

export const searchQuerySchema = z.strictObject({
  query: z.string().min(1),
  /** The window that must be found. */
  expect: windowRef,
  /** 1: the first result; 3: anywhere in the top three (the query is shared by several windows). */
  rank: z.union([z.literal(1), z.literal(3)]),
  /** Why a resident types this, for whoever reads a failure. */
  why: z.string().min(1),
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
