import { servesDistrict } from '@/lib/areas';
import type { Routing } from '@/schemas/routing';
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
export type RoutableWindow = Pick<ConsultationWindow, 'id' | 'fields' | 'serviceArea'>;

export interface RouteInput {
  /** Support fields the troubles involve (from categories or the wizard's trouble rules). */
  fields: readonly FieldId[];
  /** District id, or undefined when the person's district is unknown or outside the city. */
  district?: string;
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
 * Chooses the windows for a set of fields and a district. One rule set shared by the
 * wizard (browser and no-JS route) and the inquiry API:
 * - each specialist field gets the windows of that field that serve the district
 *   (all of them when the district is unknown, so nobody is sent to the wrong 地域包括);
 * - the coordinator joins when two or more specialist fields are involved, when a field is
 *   `coordination` itself, or when a complex pattern was flagged;
 * - the result is never empty: with nothing else, the fallback window is returned;
 * - a person outside the municipality gets the general number only: this city's windows serve its residents.
 */
export function routeWindows(input: RouteInput, windows: readonly RoutableWindow[], routing: Routing): RouteResult {
  if (input.outside) return { windows: [{ windowId: routing.outsideWindow, reasons: [{ kind: 'outside' }] }], coordinator: false };

  const picked = new Map<string, RoutedWindow>();
  const add = (windowId: string, reason: RouteReason) => {
    const entry = picked.get(windowId) ?? { windowId, reasons: [] };
    entry.reasons.push(reason);
    picked.set(windowId, entry);
  };

  if (input.chosenWindow && windows.some((w) => w.id === input.chosenWindow)) add(input.chosenWindow, { kind: 'chosen' });

  const specialist = [...new Set(input.fields)].filter((f) => f !== 'coordination');
  for (const field of specialist) {
    const candidates = windows.filter((w) => w.fields.includes(field) && w.id !== routing.coordinatorWindow);
    const local = input.district ? candidates.filter((w) => servesDistrict(w, input.district!)) : candidates;
    for (const w of local.length > 0 ? local : candidates) add(w.id, { kind: 'field', field, districtKnown: Boolean(input.district) && local.length > 0 });
  }

  const overlap = troublesOverlap(input.fields, input.complex);
  const coordinator = overlap || input.fields.includes('coordination');
  if (coordinator) add(routing.coordinatorWindow, { kind: 'coordinator', overlap });
  if (picked.size === 0) add(routing.fallbackWindow, { kind: 'fallback' });

  return { windows: [...picked.values()], coordinator };
}
