// Authoring aid for やさしい日本語: adds ruby notation (相談《そうだん》) to every kanji run that has
// none, from the readings of the kuromoji morphological analyser. The output must be checked by eye
// (readings depend on context); the test suite then checks that every kanji has a reading.
//
// kuromoji is not a project dependency (40 MB, only needed when writing easy text):
//   npm install --no-save kuromoji
//   node_modules/.bin/node tests/tools/annotate-ruby.mjs text content/programs/easy/new.md
//   node_modules/.bin/node tests/tools/annotate-ruby.mjs json src/i18n/ui/easy.json
//   node_modules/.bin/node tests/tools/annotate-ruby.mjs say "相談します"
// Existing annotations are kept, so a file can be annotated again after an edit.
import { readFileSync, writeFileSync } from 'node:fs';
import { KANJI, alignReading, loadTokenizer } from './kuromoji-readings.mjs';

const { names, fixes } = JSON.parse(readFileSync(new URL('./ruby-readings.json', import.meta.url), 'utf8'));
const tokenizer = await loadTokenizer();

/** One token: kanji runs get the part of the reading left once the kana around them are matched. */
function annotateToken(surface, reading) {
  const parts = alignReading(surface, reading);
  if (!parts) {
    console.error(`no reading for ${surface}: add it to ruby-readings.json`);
    return surface;
  }
  if (parts.length === 1 && parts[0][1] && parts[0][0] === surface && !/^[\p{Script=Han}々〆ヶ]+$/u.test(surface)) return `｜${surface}《${parts[0][1]}》`;
  return parts.map(([text, r]) => (r ? `${text}《${r}》` : text)).join('');
}

function annotatePlain(text) {
  if (!KANJI.test(text)) return text;
  const keys = Object.keys(names).sort((a, b) => b.length - a.length);
  let out = '';
  let rest = text;
  while (rest) {
    let at = -1;
    let key;
    for (const k of keys) {
      const i = rest.indexOf(k);
      if (i >= 0 && (at < 0 || i < at)) [at, key] = [i, k];
    }
    const plain = at < 0 ? rest : rest.slice(0, at);
    out += tokenizer.tokenize(plain).map((t) => annotateToken(t.surface_form, t.reading)).join('');
    if (at < 0) break;
    out += names[key];
    rest = rest.slice(at + key.length);
  }
  return out;
}

/** Annotates text, leaving existing annotations alone. */
function annotate(text) {
  const existing = /｜[^｜《》\n]+《[^》\n]+》|[\p{Script=Han}々〆ヶ]+《[^》\n]+》/gu;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(existing)) {
    out += annotatePlain(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  out += annotatePlain(text.slice(last));
  return fixes.reduce((t, [wrong, right]) => t.split(wrong).join(right), out);
}

const [mode, target] = process.argv.slice(2);
if (mode === 'json') {
  const messages = JSON.parse(readFileSync(target, 'utf8'));
  // Other languages' names stay in their own script (简体中文 is not Japanese).
  for (const k of Object.keys(messages)) if (!/^form\.language\.(?!ja$|easyJa$|label$|other$)/.test(k)) messages[k] = annotate(messages[k]);
  writeFileSync(target, `${JSON.stringify(messages, null, 2)}\n`);
} else if (mode === 'text') {
  // Line by line: YAML and front-matter keys are ASCII. Readings and ids are not text to annotate.
  const lines = readFileSync(target, 'utf8').split('\n');
  writeFileSync(target, lines.map((l) => (/^\s*(reading|id|kind|ref):/.test(l) ? l : annotate(l))).join('\n'));
} else if (mode === 'say') {
  console.log(annotate(target));
} else {
  console.error('usage: annotate-ruby.mjs json|text <file> | say <text>');
  process.exit(1);
}
