import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales, localeInfo } from '@/i18n/locales';
import { contentPath as cp } from '@/lib/profile';
import { sourceFiles } from '../support/content';
import { distClient } from '../support/dist-weight';
import { factExpectations } from '../support/expectations';

/** The selected profile's built pages (npm test builds before vitest). The source note is what a reader sees of the evidence. */
const pages = (dir = distClient): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
const notes = pages()
  .map((path) => ({ path, note: readFileSync(path, 'utf8').match(/<section class="source-note"[\s\S]*?<\/section>/)?.[0] }))
  .filter((p): p is { path: string; note: string } => !!p.note);
const text = (html: string) => html.replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>/g, '').replace(/<[^>]+>/g, '');
const windowCount = readdirSync(cp('windows')).filter((f) => f.endsWith('.yaml')).length;
const places = (parse(readFileSync(cp('places.yaml'), 'utf8')) as unknown[] | null) ?? [];
const facts = factExpectations();
/** The note on one window's page in a locale (the locale's URL prefix, e.g. /en/). */
const noteOf = (windowId: string, prefix = '') => {
  const path = join(distClient, prefix, 'madoguchi', windowId, 'index.html');
  const found = notes.find((p) => p.path === path);
  expect(found, path).toBeDefined();
  return found!.note;
};
/** The source the facts name for the note, as its front matter gives it. */
const source = [...sourceFiles().values()].find((s) => s.data.url === facts.sourceNote.href)!;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the source note on built pages', () => {
  it('appears on every window page in every locale, and on the 居場所 page wherever places are listed', () => {
    expect(windowCount).toBeGreaterThan(0);
    expect(notes.filter((p) => /\/madoguchi\/[a-z-]+\/index\.html$/.test(p.path) && !/\/(bunya|chiku|houhou)\//.test(p.path)).length).toBe(windowCount * locales.length);
    // The 居場所 page cites the sources of the places it lists; with none listed there is nothing to cite.
    expect(notes.filter((p) => p.path.includes('/ibasho/')).length).toBe(places.length > 0 ? locales.length : 0);
  });
  it('never shows a file name, only title, publisher and date', () => {
    for (const { path, note } of notes) expect(text(note), path).not.toMatch(/\.txt|\.md\b|shared\/|seeds/);
  });
  it('links the source by its public address and gives its publisher and dates (facts.yaml)', () => {
    const note = noteOf(facts.sourceNote.window);
    expect(note).toContain(`<a href="${facts.sourceNote.href}"`);
    for (const t of facts.sourceNote.texts) expect(text(note)).toContain(t);
  });
  it('marks the Japanese title and publisher as Japanese on pages in other languages', () => {
    expect(source, facts.sourceNote.href).toBeDefined();
    const { title, publisher } = source.data;
    const note = noteOf(facts.sourceNote.window, localeInfo.en.prefix);
    expect(note).toMatch(new RegExp(`<a href="${escape(facts.sourceNote.href)}" rel="external" lang="ja"[^>]*>${escape(title)}</a>`));
    expect(text(note)).toContain(`Published by ${publisher}`);
    expect(note).toMatch(new RegExp(`Published by <span lang="ja"[^>]*>${escape(publisher!)}</span>`));
  });
});
