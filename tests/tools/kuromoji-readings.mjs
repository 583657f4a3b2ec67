// The authoring-time readings pipeline shared by tests/tools/annotate-ruby.mjs (furigana for
// やさしい日本語) and tests/tools/search-readings.mjs (the search's readings): kuromoji, loaded from
// node_modules when installed with `npm install --no-save kuromoji`, and the alignment of a token's
// reading with its kanji runs. Nothing here ships to the browser.
import { createRequire } from 'node:module';

export const KANJI = /[\p{Script=Han}々〆ヶ]/u;
export const toHiragana = (s) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** kuromoji's tokenizer, or exit with the command that installs it. */
export async function loadTokenizer() {
  const require = createRequire(`${process.cwd()}/package.json`);
  let kuromoji;
  try {
    kuromoji = require('kuromoji');
  } catch {
    console.error('kuromoji is not installed: run `npm install --no-save kuromoji` first.');
    process.exit(1);
  }
  const dicPath = require.resolve('kuromoji/package.json').replace(/package\.json$/, 'dict/');
  return new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((e, t) => (e ? reject(e) : resolve(t))));
}

/**
 * A token's parts: [text, reading] for each kanji run (the part of the reading left once the kana
 * around it are matched), [text] for kana. Undefined without a reading; one [surface, reading] part
 * when the kana do not line up.
 */
export function alignReading(surface, reading) {
  if (!KANJI.test(surface)) return [[surface]];
  if (!reading || reading === '*') return undefined;
  const r = toHiragana(reading);
  const parts = surface.match(/[\p{Script=Han}々〆ヶ]+|[^\p{Script=Han}々〆ヶ]+/gu);
  const m = new RegExp(`^${parts.map((p) => (KANJI.test(p) ? '(.+?)' : `(${escape(toHiragana(p))})`)).join('')}$`, 'u').exec(r);
  if (!m) return [[surface, r]];
  return parts.map((p, i) => (KANJI.test(p) ? [p, m[i + 1]] : [p]));
}
