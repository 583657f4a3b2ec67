import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, localeInfo } from '@/i18n/locales';
import { contentPath } from '@/lib/profile';
import { siteSchema } from '@/schemas/site';
import { windowSchema } from '@/schemas/window';
import { readYaml, windowFiles } from '../support/content';
import { distClient } from '../support/dist-weight';

const windows = windowFiles().map(({ id, raw }) => ({ id, ...windowSchema.parse(raw) }));
const site = siteSchema.parse(readYaml(contentPath('site.yaml')));
const areas = readYaml(contentPath('areas.yaml')) as { id: string; name: string }[];

/** The JSON-LD blocks of a built window page, parsed as a search engine would. */
const jsonLd = (id: string, prefix = '') => {
  const html = readFileSync(join(distClient, prefix, 'madoguchi', id, 'index.html'), 'utf8');
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, any>);
};

describe('JSON-LD on window pages', () => {
  it('every window page in every locale carries one GovernmentService', () => {
    for (const w of windows) for (const l of locales) expect(jsonLd(w.id, localeInfo[l].prefix).filter((d) => d['@type'] === 'GovernmentService'), `${l} ${w.id}`).toHaveLength(1);
  });
  it('names the provider, the area served and the phone as content gives them, and hours only where known', () => {
    for (const w of windows) {
      const [d] = jsonLd(w.id);
      expect(d!['@context']).toBe('https://schema.org');
      expect(d!.name).toBe(w.name);
      expect(d!.provider.name).toBe(w.operation.operator ?? site.operator);
      const served = d!.areaServed.map((a: { name: string }) => a.name);
      expect(served).toEqual(w.serviceArea === 'citywide' ? [site.municipality] : w.serviceArea.map((id) => areas.find((a) => a.id === id)!.name));
      const phone = w.channels.find((c) => c.type === 'phone');
      expect(d!.availableChannel.servicePhone?.telephone).toBe(phone?.type === 'phone' ? phone.number : undefined);
      if (w.hours.weekly.length === 0) expect(d!.hoursAvailable).toBeUndefined();
      else expect(d!.hoursAvailable.map((h: { opens: string }) => h.opens)).toEqual(w.hours.weekly.map((s) => s.opens));
    }
  });
});
