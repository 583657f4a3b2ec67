// What the wizard hands to the inquiry form (相談を送る). Troubles are sensitive (violence, debts,
// mental health …), so the hand-off never travels in a URL: with JavaScript the wizard stores it in
// sessionStorage under HANDOFF_STORAGE_KEY and the form reads it once; without JavaScript the wizard's
// result page POSTs these same names as form fields to the form page, which reads them with this schema.
import * as z from 'zod/mini';
import { writerIds } from './inquiry';
import { ageGroups, consentStates } from './inquiry-fields';

/** sessionStorage key (defined without zod, so the wizard can write it without the validator). */
export { HANDOFF_STORAGE_KEY } from './handoff-key';

/** Ids only; the form page keeps those it knows and ignores the rest. */
export const handoffSchema = z.object({
  /** The window the wizard chose first (content/windows/<id>). */
  window: z.optional(z.string().check(z.maxLength(60))),
  /** Routing category ids of the troubles the resident ticked. */
  categories: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(40))),
  /** Who is writing, as the wizard asked it. */
  writer: z.optional(z.enum(writerIds)),
  /** The person's district (content/areas.yaml id, or 'unknown'). */
  district: z.optional(z.string().check(z.maxLength(40))),
  /** The person's age group, as the wizard asked it (the form's personAge ids). */
  personAge: z.optional(z.enum(ageGroups)),
  /** What the person thinks of asking for help, as the form's personConsent ids. */
  personConsent: z.optional(z.enum(consentStates)),
});

export type Handoff = z.infer<typeof handoffSchema>;
