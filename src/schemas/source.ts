import { z } from 'zod';

/** A date as the document prints it: a day (2024-06-27) or only a month (2023-03 for 令和5年3月). */
const documentDate = z
  .string()
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, { message: 'must be written YYYY-MM-DD, or YYYY-MM when the document gives only the month (quote it)' });

const common = {
  /** The title as the publisher prints it. */
  title: z.string().min(1),
  /** Who published it. Leave out when the document does not say. */
  publisher: z.string().min(1).optional(),
  /** The public address. Leave out when it is not known; never guess one. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** When the copy here was taken, or when the facts were checked against it. */
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be the date retrieved, YYYY-MM-DD (quote it)' }),
};

/**
 * Front matter of a source in content/sources/<id>.md. Content entries name sources by id, and
 * the facts test checks their numbers, names and addresses against these files only.
 * - `document`: the body is the text as published, so the check runs against the words themselves.
 *   Give the date it was published or last updated, whichever the document prints.
 * - `reference`: a page whose text is not carried here; what was checked against it is recorded
 *   item by item (the national hotline list, content/sources/national-hotlines.yaml).
 */
export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('document'), ...common, published: documentDate.optional(), updated: documentDate.optional() }),
  z.strictObject({ kind: z.literal('reference'), ...common }),
  /**
   * `window-declared`: what a window stated about itself in /staff/facts/ and an editor approved (issue 30).
   * Written by `npm run content -- apply`: the body lists each approved statement with its date, so the
   * facts tests find the numbers in it as in any document. `declared` is the latest statement's date.
   */
  z.strictObject({ kind: z.literal('window-declared'), ...common, window: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), declared: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be the date declared, YYYY-MM-DD (quote it)' }) }),
]);
export type Source = z.infer<typeof sourceSchema>;
