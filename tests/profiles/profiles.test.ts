// The generic content checks, run for every content profile (content/profiles/<id>/), whichever
// profile this run builds: schemas and references, contact facts against the profile's own sources,
// translations, and the profile's own expectations (expectations.yaml beside its content).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales } from '@/i18n/locales';
import { stripRuby } from '@/i18n/ruby';
import { contentPath, profileDir, profileId, profileIds } from '@/lib/profile';
import { areaSchema } from '@/schemas/area';
import { programSchema } from '@/schemas/program';
import { siteSchema } from '@/schemas/site';
import { windowSchema } from '@/schemas/window';
import { contentTranslationSchema, pageTranslationSchema, programTranslationSchema } from '@/schemas/translation';
import { roleIds } from '@/triage/route';
import { regionOption } from '@/triage/districts';
import { triage, type Answers } from '@/triage/engine';
import { loadTriageData } from '@/triage/load-node';
import { sourceFiles, windowFiles } from '../support/content';
import { factExpectations, lifeExpectations, pageExpectations, routeExpectations, scenarioExpectations, searchExpectations, triageCaseExpectations } from '../support/expectations';

const readYaml = (p: string): unknown => parse(readFileSync(p, 'utf8'));
const frontMatter = (p: string) => parse(readFileSync(p, 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;


describe('choosing a profile', () => {
  it('uses the default profile without PORTAL_PROFILE, and the named one with it', () => {
    const def = profileId({});
    expect(profileIds()).toContain(def);
    expect(profileId({ PORTAL_PROFILE: 'aomori' })).toBe('aomori');
    expect(profileDir('aomori')).toBe(join('content', 'profiles', 'aomori'));
  });
  it('refuses an id that is not a folder name, and a profile without site settings', () => {
    expect(() => profileId({ PORTAL_PROFILE: '../etc' })).toThrow(/PORTAL_PROFILE/);
    expect(() => profileDir('no-such-town')).toThrow(/site\.yaml is missing/);
  });
});

describe.each(profileIds())('profile %s', (id) => {
  const dir = profileDir(id);
  const path = (rel: string) => contentPath(rel, dir);
  const data = loadTriageData(dir);
  const windows = data.windows;
  const windowIds = new Set(windows.map((w) => w.id));
  const areas = (readYaml(path('areas.yaml')) as unknown[]).map((a) => areaSchema.parse(a));
  const site = siteSchema.parse(readYaml(path('site.yaml')));
  const scenarios = scenarioExpectations(dir);

  it('has its own site settings, areas, windows, routing, programs, policy, translations and expectations', () => {
    // One entry per line, so adding a file is a one-line change.
    const required = [
      'site.yaml',
      'areas.yaml',
      'windows',
      'places.yaml',
      'programs/ja',
      'pages/ja/policy.md',
      'translations',
      'triage/routing.yaml',
      'expectations/scenarios.yaml',
      'expectations/pages.yaml',
      'expectations/search.yaml',
      'expectations/triage-cases.yaml',
      'expectations/lives.yaml',
      'expectations/routes.yaml',
      'expectations/facts.yaml',
      'expectations/inquiry.yaml',
      'expectations/journeys.yaml',
    ];
    for (const rel of required) {
      expect(existsSync(join(dir, rel)), `${dir}/${rel}`).toBe(true);
    }
  });

  it('refers only to windows and districts that exist', () => {
    const districtIds = new Set(areas.map((a) => a.id));
    for (const w of windows) if (w.serviceArea !== 'citywide') for (const d of w.serviceArea) expect(districtIds, `${w.id} → ${d}`).toContain(d);
    for (const role of [data.routing.coordinatorWindow, data.routing.fallbackWindow, data.routing.outsideWindow]) for (const w of roleIds(role)) expect(windowIds).toContain(w);
    for (const f of readdirSync(path('programs/ja'))) {
      const p = programSchema.parse(frontMatter(`${path('programs/ja')}/${f}`));
      for (const w of p.relatedWindows) expect(windowIds, `${f} → ${w}`).toContain(w);
    }
  });

  it('asks for the district with exactly its own areas, then its regions (where areas name one), "unknown" and "outside"', () => {
    const node = data.flow.nodes.find((n) => n.setsDistrict)!;
    const sorted = areas.sort((a, b) => a.order - b.order);
    const regions = [...new Set(sorted.flatMap((a) => (a.regionId ? [regionOption(a.regionId)] : [])))];
    expect(node.options).toEqual([...sorted.map((a) => a.id), ...regions, 'unknown', 'outside']);
  });

  it("takes every phone and FAX number, and every address, from the documents the entry cites", () => {
    // The profile's own sources/ and the shared content/sources/, both in the repo.
    const sources = sourceFiles(dir);
    const cited = (ids: readonly string[]) => ids.map((d) => sources.get(d)?.text ?? '').join('\n');
    for (const w of windowFiles(dir).map(({ id, raw }) => ({ id, ...windowSchema.parse(raw) }))) {
      for (const d of w.source.documents) expect([...sources.keys()], `${w.id} → ${d}`).toContain(d);
      const text = cited(w.source.documents);
      for (const c of w.channels) if ('number' in c) expect(text, `${w.id}: ${c.number}`).toContain(c.number);
      if (w.address) expect(text, `${w.id}: ${w.address.text}`).toContain(w.address.text);
    }
    const siteText = cited(site.source.documents);
    for (const n of [site.phone, site.fax].filter(Boolean)) expect(siteText, `site: ${n}`).toContain(n);
  });

  it('translates every window and district into every locale, with the program and policy pages', () => {
    for (const locale of locales.filter((l) => l !== 'ja')) {
      const tr = contentTranslationSchema.parse(readYaml(`${path('translations')}/${locale}.yaml`));
      // No phone-like number the Japanese content does not have.
      const japanese = [...readdirSync(path('windows')).map((f) => readFileSync(`${path('windows')}/${f}`, 'utf8')), ...['hotlines.yaml', 'places.yaml', 'site.yaml'].map((f) => readFileSync(path(f), 'utf8'))].join('\n');
      const added = (JSON.stringify(tr).match(/\d[\d-]{5,}\d/g) ?? []).filter((n) => !japanese.includes(n));
      expect(added, locale).toEqual([]);
      expect(Object.keys(tr.windows).sort(), locale).toEqual([...windowIds].sort());
      expect(Object.keys(tr.areas).sort(), locale).toEqual(areas.map((a) => a.id).sort());
      for (const [wid, w] of Object.entries(tr.windows)) {
        const ja = windows.find((x) => x.id === wid)!;
        expect(w.callScript.length, `${locale} ${wid}`).toBe(ja.callScript.length);
        expect(w.channelNotes.length, `${locale} ${wid}`).toBe(ja.channels.length);
        if (locale === 'easy') expect(stripRuby(w.name ?? ''), wid).toBe(ja.name);
      }
      expect(readdirSync(`${path('programs')}/${locale}`).sort()).toEqual(readdirSync(path('programs/ja')).sort());
      for (const f of readdirSync(`${path('programs')}/${locale}`)) programTranslationSchema.parse(frontMatter(`${path('programs')}/${locale}/${f}`));
      pageTranslationSchema.parse(frontMatter(`${path('pages')}/${locale}/policy.md`));
    }
  });

  it('has expectations that name only its own windows and districts', () => {
    // Each file is validated by its schema when read; a window id of another profile would make a
    // test of this profile fail for the wrong reason, so it is caught here, per file.
    const districtIds = new Set(areas.map((a) => a.id));
    const search = searchExpectations(dir);
    const named: [string, string[]][] = [
      ['search.yaml', search.queries.flatMap((q) => [q.expect].flat())],
      ['triage-cases.yaml', triageCaseExpectations(dir).flatMap((c) => c.mustInclude)],
      ['lives.yaml', lifeExpectations(dir).flatMap((l) => [...(l.windows ?? []), ...(l.includes ?? []), ...(l.excludes ?? []), ...(l.reasons ?? []).map((r) => r.window)])],
      ['routes.yaml', routeExpectations(dir).flatMap((r) => [...r.windows, ...(r.chosenWindow ? [r.chosenWindow] : [])])],
      ['facts.yaml', [...Object.values(factExpectations(dir).onlyWindowsWith).flat(), factExpectations(dir).sourceNote.window]],
    ];
    for (const [file, ids] of named) {
      expect(ids.length, file).toBeGreaterThan(0);
      for (const w of ids) expect(windowIds, `${file} → ${w}`).toContain(w);
    }
    const districts = [
      ...routeExpectations(dir).flatMap((r) => (r.district ? [r.district] : [])),
      ...[...triageCaseExpectations(dir), ...lifeExpectations(dir)].flatMap((c) => (typeof c.answers.district === 'string' ? [c.answers.district] : [])),
    ];
    for (const d of districts) expect([...districtIds, 'unknown', 'outside'], d).toContain(d);
    const names = new Set(windows.map((w) => w.name));
    for (const n of factExpectations(dir).numbers) expect(names, `facts.yaml → ${n.name}`).toContain(n.name);
  });

  it('has page expectations that name pages and forbidden words', () => {
    expect(pageExpectations(dir).pages).toContain('/');
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('sends the resident to the expected windows: %s', (_, s) => {
    const result = triage(data, s.answers as Answers);
    const got = result.windows.map((w) => w.windowId);
    expect(got.slice(0, s.first.length)).toEqual(s.first);
    for (const x of s.excludes ?? []) expect(got).not.toContain(x);
    expect(result.outside).toBe(Boolean(s.outside));
  });
});

describe('src/ names no municipality', () => {
  const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${d}/${e.name}`) : [`${d}/${e.name}`]));
  const source = files('src').map((f) => ({ f, text: readFileSync(f, 'utf8') }));
  // Every profile's names, district names and ids, window ids and numbers.
  const names = profileIds().flatMap((id) => {
    const dir = profileDir(id);
    const site = readYaml(contentPath('site.yaml', dir)) as Record<string, string>;
    const areas = readYaml(contentPath('areas.yaml', dir)) as { id: string; name: string }[];
    const data = loadTriageData(dir);
    return [
      site.municipality!, site.operator!, site.phone!,
      ...areas.flatMap((a) => [a.name, a.id]),
      ...data.windows.flatMap((w) => [w.id, w.name, ...w.channels.flatMap((c) => ('number' in c ? [c.number] : []))]),
    ];
  });

  it('finds the profiles\' names to look for', () => {
    expect(names).toEqual(expect.arrayContaining(['今別町', 'imabetsu', '017-752-1888']));
  });
  it.each(source.map((s) => [s.f, s] as const))('%s', (_, { text }) => {
    const found = names.filter((n) => new RegExp(`(^|[^a-z0-9-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9-])`).test(text));
    expect(found).toEqual([]);
  });
});
