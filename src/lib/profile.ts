// Which municipality's content the build reads. A municipality is a content profile: one folder
// holding its windows, areas, places, programs, pages, translations, sources, site settings and
// triage routing (content/profiles/<id>/). What every profile shares (national hotlines, the
// wizard's questions, the search vocabulary) stays in content/ and is used when the profile has
// no file of its own. Node only: the build (astro.config.mjs, content.config.ts), the CLI and tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The folder every profile falls back to for the files it does not carry. */
export const sharedContent = 'content';

/** content/profiles/profiles.yaml: the default profile, and any profile whose folder is not content/profiles/<id>/. */
interface ProfileIndex {
  default: string;
  folders?: Record<string, string>;
}

function profileIndex(root = '.'): ProfileIndex {
  return parse(readFileSync(join(root, sharedContent, 'profiles', 'profiles.yaml'), 'utf8')) as ProfileIndex;
}

/** The selected profile's id: PORTAL_PROFILE, else the default named in content/profiles/profiles.yaml. */
export function profileId(env: Record<string, string | undefined> = process.env, root = '.'): string {
  const id = env.PORTAL_PROFILE?.trim() || profileIndex(root).default;
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`PORTAL_PROFILE must be a folder name of lower-case letters, digits and hyphens, not "${id}"`);
  return id;
}

/** The folder of a profile, relative to the project root. */
export function profileDir(id: string = profileId(), root = '.'): string {
  const dir = profileIndex(root).folders?.[id] ?? join(sharedContent, 'profiles', id);
  if (!existsSync(join(root, dir, 'site.yaml'))) throw new Error(`profile "${id}": ${dir}/site.yaml is missing (profiles live in content/profiles/<id>/)`);
  return dir;
}

/**
 * The folder a profile's build is written to and served from: dist/ for the default profile (what
 * `npm start` serves), dist-<id>/ for any other, so two profiles' builds can sit side by side.
 */
export function profileDist(id: string = profileId(), root = '.'): string {
  return id === profileIndex(root).default ? 'dist' : `dist-${id}`;
}

/** Every profile id: the folders under content/profiles/ plus the ones placed elsewhere. */
export function profileIds(root = '.'): string[] {
  const base = join(root, sharedContent, 'profiles');
  const folders = readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return [...new Set([...folders, ...Object.keys(profileIndex(root).folders ?? {})])].sort();
}

/**
 * The path of a content file or folder for a profile: the profile's own when it has one, else the
 * shared one. `rel` is relative to a content folder, e.g. "windows" or "triage/routing.yaml".
 */
export function contentPath(rel: string, dir: string = profileDir(), root = '.'): string {
  return existsSync(join(root, dir, rel)) ? join(dir, rel) : join(sharedContent, rel);
}

/**
 * The names UI strings interpolate, per locale: `{{municipality}}` (who is served: a 市, or
 * the towns a 社協 serves), `{{localGov}}` (the word in 市内 / 市外: 市, 町, 村, or e.g. 9町村),
 * `{{operator}}` (who runs the portal and receives what is sent) and `{{examplePhone}}`.
 * Districts are the wizard's options: `triage.opt.district.<area id>` is the area's name.
 */
export interface ProfileStrings {
  vars: { municipality: string; localGov: string; operator: string; examplePhone: string };
  districts: Record<string, string>;
}

type Raw = Record<string, unknown>;

/**
 * The wizard's region options (`region-<regionId>`, src/triage/districts.ts) named by their region: in
 * Japanese the areas' `region`; translated, the first area's translated sphere (the same region there).
 */
function regionNames(areas: Raw[], translated: (areaId: string) => unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of areas) if (a.regionId && a.region) out[`region-${String(a.regionId)}`] ??= String(translated(String(a.id)) ?? a.region);
  return out;
}

/** Reads a profile's site and area names for every locale (ja from site.yaml, the rest from translations). */
export function profileStrings(dir: string = profileDir(), root = '.'): Record<string, ProfileStrings> {
  const read = (rel: string) => parse(readFileSync(join(root, contentPath(rel, dir, root)), 'utf8')) as unknown;
  const site = read('site.yaml') as Raw;
  const areas = read('areas.yaml') as Raw[];
  const ja: ProfileStrings = {
    vars: { municipality: String(site.municipality), localGov: String(site.localGov), operator: String(site.operator), examplePhone: String(site.phone) },
    districts: { ...Object.fromEntries(areas.map((a) => [String(a.id), String(a.name)])), ...regionNames(areas, () => undefined) },
  };
  const out: Record<string, ProfileStrings> = { ja };
  const trDir = join(root, contentPath('translations', dir, root));
  for (const f of existsSync(trDir) ? readdirSync(trDir).filter((n) => n.endsWith('.yaml')) : []) {
    const tr = parse(readFileSync(join(trDir, f), 'utf8')) as { site?: Raw; areas?: Record<string, Raw> };
    const s = tr.site ?? {};
    out[f.replace(/\.yaml$/, '')] = {
      vars: {
        municipality: String(s.localName ?? ja.vars.municipality),
        localGov: String(s.localGov ?? ja.vars.localGov),
        operator: String(s.operator ?? ja.vars.operator),
        examplePhone: ja.vars.examplePhone,
      },
      districts: { ...Object.fromEntries(areas.map((a) => [String(a.id), String(tr.areas?.[String(a.id)]?.name ?? a.name)])), ...regionNames(areas, (id) => tr.areas?.[id]?.sphere) },
    };
  }
  return out;
}

/**
 * Fills the profile's names into a locale's strings: `{{municipality}}`, `{{localGov}}`, `{{operator}}`
 * and `{{examplePhone}}`, and one `triage.opt.district.<area id>` per area (the wizard's options come
 * from the profile's areas). Other placeholders are left for i18next.
 */
export function fillProfile(strings: Record<string, string>, profile: ProfileStrings): Record<string, string> {
  const vars: Record<string, string> = profile.vars;
  const filled = Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, value.replace(/\{\{(municipality|localGov|operator|examplePhone)\}\}/g, (_, name: string) => vars[name]!)]));
  for (const [id, name] of Object.entries(profile.districts)) filled[`triage.opt.district.${id}`] = name;
  return filled;
}
