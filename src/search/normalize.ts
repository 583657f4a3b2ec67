import { toHiragana } from 'wanakana';

/**
 * Folds the ways residents type the same word into one form, for both the index and queries:
 * - NFKC: half-width kana (ｶｲｺﾞ) → full-width, full-width digits and letters (０４７８) → ASCII;
 * - katakana → hiragana (カイゴ → かいご) with wanakana, leaving Latin letters alone;
 * - lower case; hyphens, dashes and spaces between digits removed so 012-345-6789 matches 0123456789;
 * - spaces collapsed.
 */
export function normalizeText(input: string): string {
  const nfkc = input.normalize('NFKC').toLowerCase();
  const hiragana = toHiragana(nfkc, { passRomaji: true });
  return hiragana
    .replace(/(\d)[\s\-‐‑–—−ー]+(?=\d)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only the digits of a phone number, for matching numbers typed with or without hyphens. */
export function phoneDigits(input: string): string {
  return input.normalize('NFKC').replace(/\D/g, '');
}
