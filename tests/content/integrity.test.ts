import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSchema } from '@/schemas/area';
import { hotlineSchema } from '@/schemas/hotline';
import { routingSchema } from '@/schemas/routing';
import { windowSchema } from '@/schemas/window';
import { frontMatter, readYaml, shared, windowFiles } from '../support/content';
import { contentPath as cp } from '@/lib/profile';
import { roleIds } from '@/triage/route';

const windows = windowFiles().map(({ id, raw }) => ({ id, ...windowSchema.parse(raw) }));
const windowIds = new Set(windows.map((w) => w.id));
const areas = (readYaml(cp('areas.yaml')) as unknown[]).map((a) => areaSchema.parse(a));
const routing = routingSchema.parse(readYaml(cp('triage/routing.yaml')));
const hotlines = (readYaml(cp('hotlines.yaml')) as unknown[]).map((h) => hotlineSchema.parse(h));
const seeds = readdirSync('../shared/seeds').map((f) => shared(`seeds/${f}`)).join('\n');
const hotlineReference = shared('reference/hotlines.md');

/** Every file under content/ as text. */
const contentFiles = (dir = 'content'): { path: string; text: string }[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? contentFiles(`${dir}/${e.name}`) : [{ path: `${dir}/${e.name}`, text: readFileSync(`${dir}/${e.name}`, 'utf8') }],
  );

describe('references between content entries', () => {
  it('every district a window serves exists', () => {
    const districtIds = new Set(areas.map((a) => a.id));
    for (const w of windows) if (w.serviceArea !== 'citywide') for (const d of w.serviceArea) expect(districtIds, `${w.id} → ${d}`).toContain(d);
  });
  it('every district is served by exactly one 地域包括支援センター', () => {
    for (const a of areas) {
      const elderly = windows.filter((w) => w.fields.includes('elderly') && (w.serviceArea === 'citywide' || w.serviceArea.includes(a.id)));
      expect(elderly.map((w) => w.id), a.name).toHaveLength(1);
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

describe('contact facts come from the sources', () => {
  it('every window phone and FAX number appears verbatim in the seeds', () => {
    for (const w of windows) for (const c of w.channels) if ('number' in c) expect(seeds, `${w.id}: ${c.number}`).toContain(c.number);
  });
  it('every email address appears in the seeds', () => {
    for (const w of windows) for (const c of w.channels) if (c.type === 'email' && c.address) expect(seeds).toContain(c.address);
  });
  it('every hotline number is on the verified list', () => {
    for (const h of hotlines) expect(hotlineReference, h.name).toContain(`| ${h.number} |`);
  });
  it('every file that holds a phone-like number also names its source', () => {
    const phoneLike = /(?:0\d{1,4}-\d{1,4}-\d{3,4}|#\d{4}\b)/;
    // Translations inherit the source of the Japanese entry they translate; the next test still checks their numbers.
    const isTranslation = (path: string) => /content\/(profiles\/[^/]+\/)?translations\/|content\/(profiles\/[^/]+\/)?(programs|pages)\/(?!ja\/)/.test(path);
    for (const f of contentFiles().filter((f) => phoneLike.test(f.text) && !isTranslation(f.path))) expect(f.text, f.path).toMatch(/source:|ref:/);
  });
  it('no content file holds a phone number that is not in the seeds or on the hotline list', () => {
    const known = seeds + hotlineReference;
    for (const f of contentFiles()) {
      for (const [n] of f.text.matchAll(/0\d{1,4}-\d{1,4}-\d{3,4}/g)) expect(known, `${f.path}: ${n}`).toContain(n);
    }
  });
  it('the 5 windows of the city page carry its exact numbers', () => {
    const byName = Object.fromEntries(windows.map((w) => [w.name, w.channels.find((c) => c.type === 'phone')]));
    expect(byName['香取市佐原地域包括支援センター']).toMatchObject({ number: '0478-50-1231' });
    expect(byName['香取市小見川地域包括支援センター']).toMatchObject({ number: '0478-82-0718' });
    expect(byName['香取障害者支援センター']).toMatchObject({ number: '0478-79-6919' });
    expect(byName['香取市こども家庭センター']).toMatchObject({ number: '0478-50-1257' });
    expect(byName['香取CCC']).toMatchObject({ number: '0478-50-1919' });
  });
  it('only 香取CCC offers SNS (seed 000)', () => {
    expect(windows.filter((w) => w.channels.some((c) => c.type === 'sns')).map((w) => w.id)).toEqual(['katori-ccc']);
  });
});
