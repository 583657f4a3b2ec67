// content/search/vocabulary.yaml: the one vocabulary of everyday words, keyed by the flow's trouble
// ids (content/triage/flow.yaml), and content/search/readings.yaml: the readings of its kanji words.
// Read at build time by the search index (src/search/index-data.ts); the browser gets only the
// normalised words (src/search/query.ts).
import { z } from 'zod';

const words = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

export const troubleWordsSchema = z.strictObject({
  /** Everyday words in Japanese: kanji, kana, colloquial and family forms, verb stems. */
  ja: words,
  /** Services, benefits and places that belong to the trouble. */
  services: words,
  en: words,
  romaji: words,
  /** Words in other languages (Chinese, Vietnamese, Portuguese …). */
  other: words,
  /** The answer also offers the language switcher and the national numbers that take other languages. */
  languages: z.boolean().default(false),
});
export type TroubleWords = z.infer<typeof troubleWordsSchema>;

export const vocabularySchema = z.strictObject({
  troubles: z.record(z.string(), troubleWordsSchema),
  /** Particles, politeness and filler: skipped, never counted. */
  filler: z.strictObject({ ja: words, en: words }),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** word → its parts: `保険=ほけん` (kanji and reading) or kana standing as it is. */
export const readingsSchema = z.strictObject({ words: z.record(z.string(), z.array(z.string().min(1))) });
export type Readings = z.infer<typeof readingsSchema>['words'];
