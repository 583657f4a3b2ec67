// Prints, as YAML, every Japanese string of content/ that a resident reads, keyed the way
// content/translations/<locale>.yaml expects. Translators start from this output.
// Usage: [PORTAL_PROFILE=<id>] npx tsx tests/tools/translation-skeleton.mjs > /tmp/source.yaml (from the project root)
import { readFileSync, readdirSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { contentPath } from '../../src/lib/profile.ts';

const read = (p) => parse(readFileSync(contentPath(p), 'utf8'));
const out = { reviewed: false, windows: {}, areas: {}, hotlines: {}, places: {}, site: {} };

for (const file of readdirSync(contentPath('windows')).sort()) {
  const w = read(`windows/${file}`);
  const id = file.replace(/\.yaml$/, '');
  out.windows[id] = {
    reading: w.nameKana,
    description: w.summary,
    lead: w.lead,
    callScript: w.callScript,
    channelNotes: w.channels.map((c) => c.note ?? null),
    ...(w.operation.operator ? { operator: w.operation.operator } : {}),
    ...(w.operation.department ? { department: w.operation.department } : {}),
  };
}
for (const a of read('areas.yaml')) out.areas[a.id] = { name: a.name, sphere: a.sphere };
for (const h of read('hotlines.yaml'))
  out.hotlines[h.id] = { name: h.name, when: h.when, ...(h.notes ? { notes: h.notes } : {}) };
for (const p of read('places.yaml'))
  out.places[p.id] = {
    name: p.name,
    ...(p.location ? { location: p.location } : {}),
    ...(p.count ? { count: p.count } : {}),
    department: p.department,
    description: p.description,
  };
const s = read('site.yaml');
out.site = { municipality: s.municipality, department: s.department, address: s.address };
process.stdout.write(stringify(out, { lineWidth: 0 }));
