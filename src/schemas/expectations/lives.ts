// content/profiles/<id>/expectations/lives.yaml: lives the wizard has words for (issue 18), each
// answered as a resident would, and what the result must show. Read by tests/flows/lives.test.ts.
// Every key but id, note and answers is one check; a life names at least one.
import { z } from 'zod';
import { caseId, wizardAnswers, windowRef } from './common';

const ids = z.array(z.string().min(1)).min(1);

export const lifeSchema = z
  .strictObject({
    id: caseId,
    /** The life in a sentence, for whoever reads a failure. */
    note: z.string().min(1),
    answers: wizardAnswers,
    /** The result lists exactly these windows, in this order. */
    windows: z.array(windowRef).min(1).optional(),
    /** The result lists these windows (among others). */
    includes: z.array(windowRef).min(1).optional(),
    /** The result does not list these windows. */
    excludes: z.array(windowRef).min(1).optional(),
    /** Emergency numbers come first (or not). */
    urgent: z.boolean().optional(),
    /** The first hotlines shown, in this order (national numbers: content/hotlines.yaml). */
    hotlinesFirst: ids.optional(),
    /** Hotlines shown (among others). */
    hotlines: ids.optional(),
    /** Hotlines not shown. */
    noHotlines: ids.optional(),
    /** Complex patterns found (content/triage/flow.yaml). */
    patterns: ids.optional(),
    /** Complex patterns not found. */
    noPatterns: ids.optional(),
    /** The result is marked sensitive (no share link). */
    sensitive: z.boolean().optional(),
    /** What the Japanese reasons on one window say: words they contain, and whether a phone number is absent. */
    reasons: z
      .array(z.strictObject({ window: windowRef, contains: ids.optional(), noPhoneNumber: z.boolean().optional() }))
      .min(1)
      .optional(),
  })
  .refine((l) => Object.keys(l).some((k) => !['id', 'note', 'answers'].includes(k)), { message: 'a life needs at least one check' });
export type Life = z.infer<typeof lifeSchema>;

export const livesSchema = z.strictObject({ lives: z.array(lifeSchema).min(1) });
