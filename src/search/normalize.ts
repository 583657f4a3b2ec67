// Folds the ways residents type the same word into one form, for the index (at build time) and for
// queries (in the browser and on the no-JS answer page). Each rule has a test in
// tests/unit/search-normalize.test.ts. Plain code with no dictionary: what a word means is the
// vocabulary's business (content/search/vocabulary.yaml), not this file's.

/** Older and alternative spellings of the same word, folded to the one the vocabulary writes. */
const SPELLINGS: [RegExp, string][] = [
  [/([高年])令/g, '$1齢'], // 高令者, 年令: 令 was written for 齢 (常用漢字 before 2010)
  [/障碍|障がい/g, '障害'], // 障碍者, 障がい者
  [/子供/g, '子ども'], // 子供 / 子ども: public writing uses both
  [/引き?[籠篭]/g, '引きこも'], // 引き籠り, 引篭もり → 引きこもり
  [/([\p{Script=Han}])[けゖが]([\p{Script=Han}])/gu, '$1が$2'], // 〇ヶ浜, 〇ケ浜, 〇が浜 (ヶ between kanji reads が)
];

/** Small kana folded to their full-size forms (しやっきん and しゃっきん are the same typing slip). */
const SMALL: Record<string, string> = { ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', っ: 'つ', ゃ: 'や', ゅ: 'ゆ', ょ: 'よ', ゎ: 'わ', ゕ: 'か', ゖ: 'け' };

/** Katakana → hiragana by code point (ァ..ヶ → ぁ..ゖ, ヽヾ → ゝゞ); Latin letters and kanji are left alone. */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Iteration marks written out: 人々 → 人人, いすゞ → いすず. */
function expandIterationMarks(s: string): string {
  return s
    .replace(/(.)々/gu, '$1$1')
    .replace(/(.)ゝ/gu, '$1$1')
    .replace(/(.)ゞ/gu, (_, c: string) => c + (c + '\u3099').normalize('NFC').slice(-1));
}

/**
 * The normalised form of a query or an indexed word:
 * - NFKC: half-width kana (ｶｲｺﾞ) → full-width, full-width digits and letters (０４７８, ＤＶ) → ASCII;
 * - ASCII lower case;
 * - hyphens, dashes and spaces between digits removed, so 012-345-6789 matches 0123456789;
 * - katakana → hiragana (カイゴ → かいご);
 * - iteration marks written out (々, ゝ, ゞ);
 * - older and alternative spellings folded (高令 → 高齢, 障がい → 障害, 〇ケ浜 → 〇が浜);
 * - small kana → full size and the long-vowel mark dropped (ケアマネージャー = けあまねじや = ケアマネジャー);
 * - ・ dropped (ダブル・ケア = ダブルケア), other punctuation read as a space, spaces collapsed.
 */
export function normalizeText(input: string): string {
  let s = input.normalize('NFKC').toLowerCase();
  s = s.replace(/(\d)[\s\-‐‑–—−ー]+(?=\d)/g, '$1');
  s = expandIterationMarks(toHiragana(s));
  for (const [from, to] of SPELLINGS) s = s.replace(from, to);
  s = s.replace(/[ぁぃぅぇぉっゃゅょゎゕゖ]/g, (c) => SMALL[c]!).replace(/(?<=[\u3041-\u309f\p{Script=Han}])[ー〜～]+/gu, '');
  return s.replace(/[・･]/g, '').replace(/[,、。.!?！？「」『』()（）]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Only the digits of a phone number, for matching numbers typed with or without hyphens. */
export function phoneDigits(input: string): string {
  return input.normalize('NFKC').replace(/\D/g, '');
}
