import type { Page } from '@playwright/test';

/**
 * Text on the page, in Japanese, with kanji outside <ruby> (the first 30 characters of each). On
 * やさしい日本語 pages this must be empty: every kanji carries its reading. Elements that declare
 * another language (简体中文 in the switcher) are skipped. An <option> holds text only, so there the
 * reading follows in brackets, as <rp> shows it: 相談(そうだん).
 */
export function kanjiWithoutRuby(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('ruby, script, style, noscript') || el.closest('[lang]')?.getAttribute('lang') !== 'ja') continue;
      const text = el.closest('option') ? n.textContent!.replace(/[\p{Script=Han}々〆ヶ]+\([\u3041-\u309fー]+\)/gu, '') : n.textContent!;
      if (/[\p{Script=Han}々〆ヶ]/u.test(text)) out.push(n.textContent!.trim().slice(0, 30));
    }
    return out;
  });
}
