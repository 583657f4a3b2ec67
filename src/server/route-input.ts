// What the router is given for something sent, in one place: the services route with it when it
// arrives, and the staff detail page reruns it to say why the item reached each window (the rule is
// deterministic). A 連絡票 once went through the page as if it were a resident's inquiry, so its
// reasons were missing (it has `district`, not `area`, and always asks for the coordinator).
import type { Routing } from '@/schemas/routing';
import type { FieldId } from '@/schemas/taxonomy';
import { fieldsForCategories, type RouteInput } from '@/triage/route';
import type { Inquiry } from '@/schemas/inquiry';
import type { Referral } from '@/schemas/referral';

/** The parts of a stored inquiry or 連絡票 (kind 'referral') that routing reads. */
export type RouteSource = Pick<Inquiry, 'categories' | 'area' | 'window'> | ({ kind: 'referral' } & Pick<Referral, 'categories' | 'district'>);

export function routeInputFor(body: RouteSource, routing: Routing): RouteInput {
  const fields = fieldsForCategories(routing, body.categories ?? []);
  // Only a 連絡票 carries a kind: an inquiry is stored without one (src/server/store/types.ts).
  if ('kind' in body) {
    // An agency brings a case it cannot handle alone (seed 001): the 多機関協働 coordinator always,
    // asked for through the router's own `coordination` field, plus the field windows near the person.
    const withCoordinator: FieldId[] = ['coordination', ...fields];
    return { fields: withCoordinator, district: body.district === 'unknown' ? undefined : body.district };
  }
  return { fields, district: body.area === 'unknown' ? undefined : body.area, chosenWindow: body.window === 'any' ? undefined : body.window };
}
