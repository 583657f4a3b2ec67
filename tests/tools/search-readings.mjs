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
import { parse } from 'yaml';
import { KANJI, alignReading, loadTokenizer } from './kuromoji-readings.mjs';

const out = 'content/search/readings.yaml';
const tokenizer = await loadTokenizer();
/** One token's parts as the file writes them: 保険=ほけん for kanji, kana as it is. */
const tokenParts = (surface, reading) => alignReading(surface, reading)?.map(([text, r]) => (r ? `${text}=${r}` : text));

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
