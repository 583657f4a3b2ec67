import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSchema } from '@/schemas/area';
import { hotlineSchema } from '@/schemas/hotline';
import { placeSchema } from '@/schemas/place';
import { programSchema } from '@/schemas/program';
import { routingSchema } from '@/schemas/routing';
import { siteSchema } from '@/schemas/site';
import type { Source } from '@/schemas/source';
import { windowSchema } from '@/schemas/window';
import { frontMatter, readYaml, sourceFiles, verifiedHotlines, windowFiles } from '../support/content';
import { contentPath as cp, profileDir } from '@/lib/profile';
import { roleIds } from '@/triage/route';
import { factExpectations } from '../support/expectations';

const windows = windowFiles().map(({ id, raw }) => ({ id, ...windowSchema.parse(raw) }));
const windowIds = new Set(windows.map((w) => w.id));
const areas = (readYaml(cp('areas.yaml')) as unknown[]).map((a) => areaSchema.parse(a));
const routing = routingSchema.parse(readYaml(cp('triage/routing.yaml')));
const hotlines = (readYaml(cp('hotlines.yaml')) as unknown[]).map((h) => hotlineSchema.parse(h));
const places = (readYaml(cp('places.yaml')) as unknown[]).map((p) => placeSchema.parse(p));
const site = siteSchema.parse(readYaml(cp('site.yaml')));
const programs = readdirSync(cp('programs/ja')).map((f) => ({ id: f, ...programSchema.parse(frontMatter(cp(`programs/ja/${f}`))) }));
/** The documents in the profile's sources/ and content/sources/, the only evidence the facts are checked against. */
const sources = sourceFiles();
const verifiedList = verifiedHotlines();
/** The text of the documents an entry names, joined: the facts of that entry must be found here. */
const textOf = (documents: readonly string[]) => documents.map((id) => sources.get(id)?.text ?? '').join('\n');
/** The profile's own fact checks (content/profiles/<id>/expectations/facts.yaml). */
const facts = factExpectations();
/**
 * The words of a name as the documents print them. A name may join what a document prints
 * separately (a city hall, its department and section; two bodies joined by ・) or add a gloss in
 * brackets; each word must be printed.
 */
const words = (name: string) => name.split(/[\s()（）・]+/).filter(Boolean).flatMap((w) => joined[w] ?? [w]);
/** Words a name joins from what the documents print apart, each listed with its reason in facts.yaml. */
const joined: Record<string, string[]> = facts.joinedNames;

/** Every entry that names sources, with a label for failure messages. */
const citing: { label: string; documents: string[] }[] = [
  ...windows.map((w) => ({ label: `windows/${w.id}`, documents: w.source.documents })),
  ...hotlines.map((h) => ({ label: `hotlines/${h.id}`, documents: h.source.documents })),
  ...places.map((p) => ({ label: `places/${p.id}`, documents: p.source.documents })),
  ...areas.map((a) => ({ label: `areas/${a.id}`, documents: a.source.documents })),
  ...programs.map((p) => ({ label: `programs/ja/${p.id}`, documents: p.source.documents })),
  { label: 'site', documents: site.source.documents },
];
/** Every file under content/ as text. */
const contentFiles = (dir = 'content'): { path: string; text: string }[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? contentFiles(`${dir}/${e.name}`) : [{ path: `${dir}/${e.name}`, text: readFileSync(`${dir}/${e.name}`, 'utf8') }],
  );

/** The shared content and this profile's folder (other profiles cite their own sources). */
const ownFiles = () => contentFiles().filter((f) => !f.path.startsWith('content/profiles/') || f.path.startsWith(`${profileDir()}/`));

describe('references between content entries', () => {
  it('every district a window serves exists', () => {
    const districtIds = new Set(areas.map((a) => a.id));
    for (const w of windows) if (w.serviceArea !== 'citywide') for (const d of w.serviceArea) expect(districtIds, `${w.id} → ${d}`).toContain(d);
  });
  it('every district is served by exactly one window of each field the profile divides by district (facts.yaml)', () => {
    for (const field of facts.oneWindowPerDistrict) {
      for (const a of areas) {
        const serving = windows.filter((w) => w.fields.includes(field) && (w.serviceArea === 'citywide' || w.serviceArea.includes(a.id)));
        expect(serving.map((w) => w.id), `${field} in ${a.name}`).toHaveLength(1);
      }
    }
  });
  it('every window a program page refers to exists', () => {
    for (const f of readdirSync(cp('programs/ja'))) {
      for (const id of (frontMatter(cp(`programs/ja/${f}`)).relatedWindows as string[]) ?? []) expect(windowIds, `${f} → ${id}`).toContain(id);
    }
  });
  it('the routing windows exist', () => {
    for (const id of [...roleIds(routing.coordinatorWindow), ...roleIds(routing.fallbackWindow), ...roleIds(routing.outsideWindow)]) expect(windowIds).toContain(id);
  });
});

describe('the sources are in the repo', () => {
  it("every source an entry names is a file in the profile's sources/ or content/sources/", () => {
    for (const c of citing) for (const id of c.documents) expect([...sources.keys()], `${c.label} → ${id}`).toContain(id);
  });
  it('every published document carries its text, and every source is cited or on the hotline list', () => {
    const documents = [...sources.values()].filter((s) => s.data.kind === 'document');
    expect(documents.map((d) => d.id).sort()).toEqual([...facts.documents].sort());
    for (const d of documents) expect(d.text.trim().length, d.id).toBeGreaterThan(1000);
    const named = new Set([...citing.flatMap((c) => c.documents), ...verifiedList.numbers.map((n) => n.source)]);
    // A document cited by nothing is kept on purpose (published background), listed with its reason in facts.yaml.
    expect([...sources.keys()].filter((id) => !named.has(id))).toEqual(facts.uncitedSources);
  });
  it('windows, places, districts and the site profile cite documents whose text is here', () => {
    for (const c of citing.filter((c) => !c.label.startsWith('hotlines/'))) {
      // A window may also cite its own statement, approved by an editor (kind window-declared, issue 30).
      let d: Source | undefined;
      for (const id of c.documents) expect((d = sources.get(id)?.data) && d.kind === 'window-declared' && `windows/${d.window}` === c.label ? 'document' : sources.get(id)?.data.kind, `${c.label} → ${id}`).toBe('document');
    }
  });
});

describe('contact facts come from the documents each entry names', () => {
  it('every window phone and FAX number appears verbatim in its own sources', () => {
    for (const w of windows) for (const c of w.channels) if ('number' in c) expect(textOf(w.source.documents), `${w.id}: ${c.number}`).toContain(c.number);
  });
  it('every window email address, name, operator and address appears in its own sources', () => {
    for (const w of windows) {
      const text = textOf(w.source.documents);
      for (const c of w.channels) if (c.type === 'email' && c.address) expect(text, `${w.id}: ${c.address}`).toContain(c.address);
      for (const word of words(w.name)) expect(text, `${w.id}: ${w.name}`).toContain(word);
      if (w.operation.operator) expect(text, `${w.id}: ${w.operation.operator}`).toContain(w.operation.operator);
      if (w.address) expect(text, `${w.id}: ${w.address.text}`).toContain(w.address.text);
      if (w.address?.postalCode) expect(text, `${w.id}: ${w.address.postalCode}`).toContain(w.address.postalCode);
    }
  });
  it('every place name and location appears in its own sources', () => {
    for (const p of places) {
      const text = textOf(p.source.documents);
      for (const word of words(p.name)) expect(text, `${p.id}: ${p.name}`).toContain(word);
      if (p.location) expect(text, `${p.id}: ${p.location}`).toContain(p.location);
    }
  });
  it('every district and its 圏域 appear in its own sources', () => {
    for (const a of areas) {
      const text = textOf(a.source.documents);
      expect(text, a.id).toContain(a.name);
      expect(text, a.id).toContain(a.sphere);
    }
  });
  it("the site profile's numbers, email and address appear in its own sources", () => {
    const text = textOf(site.source.documents);
    for (const fact of [site.phone, site.fax, site.email, site.postalCode, site.address, site.department]) if (fact) expect(text, fact).toContain(fact);
  });
  it('every hotline is on the verified list, under the same name and citing the source the list gives', () => {
    for (const h of hotlines) {
      const row = verifiedList.numbers.find((n) => n.number === h.number);
      expect(row, `${h.id}: ${h.number}`).toBeDefined();
      expect(h.name, h.id).toBe(row!.name);
      expect(h.source.documents, h.id).toContain(row!.source);
    }
  });
  it('every file that holds a phone-like number also names its source', () => {
    const phoneLike = /(?:0\d{1,4}-\d{1,4}-\d{3,4}|#\d{4}\b)/;
    // Translations inherit the source of the Japanese entry they translate; the next test still checks their numbers.
    // Sources are the evidence itself. Expectations are test data: their numbers are what a resident
    // types or must get, checked against the windows and the sources (the next test, facts.yaml).
    const exempt = (path: string) => /content\/(profiles\/[^/]+\/)?translations\/|content\/(profiles\/[^/]+\/)?(programs|pages)\/(?!ja\/)|content\/(profiles\/[^/]+\/)?sources\/|content\/profiles\/[^/]+\/expectations\//.test(path);
    for (const f of ownFiles().filter((f) => phoneLike.test(f.text) && !exempt(f.path))) expect(f.text, f.path).toMatch(/source:/);
  });
  it('no content file holds a phone number that is not in the source documents or on the verified hotline list', () => {
    const known = [...sources.values()].map((s) => s.text).join('\n') + JSON.stringify(verifiedList);
    const numbers = ownFiles().filter((f) => !/^content\/(profiles\/[^/]+\/)?sources\//.test(f.path)).flatMap((f) => [...f.text.matchAll(/0\d{1,4}-\d{1,4}-\d{3,4}/g)].map(([n]) => `${f.path}: ${n}`));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.filter((n) => !known.includes(n.split(': ')[1]!))).toEqual([]);
  });
  it('the windows carry the exact numbers their source prints (facts.yaml)', () => {
    expect(facts.numbers.length).toBeGreaterThan(0);
    const byName = new Map(windows.map((w) => [w.name, w]));
    for (const n of facts.numbers) {
      // The expectation itself is read from the source: the number is printed there.
      expect(sources.get(n.source)?.text, `${n.name}: ${n.source}`).toContain(n.phone);
      if (n.fax) expect(sources.get(n.source)?.text, `${n.name}: ${n.source}`).toContain(n.fax);
      const w = byName.get(n.name);
      expect(w, n.name).toBeDefined();
      expect(w!.channels.find((c) => c.type === 'phone'), n.name).toMatchObject({ number: n.phone });
      if (n.fax) expect(w!.channels.find((c) => c.type === 'fax'), n.name).toMatchObject({ number: n.fax });
    }
  });
  it('a kind of contact channel is offered only by the windows whose source says so (facts.yaml)', () => {
    const kinds = Object.entries(facts.onlyWindowsWith);
    expect(kinds.length).toBeGreaterThan(0);
    for (const [type, ids] of kinds) {
      expect(windows.filter((w) => w.channels.some((c) => c.type === type)).map((w) => w.id).sort(), type).toEqual([...ids!].sort());
    }
  });
});
