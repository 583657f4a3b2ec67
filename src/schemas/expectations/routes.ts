// content/profiles/<id>/expectations/routes.yaml: what the routing rule (src/triage/route.ts, shared by
// the wizard and the inquiry API) gives for support fields and a district. Read by tests/unit/route.test.ts.
import { z } from 'zod';
import { fieldId } from '../taxonomy';
import { windowRef } from './common';

export const routeCaseSchema = z.strictObject({
  /** What the case shows, for whoever reads a failure. */
  note: z.string().min(1),
  fields: z.array(fieldId),
  /** The person's district (an area id); left out when unknown. */
  district: z.string().optional(),
  complex: z.boolean().optional(),
  outside: z.boolean().optional(),
  chosenWindow: windowRef.optional(),
  /** Exactly these windows, in this order. */
  windows: z.array(windowRef).min(1),
  /** The coordinator was (or was not) brought in. */
  coordinator: z.boolean().optional(),
});
export type RouteCase = z.infer<typeof routeCaseSchema>;

export const routesSchema = z.strictObject({ routes: z.array(routeCaseSchema).min(1) });
