// Authoring aid for the directory search: the readings of every word written in kanji that the search
// knows (content/search/vocabulary.yaml and every profile's window keywords), from the kuromoji
// morphological analyser, written to content/search/readings.yaml. No dictionary ships to the
// browser: the build turns these readings into more index words (src/search/index-data.ts), so
// 介護保険 is also found as かいごほけん, かいご保険 and 介護ほけん.
//
// Each word is stored as its parts: a kanji part with its reading (保険=ほけん), a kana part as it is.
// Readings depend on context: check every new line by eye and correct it in the file; entries
// already in the file are kept, so a correction stays when the script runs again.
//   npm install --no-save kuromoji
//   node_modules/.bin/node tests/tools/search-readings.mjs
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const KANJI = /[\p{Script=Han}々〆ヶ]/u;
const out = 'content/search/readings.yaml';
const require = createRequire(`${process.cwd()}/package.json`);
let kuromoji;
try {
  kuromoji = require('kuromoji');
} catch {
  console.error('kuromoji is not installed: run `npm install --no-save kuromoji` first.');
  process.exit(1);
}
const dicPath = require.resolve('kuromoji/package.json').replace(/package\.json$/, 'dict/');
const tokenizer = await new Promise((resolve, reject) => kuromoji.builder({ dicPath }).build((e, t) => (e ? reject(e) : resolve(t))));
const hira = (s) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One token's parts: kanji runs with the part of the reading left once its kana are matched. */
function tokenParts(surface, reading) {
  if (!KANJI.test(surface)) return [surface];
  if (!reading || reading === '*') return undefined;
  const r = hira(reading);
  const parts = surface.match(/[\p{Script=Han}々〆ヶ]+|[^\p{Script=Han}々〆ヶ]+/gu);
  const m = new RegExp(`^${parts.map((p) => (KANJI.test(p) ? '(.+?)' : `(${escape(hira(p))})`)).join('')}$`, 'u').exec(r);
  if (!m) return [`${surface}=${r}`];
  return parts.map((p, i) => (KANJI.test(p) ? `${p}=${m[i + 1]}` : p));
}

const vocabulary = parse(readFileSync('content/search/vocabulary.yaml', 'utf8'));
const words = new Set();
for (const t of Object.values(vocabulary.troubles)) for (const w of [...(t.ja ?? []), ...(t.services ?? [])]) words.add(w);
for (const profile of readdirSync('content/profiles', { withFileTypes: true }).filter((d) => d.isDirectory())) {
  const dir = `content/profiles/${profile.name}/windows`;
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) for (const k of parse(readFileSync(`${dir}/${f}`, 'utf8')).keywords ?? []) words.add(String(k));
}
const existing = existsSync(out) ? (parse(readFileSync(out, 'utf8'))?.words ?? {}) : {};
const result = { ...existing };
const missing = [];
for (const w of [...words].filter((w) => KANJI.test(w)).sort()) {
  if (result[w]) continue;
  const parts = tokenizer.tokenize(w).map((t) => tokenParts(t.surface_form, t.reading));
  if (parts.some((p) => !p)) missing.push(w);
  else result[w] = parts.flat().reduce((acc, p) => (acc.length && !acc.at(-1).includes('=') && !p.includes('=') ? [...acc.slice(0, -1), acc.at(-1) + p] : [...acc, p]), []);
}
const header = `# Readings of the search's kanji words: written by tests/tools/search-readings.mjs (kuromoji) and checked
# by hand. Each word is its parts: 保険=ほけん is a kanji part and its reading; a kana part stands as it is.
# The build turns them into index words (src/search/index-data.ts); nothing here ships as a dictionary.
`;
const lines = Object.entries(result).sort(([a], [b]) => a.localeCompare(b, 'ja')).map(([w, parts]) => `  ${w}: [${parts.join(', ')}]`);
writeFileSync(out, `${header}words:\n${lines.join('\n')}\n`);
if (missing.length) console.error(`no reading for: ${missing.join(', ')} — add them by hand`);
console.log(`${Object.keys(result).length} words in ${out}`);
