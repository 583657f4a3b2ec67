import type { Area } from '@/schemas/area';
import type { Flow } from '@/schemas/flow';

/** The option of a region in the district question (a resident who knows only 東地域 or 中南地域). */
export const regionOption = (regionId: string) => `region-${regionId}`;

/** Region option → the areas it covers, from the areas' `regionId` (in display order). */
export function regionGroups(areas: readonly Pick<Area, 'id' | 'regionId' | 'order'>[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const a of [...areas].sort((x, y) => x.order - y.order)) if (a.regionId) (groups[regionOption(a.regionId)] ??= []).push(a.id);
  return groups;
}

/**
 * The wizard's district question lists the profile's areas: content/triage/flow.yaml (shared by every
 * profile) names only the answers that are not districts ("unknown", the outside option), and the
 * areas of the selected profile come first, in their display order, then its regions (when the profile
 * has any). Areas are written once.
 */
export function withDistricts(flow: Flow, areaIds: readonly string[], regions: readonly string[] = []): Flow {
  const own = [...areaIds, ...regions];
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.setsDistrict ? { ...n, options: [...own, ...n.options.filter((o) => !own.includes(o))] } : n)),
  };
}
