import { describe, expect, it } from 'vitest';
import { parseRuby, rubyToHtml, rubyToText, stripRuby } from '@/i18n/ruby';
import { localizeHtml } from '@/lib/localize-html';

describe('ruby notation', () => {
  it('annotates the run of kanji before 《》, or from ｜ when marked', () => {
    expect(parseRuby('窓口《まどぐち》に相談《そうだん》します')).toEqual([{ base: '窓口', reading: 'まどぐち' }, 'に', { base: '相談', reading: 'そうだん' }, 'します']);
    expect(parseRuby('｜市役所《しやくしょ》｜福祉課《ふくしか》')).toEqual([{ base: '市役所', reading: 'しやくしょ' }, { base: '福祉課', reading: 'ふくしか' }]);
  });
  it('becomes <ruby> with <rp> fallbacks, or plain text', () => {
    expect(rubyToHtml('電話《でんわ》')).toBe('<ruby>電話<rp>(</rp><rt>でんわ</rt><rp>)</rp></ruby>');
    expect(stripRuby('電話《でんわ》してください')).toBe('電話してください');
    expect(rubyToText('｜市役所《しやくしょ》の外《そと》')).toBe('市役所(しやくしょ)の外(そと)');
  });
});

describe('localizing a rendered page', () => {
  const page = '<html><head><title>相談《そうだん》</title><link rel="alternate" hreflang="ja" href="/madoguchi/"></head><body>'
    + '<a href="/madoguchi/" aria-label="窓口《まどぐち》">窓口《まどぐち》</a><a href="/api/inquiries">x</a><a href="/easy/">y</a>'
    + '<script type="application/json">{"a":"相談《そうだん》"}</script><select><option>地区《ちく》</option></select></body></html>';
  it('prefixes internal links, except shared paths, alternates and links already localized', () => {
    const out = localizeHtml(page, 'en');
    expect(out).toContain('<a href="/en/madoguchi/"');
    expect(out).toContain('href="/api/inquiries"');
    expect(out).toContain('hreflang="ja" href="/madoguchi/"');
    expect(out).toContain('<a href="/easy/">');
  });
  it('for やさしい日本語, turns notation into ruby in text and removes it where markup cannot go', () => {
    const out = localizeHtml(page, 'easy');
    expect(out).toContain('<title>相談</title>');
    expect(out).toContain('aria-label="窓口"');
    expect(out).toContain('>窓口<rp>(</rp><rt>まどぐち</rt><rp>)</rp></ruby></a>');
    expect(out).toContain('<option>地区(ちく)</option>');
    expect(out).toContain('{"a":"相談《そうだん》"}');
  });
  it('leaves Japanese pages untouched', () => {
    expect(localizeHtml(page, 'ja')).toBe(page);
  });
});
