import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import ja from '@/i18n/ui/ja.json';
import { contentPath as cp } from '@/lib/profile';
import { placeSchema } from '@/schemas/place';
import { distClient } from '../support/dist-weight';

// The profile's names are filled into the UI strings by placeholder ({{operator}} is who runs the
// portal). A string that also takes an i18next value of the same name got the portal's operator
// instead: the 居場所 page said 「運営する団体: 香取市」 for places run by 香取市社会福祉協議会.
const places = ((parse(readFileSync(cp('places.yaml'), 'utf8')) as unknown[] | null) ?? []).map((p) => placeSchema.parse(p));
const text = (html: string) => html.replace(/<rp>.*?<\/rp>|<rt>.*?<\/rt>/g, '').replace(/<[^>]+>/g, '');

describe('the 居場所 page (built, the selected profile)', () => {
  const page = text(readFileSync(join(distClient, 'ibasho', 'index.html'), 'utf8'));
  const shown = places.filter((p) => p.operator && p.kind !== 'childcareHub');
  it('lists each place with the organisation that runs it, as the content says, or says it has none instead of showing an empty page', () => {
    // A profile whose sources name no place (places.yaml is []) still has the page in its menu.
    if (places.length > 0) {
      for (const p of places) expect(page, p.id).toContain(p.name);
      for (const p of shown) expect(page, p.id).toContain(ja['places.operator'].replace('{{organisation}}', p.operator!));
      expect(page).not.toContain(ja['places.none']);
    } else {
      expect(page).toContain(ja['places.none']);
      // Nothing to phone about: no "ask the division in charge" for places that are not listed.
      expect(page).not.toContain(ja['places.noContact']);
    }
  });
});

describe('UI strings and the profile names', () => {
  it('no page passes an i18next value under a profile placeholder name (it would be replaced by the profile)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : /\.(astro|tsx?)$/.test(e.name) ? [`${dir}/${e.name}`] : []));
    const offending = files('src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*['"`][^'"`]+['"`]\s*,\s*\{[^}]*\b(municipality|localGov|operator|examplePhone)\s*:/g)].map((m) => `${f}: ${m[0]}`));
    expect(offending).toEqual([]);
  });
});
