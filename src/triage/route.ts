import { servesDistrict } from '@/lib/areas';
import type { RoleWindows, Routing } from '@/schemas/routing';
import type { FieldId } from '@/schemas/taxonomy';
import type { ConsultationWindow } from '@/schemas/window';

/**
 * Why a window was chosen; wording for each lives under `route.reason.<kind>` in the locale files,
 * except the wizard's own: `triage.reason.outside` and `triage.why.<trouble>`.
 */
export type RouteReason =
  | { kind: 'field'; field: FieldId; districtKnown: boolean }
  | { kind: 'chosen' }
  /** `overlap`: the troubles overlap (troublesOverlap); otherwise the resident did not know where to turn. */
  | { kind: 'coordinator'; overlap: boolean }
  /** A local window that takes any trouble from residents of the district (心配ごと相談所). */
  | { kind: 'local' }
  | { kind: 'fallback' }
  /** The person lives outside the municipality: the general number, and their own municipality is the place to ask. */
  | { kind: 'outside' }
  /** Why this window fits a trouble whose window is not obvious (added by the wizard's engine). */
  | { kind: 'trouble'; trouble: string };

export interface RoutedWindow {
  windowId: string;
  reasons: RouteReason[];
}

/** The part of a window that routing reads. */
export type RoutableWindow = Pick<ConsultationWindow, 'id' | 'fields' | 'serviceArea'> & Partial<Pick<ConsultationWindow, 'anyField'>>;

export interface RouteInput {
  /** Support fields the troubles involve (from categories or the wizard's trouble rules). */
  fields: readonly FieldId[];
  /** District id, or undefined when the person's district is unknown or outside the city. */
  district?: string;
  /**
   * Without a district: the areas the person may live in (a region the resident named). Windows serving
   * one of them are taken, as for a known district, but no area's own local window.
   */
  areas?: readonly string[];
  /** A window the sender chose themselves; it is kept first. */
  chosenWindow?: string;
  /** Set when a complex pattern (8050, ダブルケア …) was detected even within one field. */
  complex?: boolean;
  /** The person lives outside the municipality: only the general number is returned. */
  outside?: boolean;
}

export interface RouteResult {
  windows: RoutedWindow[];
  /** True when the 多機関協働 coordinator was added. */
  coordinator: boolean;
}

/** Fields a set of trouble categories involves, in first-seen order, without repeats. */
export function fieldsForCategories(routing: Routing, categoryIds: readonly string[]): FieldId[] {
  const byId = new Map(routing.categories.map((c) => [c.id, c.fields]));
  return [...new Set(categoryIds.flatMap((id) => byId.get(id) ?? []))];
}

/**
 * True when the troubles really overlap (困りごとが重なっている): two or more specialist fields, or a
 * complex pattern. Only then may a page say so; 「わからない」 alone also brings in the coordinator,
 * but not because anything overlaps.
 */
export function troublesOverlap(fields: readonly FieldId[], complex = false): boolean {
  return complex || new Set(fields.filter((f) => f !== 'coordination')).size >= 2;
}

/**
 * The window(s) of a role (coordinator, fallback, outside) for a district: a single id as it is;
 * from a list, those serving the district, or all when the district is unknown or none serves it.
 */
export function roleWindowIds(role: RoleWindows, windows: readonly RoutableWindow[], district?: string, areas: readonly string[] = []): string[] {
  if (typeof role === 'string') return [role];
  const near = district ? [district] : areas;
  const serving = near.length ? role.filter((id) => windows.some((w) => w.id === id && near.some((d) => servesDistrict(w, d)))) : [];
  return serving.length > 0 ? serving : [...role];
}

/** Every window id a role names (for reference checks). */
export const roleIds = (role: RoleWindows): string[] => [role].flat();

/**
 * Chooses the windows for a set of fields and a district. One rule set shared by the
 * wizard (browser and no-JS route) and the inquiry API:
 * - each specialist field gets the windows of that field that serve the district
 *   (all of them when the district is unknown, so nobody is sent to the wrong 地域包括);
 * - a window that takes any field (a town's 心配ごと相談所) joins when it serves the known district;
 * - the coordinator joins when two or more specialist fields are involved, when a field is
 *   `coordination` itself, or when a complex pattern was flagged;
 * - the result is never empty: with nothing else, the fallback window is returned;
 * - a person outside the municipality gets the general number only: this city's windows serve its residents.
 */
export function routeWindows(input: RouteInput, windows: readonly RoutableWindow[], routing: Pick<Routing, 'coordinatorWindow' | 'fallbackWindow' | 'outsideWindow'>): RouteResult {
  if (input.outside) return { windows: roleWindowIds(routing.outsideWindow, windows).map((windowId) => ({ windowId, reasons: [{ kind: 'outside' }] })), coordinator: false };

  const picked = new Map<string, RoutedWindow>();
  const add = (windowId: string, reason: RouteReason) => {
    const entry = picked.get(windowId) ?? { windowId, reasons: [] };
    entry.reasons.push(reason);
    picked.set(windowId, entry);
  };

  if (input.chosenWindow && windows.some((w) => w.id === input.chosenWindow)) add(input.chosenWindow, { kind: 'chosen' });

  const specialist = [...new Set(input.fields)].filter((f) => f !== 'coordination');
  for (const field of specialist) {
    const candidates = windows.filter((w) => w.fields.includes(field));
    const near = input.district ? [input.district] : (input.areas ?? []);
    const local = near.length ? candidates.filter((w) => near.some((d) => servesDistrict(w, d))) : candidates;
    for (const w of local.length > 0 ? local : candidates) add(w.id, { kind: 'field', field, districtKnown: Boolean(input.district) && local.length > 0 });
  }

  const overlap = troublesOverlap(input.fields, input.complex);
  const coordinator = overlap || input.fields.includes('coordination');
  if (coordinator) for (const id of roleWindowIds(routing.coordinatorWindow, windows, input.district, input.areas)) add(id, { kind: 'coordinator', overlap });
  if (input.district && input.fields.length > 0) {
    for (const w of windows) if (w.anyField && servesDistrict(w, input.district)) add(w.id, { kind: 'local' });
  }
  if (picked.size === 0) for (const id of roleWindowIds(routing.fallbackWindow, windows, input.district, input.areas)) add(id, { kind: 'fallback' });

  return { windows: [...picked.values()], coordinator };
}
