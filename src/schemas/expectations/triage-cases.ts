// content/profiles/<id>/expectations/triage-cases.yaml: the triage development cases, each what a
// resident might say, as wizard answers, and the windows the result must include.
// Read by tests/flows/scenarios.test.ts.
import { z } from 'zod';
import { caseId, wizardAnswers, windowRef } from './common';

export const triageCaseSchema = z.strictObject({
  id: caseId,
  /** What the resident says, in their words. */
  says: z.string().min(1),
  /** The same, as answers to the wizard. */
  answers: wizardAnswers,
  /** Windows that must appear in the result (empty when only the emergency numbers matter). */
  mustInclude: z.array(windowRef),
  /** Emergency numbers come first. */
  urgent: z.boolean(),
});
export type TriageCase = z.infer<typeof triageCaseSchema>;

export const triageCasesSchema = z.strictObject({ cases: z.array(triageCaseSchema).min(1) });
