// The open data's input from the content collections (build time). The shaping is in opendata.ts.
import { loadAreas, loadSite, loadSources, loadWindows, type CitedSource } from './collections';
import type { OpenDataInput } from './opendata';

export async function loadOpenDataInput(siteUrl: string): Promise<OpenDataInput> {
  const [windows, areas, site] = [await loadWindows('ja'), await loadAreas('ja'), await loadSite('ja')];
  const ids = [...new Set(windows.flatMap((w) => w.source.documents))];
  const cited = await loadSources(ids, 'ja');
  const sources: Record<string, CitedSource> = Object.fromEntries(ids.map((id, i) => [id, cited[i]!]));
  return {
    windows,
    areaNames: Object.fromEntries(areas.map((a) => [a.id, a.name])),
    sources,
    municipality: site.municipality,
    siteUrl,
    licence: site.openDataLicence,
  };
}
