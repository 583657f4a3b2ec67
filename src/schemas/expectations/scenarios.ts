// content/profiles/<id>/expectations/scenarios.yaml: what a profile's residents must get from the
// wizard. Each profile writes its own cases beside its content; the generic tests run them all.
import { z } from 'zod';

/** Wizard answers as the engine takes them: question id → option id(s). */
const answers = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The resident's situation in a sentence, for whoever reads a failure. */
  note: z.string().min(1),
  answers,
  /** The windows the result must list first, in this order. */
  first: z.array(z.string()).min(1),
  /** Windows the result must not list at all. */
  excludes: z.array(z.string()).optional(),
  /** The person lives outside the profile's area. */
  outside: z.boolean().optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenariosSchema = z.strictObject({ scenarios: z.array(scenarioSchema).min(1) });
