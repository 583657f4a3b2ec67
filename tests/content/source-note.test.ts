import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Built pages (npm test builds before vitest). The source note is what a reader sees of the evidence. */
const pages = (dir = 'dist/client'): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
const notes = pages()
  .map((path) => ({ path, note: readFileSync(path, 'utf8').match(/<section class="source-note"[\s\S]*?<\/section>/)?.[0] }))
  .filter((p): p is { path: string; note: string } => !!p.note);
const text = (html: string) => html.replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>/g, '').replace(/<[^>]+>/g, '');

describe('the source note on built pages', () => {
  it('appears on every window, program and 居場所 page in every locale', () => {
    expect(notes.filter((p) => /\/madoguchi\/[a-z-]+\/index\.html$/.test(p.path) && !/\/(bunya|chiku|houhou)\//.test(p.path)).length).toBe(7 * 10);
    expect(notes.filter((p) => p.path.includes('/ibasho/')).length).toBe(10);
  });
  it('never shows a file name, only title, publisher and date', () => {
    for (const { path, note } of notes) expect(text(note), path).not.toMatch(/\.txt|\.md\b|shared\/|seeds/);
  });
  it("links the city page by its public address and gives its publisher and update date", () => {
    const { note } = notes.find((p) => p.path === 'dist/client/madoguchi/sawara-houkatsu/index.html')!;
    expect(note).toContain('<a href="https://www.city.katori.lg.jp/kenko_fukushi/network/jyuusoujigyou.html"');
    expect(text(note)).toContain('重層的支援体制整備への取り組み');
    expect(text(note)).toContain('発行者: 香取市 (社会福祉課 社会福祉班)');
    expect(text(note)).toContain('更新日: 2024-06-27');
    expect(text(note)).toContain('香取市重層的支援体制整備事業実施計画発行者: 香取市 (福祉健康部 社会福祉課)発行日: 2023-03');
  });
  it('marks the Japanese title and publisher as Japanese on pages in other languages', () => {
    const { note } = notes.find((p) => p.path === 'dist/client/en/madoguchi/sawara-houkatsu/index.html')!;
    expect(note).toMatch(/<a href="https:\/\/www\.city\.katori\.lg\.jp\/[^"]*" rel="external" lang="ja"[^>]*>重層的支援体制整備への取り組み<\/a>/);
    expect(text(note)).toContain('Published by 香取市 (社会福祉課 社会福祉班)');
    expect(note).toMatch(/Published by <span lang="ja"[^>]*>香取市 \(社会福祉課 社会福祉班\)<\/span>/);
  });
});
