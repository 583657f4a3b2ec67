import type { Flow } from '@/schemas/flow';

/**
 * The wizard's district question lists the profile's areas: content/triage/flow.yaml (shared by every
 * profile) names only the answers that are not districts ("unknown", the outside option), and the
 * areas of the selected profile come first, in their display order. Areas are written once.
 */
export function withDistricts(flow: Flow, areaIds: readonly string[]): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.setsDistrict ? { ...n, options: [...areaIds, ...n.options.filter((o) => !areaIds.includes(o))] } : n)),
  };
}
