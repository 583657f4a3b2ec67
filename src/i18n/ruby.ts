/**
 * Ruby (furigana) notation for やさしい日本語 text.
 *
 * Translators write the reading after the word, as in Japanese publishing (青空文庫 style):
 * `相談《そうだん》` covers the run of kanji just before 《, and `｜市役所《しやくしょ》` marks the start
 * of the base explicitly. The notation is turned into <ruby> where text is shown and removed where
 * only plain text fits (attributes, <title>, <option>). Zod-free and DOM-free: used by the build,
 * the server and the islands.
 */

/** One piece of annotated text: plain text, or a base with its reading. */
export type RubySegment = string | { base: string; reading: string };

const KANJI = '\\p{Script=Han}々〆ヶ';
const annotation = new RegExp(`｜([^｜《》\\n]+)《([^》\\n]+)》|([${KANJI}]+)《([^》\\n]+)》`, 'gu');

/** True when the text carries ruby notation. */
export function hasRuby(text: string): boolean {
  return text.includes('《');
}

/** Splits annotated text into plain and ruby segments. */
export function parseRuby(text: string): RubySegment[] {
  if (!hasRuby(text)) return [text];
  const out: RubySegment[] = [];
  let last = 0;
  for (const m of text.matchAll(annotation)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ base: (m[1] ?? m[3])!, reading: (m[2] ?? m[4])! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The text without readings: for attributes, titles and anything that cannot hold markup. */
export function stripRuby(text: string): string {
  return hasRuby(text) ? text.replace(annotation, (_, b1, _r1, b2) => b1 ?? b2) : text;
}

/**
 * The text with each reading in brackets after its base, as <rp> shows it without ruby support:
 * for <option>, which holds plain text only but is still read by people who need the readings.
 */
export function rubyToText(text: string): string {
  return hasRuby(text) ? text.replace(annotation, (_, b1, r1, b2, r2) => `${b1 ?? b2}(${r1 ?? r2})`) : text;
}

/**
 * HTML for annotated text that is already HTML-escaped (Astro output). <rp> keeps the reading in
 * brackets for browsers and readers that do not support ruby.
 */
export function rubyToHtml(escapedText: string): string {
  return parseRuby(escapedText)
    .map((s) => (typeof s === 'string' ? s : `<ruby>${s.base}<rp>(</rp><rt>${s.reading}</rt><rp>)</rp></ruby>`))
    .join('');
}
