// The selected profile (PORTAL_PROFILE) as the browser tests need it: its windows and districts read
// from its content (to find what to look at), and its journeys.yaml (what residents must get).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { contentPath as cp } from '@/lib/profile';
import { telHref } from '../../../src/lib/phone';
import { journeyExpectations, scenarioExpectations } from '../../support/expectations';
import { windowFiles } from '../../support/content';

export interface WindowFile { id: string; name: string; anyField?: boolean; serviceArea?: string[] | 'citywide'; lead?: string; channels: { type: string; number?: string }[]; hours?: { weekly?: unknown[] }; address?: { text?: string } }

/** Every window of the profile, in file order. */
export const windows: WindowFile[] = windowFiles().map(({ id, raw }) => ({ id, ...(raw as Omit<WindowFile, 'id'>) }));
const byId = new Map(windows.map((w) => [w.id, w]));

/** A window's file; an unknown id is a mistake in the test data, so it throws. */
export function windowOf(id: string): WindowFile {
  const w = byId.get(id);
  if (!w) throw new Error(`no window "${id}" in this profile`);
  return w;
}
export const windowName = (id: string) => windowOf(id).name;
/**
 * The window the wizard's result shows first for a known district (issue 24: the nearest first): the
 * district's own window taking any trouble (Aomori: the town's 心配ごと相談所), else `routedFirst` (the
 * window the routing puts first, which the form is handed).
 */
export const shownFirst = (district: string, routedFirst: string) =>
  windows.find((w) => w.anyField && Array.isArray(w.serviceArea) && w.serviceArea.includes(district))?.id ?? routedFirst;
/** The window's phone numbers as written in its file. */
export const phonesOf = (id: string) => windowOf(id).channels.filter((c) => c.type === 'phone').map((c) => c.number!);

/** The districts (areas) of the profile in display order: id and Japanese name. */
export const districts: { id: string; name: string }[] = (parse(readFileSync(cp('areas.yaml'), 'utf8')) as { id: string; name: string; order: number }[])
  .sort((a, b) => a.order - b.order)
  .map(({ id, name }) => ({ id, name }));
export function districtName(id: string): string {
  const d = districts.find((x) => x.id === id);
  if (!d) throw new Error(`no district "${id}" in this profile`);
  return d.name;
}

export const journeys = journeyExpectations();
export const scenarios = scenarioExpectations();
export { telHref };

/** The window with the longest name: the page whose heading is likeliest to break a layout. */
export const longestNamedWindow: WindowFile = [...windows].sort((a, b) => b.name.length - a.name.length)[0]!;

/** The profile's program page (/shikumi/<slug>/) with the most text: the one likeliest to break a layout. */
export const longestProgram: string = readdirSync(cp('programs/ja'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ slug: f.replace(/\.md$/, ''), size: statSync(cp(`programs/ja/${f}`)).size }))
  .sort((a, b) => b.size - a.size)[0]!.slug;

/** Program pages whose translation into `locale` is a summary (front matter translation.kind), the longest first. */
export function summaryPrograms(locale: string): string[] {
  const dir = cp(`programs/${locale}`);
  const slugs = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => {
      const front = parse(readFileSync(`${dir}/${f}`, 'utf8').split(/^---$/m)[1]!) as { translation?: { kind?: string } };
      return front.translation?.kind === 'summary';
    })
    .map((f) => f.replace(/\.md$/, ''));
  return slugs.sort((a, b) => Number(b === longestProgram) - Number(a === longestProgram));
}
