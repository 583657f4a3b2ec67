// A profile may serve a 市, a 町, a 村, or several towns and villages (a 社協 serving 9町村). Words
// such as 市内, 市外 or 「市の担当課」 are right for a 市 and wrong for the others: a resident of a
// 町 reading 「市には送られません」 is told about a city that does not exist. The UI strings therefore
// name the local government only through {{localGov}} / {{operator}}, and no built page of a profile
// may use a kind of local government that is not the profile's own (site.yaml `localGov`), except
// inside a proper name (青森市中央…, 香取市社会福祉協議会), which is always written after other kanji.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locales } from '@/i18n/locales';
import { stripRuby } from '@/i18n/ruby';
import { contentPath, profileDist } from '@/lib/profile';
import { siteSchema } from '@/schemas/site';

/** The kinds of 市区町村 a profile's local government can be (the word in 市内 / 町内 / 村内). */
const kinds = ['市', '町', '村'] as const;

/**
 * What a sentence says about "the" local government: the bare word followed by 内, 外 or a particle
 * (市内, 市外, 市の, 市が, 市は, 市に, 市や …). A 市 after other kanji belongs to a name
 * (香取市, 青森市, 都市) and is not matched; nor are the generic 市区町村 / 市町村.
 */
const bareUse = (kind: string) => new RegExp(`(?<![\\p{Script=Han}々ヶ])${kind}(?:内|外|の|が|は|に|へ|を|や|も|から|と|で)`, 'gu');

/** A list of kinds (「市や町や村」, 「ほかの市や町」) means municipalities in general, like 市区町村. */
const generic = (text: string) => text.replace(/[市町村](?:[やと・、][市町村])+/g, '市町村');

/** Each bare use of a kind in the text, with a little context to find it. */
function bareUses(text: string, kindsToFind: readonly string[]): string[] {
  const plain = generic(text);
  return kindsToFind.flatMap((k) => [...plain.matchAll(bareUse(k))].map((m) => plain.slice(Math.max(0, m.index - 20), m.index + 20)));
}

describe('the check for local-government words', () => {
  it('finds 市内, 市外 and 市の, and not a 市 inside a name or the generic 市区町村', () => {
    expect(bareUses('答えは市には送られません。市内全域。市外の方。', ['市'])).toHaveLength(3);
    expect(bareUses('青森市中央3丁目。香取市の案内。市区町村の窓口。市町村の事業。住んでいる市や町や村の窓口。ほかの市や町と一緒に。', ['市', '町', '村'])).toEqual([]);
  });
});

describe('UI strings', () => {
  // ja and easy carry the Japanese wording; the other locales translate it (checked on the pages below).
  it.each(['ja', 'easy'] as const)('%s names the local government only through {{localGov}} or {{operator}}', (locale) => {
    expect(locales).toContain(locale);
    const strings = JSON.parse(readFileSync(`src/i18n/ui/${locale}.json`, 'utf8')) as Record<string, string>;
    const found = Object.entries(strings).flatMap(([key, value]) => bareUses(stripRuby(value), kinds).map((ctx) => `${key}: …${ctx}…`));
    expect(found).toEqual([]);
  });
});

describe("the built pages of the selected profile", () => {
  const site = siteSchema.parse(parse(readFileSync(contentPath('site.yaml'), 'utf8')));
  // A 市 may say 市内; 9町村 may say 町内 or 村の but never 市内 or 市の.
  const foreign = kinds.filter((k) => !site.localGov.includes(k));
  const client = join(profileDist(), 'client');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      // The search index holds words residents may type (町役場 in any profile), not what the site says.
      else if (/\.(html|json|js)$/.test(name) && name !== 'search-index.json') files.push(file);
    }
  };
  if (existsSync(client)) walk(client);

  /**
   * What a resident can read in a built file: the text and attribute values (island props carry the
   * wizard's strings, aria-labels and titles are read out), without ruby readings or markup.
   */
  const readable = (raw: string) =>
    stripRuby(
      raw
        .replace(/<rt>[\s\S]*?<\/rt>|<rp>[\s\S]*?<\/rp>/g, '')
        .replace(/<\/?(?:ruby|rb)>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );

  it('exists (run the build of this profile first)', () => {
    expect(files.filter((f) => f.endsWith('.html')).length, client).toBeGreaterThan(0);
  });

  it(`never says 市内, 市外, 市の … for a kind of local government other than the profile's own (${site.localGov})`, () => {
    expect(foreign.length).toBeLessThan(kinds.length);
    const found = files.flatMap((f) => bareUses(readable(readFileSync(f, 'utf8')), foreign).map((ctx) => `${f}: …${ctx}…`));
    expect([...new Set(found)]).toEqual([]);
  });
});
