import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { stripRuby } from '@/i18n/ruby';
import { contentPath as cp } from '@/lib/profile';

// やさしい日本語 (出入国在留管理庁・文化庁 guideline): short sentences, terms explained where they
// appear, no law citations. Issue 12 found sentences of 60–76 characters, 8050 unexplained on the
// program list, and 「社会福祉法 第106条の4」 in the explanation of the system.
const MAX_SENTENCE = 45; // "about 40": the base text, readings removed

const programs = readdirSync(cp('programs/easy')).map((f) => ({ file: cp(`programs/easy/${f}`), text: readFileSync(cp(`programs/easy/${f}`), 'utf8') }));
const translations = parse(readFileSync(cp('translations/easy.yaml'), 'utf8')) as {
  windows: Record<string, Record<string, unknown>>;
  places: Record<string, Record<string, unknown>>;
};
/** Resident-facing texts of the YAML (cited document titles are quoted as published, so not here). */
const yamlTexts = [...Object.entries(translations.windows), ...Object.entries(translations.places)].flatMap(([id, entry]) =>
  Object.values(entry).flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v): v is string => typeof v === 'string').map((text) => ({ file: `easy.yaml ${id}`, text })),
);

/** Sentences of a text as a reader meets them: readings and Markdown emphasis removed. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !/^\s*(title|ref|translation):/.test(line) && !line.startsWith('---') && !/^\|[-|\s]+\|?$/.test(line))
    // A table row is read cell by cell.
    .flatMap((line) => (line.startsWith('|') ? line.split('|') : [line]))
    .flatMap((line) => stripRuby(line).replace(/\*\*|<[^>]+>/g, '').replace(/^\s*(?:[-#]+|\d+\.|summary:)\s*"?/, '').split(/(?<=[。！？])/))
    .map((s) => s.replace(/"$/, '').trim())
    .filter(Boolean);
}
const length = (s: string) => [...s.replace(/\s/g, '')].length;

describe('やさしい日本語 content', () => {
  it(`has no sentence over about 40 characters (${MAX_SENTENCE} at most)`, () => {
    const long = [...programs, ...yamlTexts].flatMap(({ file, text }) => sentences(text).filter((s) => length(s) > MAX_SENTENCE).map((s) => `${file}: ${length(s)} ${s}`));
    expect(long).toEqual([]);
  });
  it('cites no law article', () => {
    const cited = programs.filter(({ text }) => /法《ほう》\s*第《だい》|\d+条《じょう》/.test(text)).map(({ file }) => file);
    expect(cited).toEqual([]);
  });
  it('keeps emphasis Markdown can close (** after a reading 》 and before a letter shows as literal asterisks)', () => {
    const broken = programs.filter(({ text }) => /》\*\*[^\s、。)（(]/.test(text)).map(({ file }) => file);
    expect(broken).toEqual([]);
  });
  it('explains 8050 in every paragraph that uses it', () => {
    const paragraphs = programs.flatMap(({ file, text }) => text.split(/\n\s*\n|\n(?=\S+:)/).map((p) => ({ file, p })));
    const unexplained = paragraphs.filter(({ p }) => p.includes('8050') && !/^\s*(#|title:)/.test(p) && !p.includes('親《おや》')).map(({ file, p }) => `${file}: ${p.slice(0, 40)}`);
    expect(unexplained).toEqual([]);
  });
});
