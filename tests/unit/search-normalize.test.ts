// One test per normalisation rule (src/search/normalize.ts): each pair is typed differently by
// residents and must be one word to the search.
import { describe, expect, it } from 'vitest';
import { normalizeText } from '@/search/normalize';
import { createSearcher } from '@/search/query';
import { searchIndexFor } from '../support/search-index';

const same = (a: string, b: string) => expect(normalizeText(a), `${a} / ${b}`).toBe(normalizeText(b));

describe('normalizeText', () => {
  it('NFKC: half-width kana, full-width letters and digits', () => {
    same('ｶｲｺﾞ', 'カイゴ');
    same('ＤＶ', 'DV');
    expect(normalizeText('０１２３')).toBe('0123');
  });
  it('ASCII case', () => same('Dementia', 'dementia'));
  it('katakana and hiragana', () => {
    same('カイゴ', 'かいご');
    same('ヒキコモリ', 'ひきこもり');
  });
  it('long-vowel marks', () => {
    same('ケアマネージャー', 'ケアマネジャー');
    same('センター', 'せんた');
  });
  it('small kana', () => {
    same('しゃっきん', 'しやつきん');
    same('ヴィ', 'ゔい');
  });
  it('々 and other iteration marks', () => {
    same('人々', '人人');
    same('いすゞ', 'いすず');
  });
  it('older and variant spellings: 令/齢, 障碍/障がい/障害, 子供/子ども, 引き籠り, ヶ between kanji', () => {
    same('高令者', '高齢者');
    same('年令', '年齢');
    same('障碍者', '障害者');
    same('障がい', '障害');
    same('子供', '子ども');
    same('引き籠り', '引きこもり');
    same('外ヶ浜', '外ケ浜');
    same('外ヶ浜', '外が浜');
  });
  it('digits of a phone number keep together whatever separates them', () => same('0123-45-6789', '0123 45 6789'));
  it('・ joins, other punctuation and spaces separate', () => {
    same('ダブル・ケア', 'ダブルケア');
    expect(normalizeText('介護、子育て')).toBe('介護 子育て');
    expect(normalizeText('  介護　 相談 ')).toBe('介護 相談');
  });
});

describe('readings (from the authoring-time kuromoji pipeline, content/search/readings.yaml)', () => {
  const search = createSearcher(searchIndexFor());
  it('a kanji word is found from its reading, and from its kanji and kana mixed', () => {
    for (const [kanji, typed] of [['介護保険', 'かいごほけん'], ['介護保険', '介護ほけん'], ['生活保護', 'せいかつほご'], ['一人暮らし', 'ひとりぐらし']] as const) {
      expect(search(typed).troubles, typed).toEqual(search(kanji).troubles);
      expect(search(typed).troubles.length, typed).toBeGreaterThan(0);
    }
  });
});
