// content/profiles/<id>/expectations/facts.yaml: the profile's own fact checks, read from its sources
// by a person and written down here, so the generic content tests can hold the content to them.
// Read by tests/content/integrity.test.ts and tests/content/source-note.test.ts.
import { z } from 'zod';
import { channelType, fieldId } from '../taxonomy';
import { windowRef } from './common';

export const factsSchema = z.strictObject({
  /** Windows, by name as printed, and their numbers exactly as the source prints them. */
  numbers: z
    .array(z.strictObject({ name: z.string().min(1), phone: z.string().min(1), fax: z.string().min(1).optional(), source: z.string().min(1) }))
    .min(1),
  /** For a kind of contact channel, the only windows that offer it ([] = none does). */
  onlyWindowsWith: z.partialRecord(channelType, z.array(windowRef)),
  /** Fields for which every district is served by exactly one window (e.g. one 地域包括 per district). */
  oneWindowPerDistrict: z.array(fieldId).min(1),
  /** The published documents (kind: document) the profile's facts rest on, by id. */
  documents: z.array(z.string().min(1)).min(1),
  /** Source documents no entry cites, kept on purpose (each with its reason in a comment). */
  uncitedSources: z.array(z.string()),
  /**
   * Words a window name joins from what its documents print apart, or a plain label that is not a
   * printed name, each with the printed words that stand for it.
   */
  joinedNames: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
  /** A window page's source note as a reader sees it: the link to the source and the lines shown. */
  sourceNote: z.strictObject({
    window: windowRef,
    href: z.url(),
    /** Text the note shows on the Japanese page. */
    texts: z.array(z.string().min(1)).min(1),
  }),
});
export type Facts = z.infer<typeof factsSchema>;
