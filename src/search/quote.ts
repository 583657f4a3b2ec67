/** The words a search understood or found a window by, each in 「」, for 「介護」「子育て」に関係する窓口. */
export const quoteTerms = (words: readonly string[]): string => words.map((w) => `「${w}」`).join('');
